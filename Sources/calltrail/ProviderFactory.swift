import CalltrailHTTP
import CalltrailProviders

/// Makes the configured provider. Each vendor adds its case here.
enum ProviderFactory {
    static let knownProviders = ["demo", "lofty", "skipcall", "nectardesk"]

    static func needsToken(_ provider: String) -> Bool { provider != "demo" }

    static func make(_ configuration: CalltrailConfiguration) throws -> any CallProvider {
        switch configuration.provider {
        case "demo":
            return DemoProvider()
        case "lofty":
            let schemeText = configuration.authScheme ?? LoftyAuthScheme.bearer.rawValue
            guard let scheme = LoftyAuthScheme(configValue: schemeText) else {
                throw ConfigurationError(
                    "auth_scheme \"\(schemeText)\" is not one of bearer (OAuth tokens) or token (API keys)"
                        + (configuration.configPath.map { " (config file \($0))" } ?? ""))
            }
            return try LoftyProvider(
                baseURL: configuration.baseURL ?? LoftyProvider.defaultBaseURL,
                token: configuration.token ?? AccessToken(""), authScheme: scheme)
        case "skipcall":
            return try SkipcallProvider(
                baseURL: configuration.baseURL ?? SkipcallAPI.defaultBaseURL, token: configuration.token ?? AccessToken(""))
        case "nectardesk":
            return try NectarDeskProvider(
                baseURL: configuration.baseURL ?? NectarDeskAPI.defaultBaseURL, token: configuration.token ?? AccessToken(""))
        default:
            throw ConfigurationError(
                "unknown provider \"\(configuration.provider)\" (known: \(knownProviders.joined(separator: ", ")))")
        }
    }
}
