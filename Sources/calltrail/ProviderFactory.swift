import CalltrailHTTP
import CalltrailProviders

/// Makes the configured provider. Each vendor adds its case here.
enum ProviderFactory {
    static let knownProviders = ["demo", "lofty"]

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
        default:
            throw ConfigurationError(
                "unknown provider \"\(configuration.provider)\" (known: \(knownProviders.joined(separator: ", ")))")
        }
    }
}
