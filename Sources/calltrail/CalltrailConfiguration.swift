import CalltrailHTTP
import Foundation

/// Every setting, resolved from defaults ← config file ← environment ← flags.
/// The token never comes from a flag and is never printed (`AccessToken` masks it).
struct CalltrailConfiguration: Sendable {
    var provider: String
    var baseURL: String?
    /// nil when none is set (the demo needs none).
    var token: AccessToken?
    var authScheme: String?
    var theme: String
    var pageSize: Int?
    var mouse: Bool
    /// The recording player for `o`: the config's `player`, else `$CALLTRAIL_PLAYER` (the
    /// issue's order); nil for the desktop's opener.
    var player: String?
    /// `team_view = true`: the inbox and `recent` list the team's calls (`--team` for one run).
    var teamView = false
    /// The config file that was read, if any: named in messages about its settings.
    var configPath: String?

    static let defaultProvider = "demo"
    static let defaultTheme = "default"

    /// Environment variables read, besides XDG_CONFIG_HOME and HOME.
    enum Variable {
        static let token = "CALLTRAIL_TOKEN"
        static let provider = "CALLTRAIL_PROVIDER"
        static let baseURL = "CALLTRAIL_BASE_URL"
        static let authScheme = "CALLTRAIL_AUTH_SCHEME"
        static let theme = "CALLTRAIL_THEME"
        static let pageSize = "CALLTRAIL_PAGE_SIZE"
        static let player = "CALLTRAIL_PLAYER"
    }

    static func resolve(
        _ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> CalltrailConfiguration {
        let explicitPath = options.configPath
        let path = explicitPath ?? ConfigFile.defaultPath(environment: environment)
        let file = try path.flatMap { try ConfigFile.load(path: $0, required: explicitPath != nil) }
        func env(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }

        var configuration = CalltrailConfiguration(
            provider: defaultProvider, baseURL: nil, token: nil, authScheme: nil, theme: defaultTheme,
            pageSize: nil, mouse: false, configPath: file == nil ? nil : path)
        if let file {
            configuration.provider = file.provider ?? configuration.provider
            configuration.baseURL = file.baseURL
            configuration.authScheme = file.authScheme
            configuration.theme = file.theme ?? configuration.theme
            configuration.pageSize = file.pageSize
            configuration.mouse = file.mouse ?? false
            configuration.teamView = file.teamView ?? false
            configuration.player = file.player.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        configuration.player = configuration.player ?? env(Variable.player)
        configuration.provider = env(Variable.provider) ?? configuration.provider
        configuration.baseURL = env(Variable.baseURL) ?? configuration.baseURL
        configuration.authScheme = env(Variable.authScheme) ?? configuration.authScheme
        configuration.theme = env(Variable.theme) ?? configuration.theme
        if let text = env(Variable.pageSize) {
            guard let size = Int(text), size >= 1 else {
                throw ConfigurationError("\(Variable.pageSize) must be a whole number ≥ 1")
            }
            configuration.pageSize = size
        }
        configuration.provider = (options.provider ?? configuration.provider).lowercased()
        configuration.baseURL = options.baseURL ?? configuration.baseURL
        configuration.theme = options.theme ?? configuration.theme
        configuration.pageSize = options.pageSize ?? configuration.pageSize

        // The token: the environment wins over the file; token_command runs only when needed.
        // Surrounding blanks and line ends are never part of a token (a file saved with CRLF, `$(cat key)`).
        if let token = environment[Variable.token]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            configuration.token = AccessToken(token)
        } else if let token = file?.token?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            configuration.token = AccessToken(token)
        } else if let command = file?.tokenCommand, ProviderFactory.needsToken(configuration.provider) {
            configuration.token = try TokenCommand.run(command, configPath: path ?? "the config file")
        }
        return configuration
    }
}
