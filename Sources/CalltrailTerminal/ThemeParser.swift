import Foundation

/// Why a theme file was refused, naming the bad key and line.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads a theme file: a small subset of TOML — `#` comments, a `[colors]`
/// table and an optional `[colors-8]` table (the form for terminals with fewer
/// than 256 colours), and lines `role = "STYLE"`, where STYLE is `[FG] [on BG] [bold]
/// [reverse] [underline] [dim]` and a colour is `default`, a name (`red`,
/// `bright-blue`, `gray`) or a palette number 0…255. Roles left out inherit the
/// default theme's style.
public enum ThemeParser {
    public static func parse(_ source: String, name: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        var styles = base?.styles ?? [:]
        var basicStyles = base?.basicStyles ?? [:]
        var ownBasic: Set<ThemeRole> = []
        var section: String?
        for (index, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw ThemeError(message: "line \(lineNumber): unclosed table header") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard section == "colors" || section == "colors-8" else {
                    throw ThemeError(message: "line \(lineNumber): unknown table [\(section ?? "")] (expected [colors] or [colors-8])")
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ThemeError(message: "line \(lineNumber): expected key = \"value\"")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard section != nil else {
                if key == "name" { continue }  // a top-level name is documentation
                throw ThemeError(message: "line \(lineNumber): unknown key '\(key)' outside [colors]")
            }
            guard let role = ThemeRole(rawValue: key) else {
                throw ThemeError(message: "line \(lineNumber): unknown key '\(key)'")
            }
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
                throw ThemeError(message: "line \(lineNumber): value of '\(key)' must be a quoted string")
            }
            let style = try parseStyle(String(value.dropFirst().dropLast()), key: key, line: lineNumber)
            if section == "colors-8" {
                basicStyles[role] = style
                ownBasic.insert(role)
            } else {
                styles[role] = style
                // A role this file sets is not overridden by the base theme's eight-colour form.
                if !ownBasic.contains(role) { basicStyles[role] = nil }
            }
        }
        return Theme(name: name, styles: styles, basicStyles: basicStyles)
    }

    static func parseStyle(_ text: String, key: String, line: Int) throws(ThemeError) -> ThemeStyle {
        var style = ThemeStyle()
        var sawForeground = false
        var expectBackground = false
        for word in text.lowercased().split(separator: " ").map(String.init) {
            switch word {
            case "bold": style.bold = true
            case "reverse": style.reverse = true
            case "underline": style.underline = true
            case "dim": style.dim = true
            case "on": expectBackground = true
            default:
                guard let color = ThemeColor(name: word) else {
                    throw ThemeError(message: "line \(line): '\(key)' has unknown colour '\(word)'")
                }
                if expectBackground {
                    style.background = color
                    expectBackground = false
                } else if !sawForeground {
                    style.foreground = color
                    sawForeground = true
                } else {
                    throw ThemeError(message: "line \(line): '\(key)' names two foreground colours")
                }
            }
        }
        if expectBackground { throw ThemeError(message: "line \(line): '\(key)' has 'on' without a colour") }
        return style
    }

    private static func stripComment(_ line: String) -> String {
        // A '#' inside the quoted value is not a comment.
        var inQuotes = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inQuotes.toggle() }
            if character == "#", !inQuotes { return String(line.prefix(offset)) }
        }
        return line
    }
}
