import CalltrailModel
import Foundation

/// A request as a vendor route sees it.
public struct StubRequest: Sendable {
    public var number: Int
    public var method: String
    public var path: String
    /// The raw query text, as logged.
    public var queryText: String
    /// Decoded query parameters (the first value of each name).
    public var query: [String: String]
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(number: Int, method: String, uri: String, headers: [(String, String)], body: [UInt8]) {
        self.number = number
        self.method = method
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = String(parts.first ?? "")
        self.queryText = parts.count > 1 ? String(parts[1]) : ""
        var query: [String: String] = [:]
        for pair in queryText.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
            if query[name] == nil { query[name] = value }
        }
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// A response a route produces.
public struct StubResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> StubResponse {
        jsonBody(status, Array(value.compactJSON.utf8), headers: headers)
    }

    /// A JSON answer whose body is given as bytes: already encoded, or
    /// deliberately cut short to stand for a broken reply.
    public static func jsonBody(_ status: Int, _ body: [UInt8], headers: [(String, String)] = []) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// `{"code": N, "message": "…"}`, the documented error shape.
    public static func error(_ status: Int, code: Int64, message: String) -> StubResponse {
        json(status, .object([JSONField("code", .integer(code)), JSONField("message", .string(message))]))
    }
}

/// One vendor's API inside the stand-in. Add a vendor by conforming and passing
/// it to `StubServer.start` (see `LoftyStubRoutes`).
public protocol StubVendorRoutes: Sendable {
    /// Whether this vendor answers `path` (checked in order; the first wins).
    func serves(path: String) -> Bool
    /// The answer, token check included.
    func respond(to request: StubRequest) -> StubResponse
}

