import CalltrailModel
import Foundation

/// Skipcall's endpoints in the stand-in, under `/skipcall/v1`: list calls (by
/// `contactId`, 0-based `page`, `size` 1…100), get one call, list contacts, get
/// one contact. Bearer key check with Skipcall's 401 body, 404 for anything
/// missing or outside the workspace, `X-RateLimit-*` on every answer.
public final class SkipcallStubRoutes: PrefixedStubRoutes, @unchecked Sendable {
    public static let prefix = "/skipcall/v1"
    public let data: SkipcallStubData
    private let token: String
    let window = StubRateLimitWindow(limit: 1000)
    private var listing = StubPageNumberListing(
        pageParameter: "page", sizeParameter: "size", firstPage: 0, defaultSize: 20, maximumSize: 100)

    let faults: PagedVendorFaults

    public init(token: String, data: SkipcallStubData = SkipcallStubData(), faults: PagedVendorFaults = PagedVendorFaults()) {
        self.token = token
        self.data = data
        self.faults = faults
        listing.ignoresPage = faults.ignorePage
    }

    private func error(_ status: Int, _ code: String, _ message: String) -> StubResponse {
        .json(status, .object([JSONField("code", .string(code)), JSONField("message", .string(message))]))
    }

    func answer(_ request: StubRequest) -> StubResponse {
        guard request.header("Authorization") == "Bearer \(token)" else {
            return error(401, "API_KEY_INVALID", "Invalid or missing API key")
        }
        guard request.method == "GET" else { return error(405, "METHOD_NOT_ALLOWED", "method not allowed") }
        let segments = segments(of: request)
        switch (segments.first, segments.count) {
        case ("calls", 1): return listCalls(request)
        case ("calls", 2): return oneCall(segments[1])
        case ("contacts", 1): return listContacts(request)
        case ("contacts", 2):
            guard let contact = data.contacts.first(where: { $0["id"]?.stringValue == segments[1] }) else {
                return error(404, "NOT_FOUND", "Contact not found")
            }
            return .json(200, contact)
        default: return error(404, "NOT_FOUND", "no such endpoint")
        }
    }

    private func listCalls(_ request: StubRequest) -> StubResponse {
        var calls = data.contacts.flatMap { data.calls[$0["id"]?.stringValue ?? ""] ?? [] }
        if let contact = request.query["contactId"], !faults.ignoreContactFilter {
            calls = data.calls[contact] ?? []
        }
        return paged(calls, request)
    }

    private func oneCall(_ id: String) -> StubResponse {
        if id == SkipcallStubData.malformedCall {
            return .jsonBody(200, Array(#"{"id": "\#(id)", "status": "comp"#.utf8))
        }
        guard let call = data.callsByID[id] else { return error(404, "NOT_FOUND", "Call not found") }
        return .json(200, call)
    }

    private func listContacts(_ request: StubRequest) -> StubResponse {
        paged(StubSearch.filter(data.contacts, by: request.query["search"]) { $0 }, request)
    }

    private func paged(_ items: [JSONValue], _ request: StubRequest) -> StubResponse {
        switch listing.page(of: items, for: request) {
        case .failure(let bad): return error(400, "VALIDATION_ERROR", bad.message)
        case .success(let page):
            return .json(200, .object([
                JSONField("data", .array(page.items)),
                JSONField("meta", .object([JSONField("page", .integer(Int64(page.page))), JSONField("size", .integer(Int64(page.size))),
                                           JSONField("total", .integer(Int64(items.count)))])),
            ]))
        }
    }
}
