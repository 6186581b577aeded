import Foundation
import CalltrailProviders

/// Which base URLs the program will send a token to: HTTPS anywhere, plain HTTP
/// only to this machine (127.0.0.0/8, ::1, localhost) for the stand-in API.
public enum EndpointPolicy {
    /// The parsed base URL without a trailing slash, or `.invalidInput` saying why not.
    public static func validatedBaseURL(_ text: String) throws(ProviderError) -> BaseURL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw .invalidInput("base URL \"\(trimmed)\" is not a URL like https://api.example.com")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil, components.password == nil else {
            throw .invalidInput("base URL \"\(trimmed)\" must not carry a query, fragment or credentials")
        }
        switch scheme {
        case "https": break
        case "http":
            guard isLoopback(host: host) else {
                throw .invalidInput(
                    "base URL \"\(trimmed)\" uses plain HTTP; HTTPS is required for any host but this machine")
            }
        default:
            throw .invalidInput("base URL \"\(trimmed)\" must start with https://")
        }
        var text = trimmed
        while text.hasSuffix("/") { text.removeLast() }
        return BaseURL(text: text)
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
