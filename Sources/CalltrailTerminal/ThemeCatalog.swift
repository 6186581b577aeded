import Foundation

/// Finds the theme the user asked for: a path to a file, a user theme in
/// `$XDG_CONFIG_HOME/calltrail/themes/NAME.toml` (else `~/.config/…`), or a
/// built-in. Never fails: a missing or bad theme gives a one-line warning and the
/// default theme.
public enum ThemeCatalog {
    public struct Resolution: Sendable {
        public var theme: Theme
        /// Why the requested theme was not used, for the footer and stderr.
        public var warning: String?
    }

    public static func resolve(_ request: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Resolution {
        guard let request, !request.isEmpty else { return Resolution(theme: .standard, warning: nil) }
        let looksLikePath = request.contains("/") || request.hasSuffix(".toml")
        if looksLikePath {
            return load(path: request, name: request)
        }
        if let directory = userThemeDirectory(environment: environment) {
            let path = directory + "/" + request + ".toml"
            if FileManager.default.fileExists(atPath: path) { return load(path: path, name: request) }
        }
        if let source = BuiltinThemes.source(named: request) {
            do {
                return Resolution(theme: try ThemeParser.parse(source, name: request, base: .standard), warning: nil)
            } catch {
                return Resolution(theme: .standard, warning: "built-in theme \(request): \(error.message); using the default theme")
            }
        }
        let known = BuiltinThemes.names.joined(separator: ", ")
        return Resolution(theme: .standard, warning: "no theme named '\(request)' (built-in: \(known)); using the default theme")
    }

    static func load(path: String, name: String) -> Resolution {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            return Resolution(theme: .standard, warning: "cannot read theme file \(path); using the default theme")
        }
        do {
            return Resolution(theme: try ThemeParser.parse(source, name: name, base: .standard), warning: nil)
        } catch {
            return Resolution(theme: .standard, warning: "theme \(path): \(error.message); using the default theme")
        }
    }

    static func userThemeDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/calltrail/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/calltrail/themes" }
        return nil
    }

    /// NO_COLOR (any non-empty value, per no-color.org) turns colour off.
    public static func colorDisabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }
}
