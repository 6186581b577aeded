import ArgumentParser
import CalltrailTerminal

/// Options every command takes. The token is deliberately not among them.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Where calls come from: \(ProviderFactory.knownProviders.joined(separator: ", ")) (default: demo).",
            completion: .list(ProviderFactory.knownProviders))
    var provider: String?

    @Option(name: .customLong("base-url"), help: "The provider's API base URL (HTTPS, or http:// on this machine).")
    var baseURL: String?

    @Option(name: .customLong("page-size"), help: "Calls or leads per request.")
    var pageSize: Int?

    @Option(help: "Colour theme of the browser.", completion: .list(BuiltinThemes.names))
    var theme: String?

    @Option(name: .customLong("config"), help: "Config file (default: $XDG_CONFIG_HOME/calltrail/config.toml).",
            completion: .file(extensions: ["toml"]))
    var configPath: String?

    func validate() throws {
        if let pageSize, pageSize < 1 {
            throw ValidationError("--page-size must be at least 1")
        }
    }
}
