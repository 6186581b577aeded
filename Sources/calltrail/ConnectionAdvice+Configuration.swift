import CalltrailViewModel
import Foundation

extension ConnectionAdvice {
    /// What to check when the provider refuses the token or cannot be reached,
    /// naming the settings this run used (never the token itself).
    init(_ configuration: CalltrailConfiguration) {
        let file = configuration.configPath ?? "~/.config/calltrail/config.toml"
        var refused = ["Check the token: \(CalltrailConfiguration.Variable.token), else token or token_command in \(file)."]
        if configuration.provider == "lofty" {
            let scheme = configuration.authScheme ?? "bearer"
            refused.append("Lofty takes two kinds of token: auth_scheme = \"token\" for a personal API key, \"bearer\" for an OAuth access token (now: \(scheme)).")
        }
        let address = configuration.baseURL.map(Self.withoutCredentials) ?? "the provider's default address"
        let unreachable = [
            "Check the address: --base-url, \(CalltrailConfiguration.Variable.baseURL) or base_url in \(file) (now: \(address)).",
            "Check that the server is up and reachable from this machine (network, VPN, proxy).",
        ]
        self.init(whenRefused: refused, whenUnreachable: unreachable)
    }

    /// A URL as it may be shown: a user name or password in it is left out.
    static func withoutCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}
