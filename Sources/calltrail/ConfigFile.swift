import Foundation
import TOMLKit

/// The settings a config file holds, each optional. Unknown keys are refused
/// (a typo should not silently do nothing).
struct ConfigFile: Equatable {
    var provider: String?
    var baseURL: String?
    var token: String?
    var tokenCommand: String?
    var authScheme: String?
    var theme: String?
    var pageSize: Int?
    var mouse: Bool?
    /// The program (and its arguments) that plays a recording for `o`.
    var player: String?
    /// The team's calls in the inbox and `recent` (a manager's view).
    var teamView: Bool?

    static let knownKeys = ["provider", "base_url", "token", "token_command", "auth_scheme", "theme", "page_size", "mouse", "player", "team_view"]

    /// `$XDG_CONFIG_HOME/calltrail/config.toml`, else `~/.config/calltrail/config.toml`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/calltrail/config.toml"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/calltrail/config.toml"
    }

    /// Reads `path`. A missing file is fine only when it is the default one.
    static func load(path: String, required: Bool) throws -> ConfigFile? {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigurationError("config file \(path) does not exist") }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("config file \(path) cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("config file \(path) is not UTF-8 text")
        }
        let file = try parse(text, path: path)
        let warning = try ConfigFilePermissions.check(
            path: path, holdsToken: file.token != nil, runsCommand: file.tokenCommand != nil,
            file: ConfigFilePermissions.ownership(of: path),
            directory: ConfigFilePermissions.ownership(of: (path as NSString).deletingLastPathComponent))
        if let warning { StandardError.write(warning) }
        return file
    }

    static func parse(_ text: String, path: String) throws -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                "config file \(path), line \(error.source.begin.line): \(error.description)")
        }
        var file = ConfigFile()
        for key in table.keys {
            guard knownKeys.contains(key) else {
                throw ConfigurationError(
                    "config file \(path): unknown key \"\(key)\" (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else {
                throw ConfigurationError("config file \(path): \(key) must be a string")
            }
            return text
        }
        file.provider = try string("provider")
        file.baseURL = try string("base_url")
        file.token = try string("token")
        file.tokenCommand = try string("token_command")
        file.authScheme = try string("auth_scheme")
        file.theme = try string("theme")
        file.player = try string("player")
        if let value = table["page_size"] {
            guard let size = value.int, size >= 1 else {
                throw ConfigurationError("config file \(path): page_size must be a whole number ≥ 1")
            }
            file.pageSize = size
        }
        if let value = table["mouse"] {
            guard let mouse = value.bool else { throw ConfigurationError("config file \(path): mouse must be true or false") }
            file.mouse = mouse
        }
        if let value = table["team_view"] {
            guard let team = value.bool else { throw ConfigurationError("config file \(path): team_view must be true or false") }
            file.teamView = team
        }
        if file.token != nil && file.tokenCommand != nil {
            throw ConfigurationError("config file \(path): set token or token_command, not both")
        }
        return file
    }
}
