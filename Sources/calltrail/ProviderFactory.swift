import Foundation
import CalltrailHTTP
import CalltrailModel
import CalltrailProviders

/// Makes the configured provider. Each vendor adds its case here.
enum ProviderFactory {
    /// The configured provider and a call id checked against its id shape before
    /// any request (`call`, `recording`, `summary`).
    static func forCall(_ global: GlobalOptions, id: String) throws -> (provider: any CallProvider, call: CallID) {
        let provider = try make(try CalltrailConfiguration.resolve(global))
        let callID = CallID(id.trimmingCharacters(in: .whitespaces))
        try provider.descriptor.check(callID)
        return (provider, callID)
    }

    static let knownProviders = ["demo", "lofty", "skipcall", "nectardesk"]

    static func needsToken(_ provider: String) -> Bool { provider != "demo" }

    /// The demo's delay per page: 30 ms, or `CALLTRAIL_DEMO_LATENCY_MS` (0…10,000),
    /// so a slow network can be tried and benchmarked without one.
    static func demoLatency(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Duration {
        guard let text = environment["CALLTRAIL_DEMO_LATENCY_MS"], let milliseconds = Int(text), (0...10_000).contains(milliseconds) else {
            return .milliseconds(30)
        }
        return .milliseconds(milliseconds)
    }

    static func make(_ configuration: CalltrailConfiguration) throws -> any CallProvider {
        switch configuration.provider {
        case "demo":
            return DemoProvider(latency: demoLatency())
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
