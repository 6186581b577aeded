import Foundation

/// One request to a vendor's API, relative to the provider's base URL.
public struct APIRequest: Sendable, Hashable {
    public var method: String
    /// Starts with "/", already percent-encoded where needed.
    public var path: String
    public var query: [(name: String, value: String)]
    /// What the request is about, for messages: "lead 100004", "call 42".
    public var subject: String

    public init(method: String = "GET", path: String, query: [(name: String, value: String)] = [], subject: String) {
        self.method = method
        self.path = path
        self.query = query
        self.subject = subject
    }

    public static func == (a: APIRequest, b: APIRequest) -> Bool {
        a.method == b.method && a.path == b.path && a.subject == b.subject
            && a.query.map(\.name) == b.query.map(\.name) && a.query.map(\.value) == b.query.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(path)
        for item in query {
            hasher.combine(item.name)
            hasher.combine(item.value)
        }
    }

    /// The full URL text under `base`.
    public func url(under base: BaseURL) -> String {
        guard !query.isEmpty else { return base.text + path }
        let encoded = query.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
        return base.text + path + "?" + encoded
    }

    /// RFC 3986 unreserved characters stay; everything else (including "+") is escaped.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A path segment made safe for a URL (ids are exact strings from users or payloads).
    public static func pathSegment(_ text: String) -> String { encode(text) }
}

/// A response as the transport delivers it: status, headers, the whole body.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
