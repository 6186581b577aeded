import CalltrailModel
import Foundation

/// NectarDesk's endpoints in the stand-in, under `/nectardesk/v1`: get one call
/// (`{"calls": {…}}`), list calls (`contact_id`, 1-based `page`, `per_page`
/// 1…100, no total: a short page ends the list), list contacts. `Access-Token`
/// check. The list shapes are our assumptions (see `NectarDeskAPI`).
public final class NectarDeskStubRoutes: PrefixedStubRoutes, @unchecked Sendable {
    public static let prefix = "/nectardesk/v1"
    public let data: NectarDeskStubData
    private let token: String
    let window = StubRateLimitWindow(limit: 300)
    private let listing = StubPageNumberListing(
        pageParameter: "page", sizeParameter: "per_page", firstPage: 1, defaultSize: 25, maximumSize: 100)

    public init(token: String, data: NectarDeskStubData = NectarDeskStubData()) {
        self.token = token
        self.data = data
    }

    private func error(_ status: Int, _ message: String) -> StubResponse {
        .json(status, .object([JSONField("success", .bool(false)), JSONField("message", .string(message))]))
    }

    func answer(_ request: StubRequest) -> StubResponse {
        guard request.header("Access-Token") == token else { return error(401, "Invalid access token") }
        guard request.method == "GET" else { return error(405, "method not allowed") }
        let segments = segments(of: request)
        switch (segments.first, segments.count) {
        case ("calls", 1):
            var calls = data.contacts.flatMap { data.calls[$0["id"]?.int64Value ?? 0] ?? [] }
            if let contact = request.query["contact_id"] {
                guard let id = Int64(contact) else { return error(400, "contact_id must be an integer") }
                calls = data.calls[id] ?? []
            }
            return paged(calls, key: "calls", request)
        case ("calls", 2):
            guard let id = Int64(segments[1]) else { return error(400, "call id must be an integer") }
            if id == NectarDeskStubData.malformedCall {
                return .jsonBody(200, Array(#"{"calls": {"id": 990998, "is_inb"#.utf8))
            }
            guard let call = data.callsByID[id] else { return error(404, "Call not found") }
            return .json(200, .object([JSONField("calls", call)]))
        case ("contacts", 1):
            return paged(StubSearch.filter(data.contacts, by: request.query["search"]) { $0 }, key: "contacts", request)
        default:
            return error(404, "no such endpoint")
        }
    }

    private func paged(_ items: [JSONValue], key: String, _ request: StubRequest) -> StubResponse {
        switch listing.page(of: items, for: request) {
        case .failure(let bad): return error(400, bad.message)
        case .success(let page): return .json(200, .object([JSONField(key, .array(page.items))]))
        }
    }
}
