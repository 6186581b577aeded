import Foundation
import CalltrailProviders

/// Which base URLs the program will send a token to: HTTPS anywhere, plain HTTP
/// only to this machine (127.0.0.0/8, ::1, localhost) for the stand-in API.
public enum EndpointPolicy {
    /// The parsed base URL without a trailing slash, or `.invalidInput` saying why not.
    public static func validatedBaseURL(_ text: String) throws(ProviderError) -> BaseURL {
        // Messages quote the URL with any user:password@ masked, never the secret.
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let shown = withoutCredentials(trimmed)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw .invalidInput("base URL \"\(shown)\" is not a URL like https://api.example.com")
        }
        guard components.user == nil, components.password == nil, shown == trimmed else {
            throw .invalidInput(
                "base URL \"\(shown)\" must not carry credentials (user:password@): the token comes from CALLTRAIL_TOKEN or the config file")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidInput("base URL \"\(shown)\" must not carry a query or fragment")
        }
        // The HTTP stack traps on a port above 65535, and a wrapped one would send the token elsewhere.
        if let range = components.rangeOfPort {
            let port = trimmed[range]
            guard let number = Int(port), (1...65535).contains(number) else {
                throw .invalidInput("base URL \"\(shown)\" has port \"\(port)\"; a port is a number from 1 to 65535")
            }
        }
        switch scheme {
        case "https": break
        case "http":
            guard isLoopback(host: host) else {
                throw .invalidInput(
                    "base URL \"\(shown)\" uses plain HTTP; HTTPS is required for any host but this machine")
            }
        default:
            throw .invalidInput("base URL \"\(shown)\" must start with https://")
        }
        var text = trimmed
        while text.hasSuffix("/") { text.removeLast() }
        return BaseURL(text: text)
    }

    /// `text` with everything before the last `@` of its authority (the user
    /// and password, however malformed the rest) replaced by `•••`.
    static func withoutCredentials(_ text: String) -> String {
        let authorityStart = text.range(of: "://")?.upperBound ?? text.startIndex
        let authorityEnd = text[authorityStart...].firstIndex { "/?#".contains($0) } ?? text.endIndex
        guard let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<authorityStart]) + "•••" + String(text[at...])
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            guard let value = Int(part), !part.isEmpty, part.count <= 3 else { return false }
            return (0...255).contains(value)
        }
    }
}

/// A validated base URL (scheme, host, optional port and path prefix, no trailing slash).
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public var description: String { text }
}
