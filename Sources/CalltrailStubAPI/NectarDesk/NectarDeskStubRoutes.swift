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
    private var listing = StubPageNumberListing(
        pageParameter: "page", sizeParameter: "per_page", firstPage: 1, defaultSize: 25, maximumSize: 100)

    let faults: PagedVendorFaults

    public init(token: String, data: NectarDeskStubData = NectarDeskStubData(), faults: PagedVendorFaults = PagedVendorFaults()) {
        self.token = token
        self.data = data
        self.faults = faults
        listing.ignoresPage = faults.ignorePage
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
            if let contact = request.query["contact_id"], !faults.ignoreContactFilter {
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
            return .json(200, .object([JSONField("calls", Self.hostingRecordings(call, host: StubRecordings.host(of: request)))]))
        case ("contacts", 1):
            return paged(StubSearch.filter(data.contacts, by: request.query["search"]) { $0 }, key: "contacts", request)
        default:
            return error(404, "no such endpoint")
        }
    }

    /// The call with its `recordings[].url` on the stand-in's recording host (the
    /// data set says `https://rec.example/ID.mp3`), so they can be downloaded.
    static func hostingRecordings(_ call: JSONValue, host: String) -> JSONValue {
        guard case .object(let fields) = call else { return call }
        return .object(fields.map { field in
            guard field.key == "recordings", case .array(let recordings) = field.value else { return field }
            return JSONField("recordings", .array(recordings.map { recording in
                guard case .object(let parts) = recording, let id = recording["id"]?.int64Value else { return recording }
                return .object(parts.map { part in
                    part.key == "url"
                        ? JSONField("url", .string(StubRecordings.url(host: host, vendor: "nectardesk", id: id,
                                                                        expires: Date().addingTimeInterval(86_400))))
                        : part
                })
            }))
        })
    }

    private func paged(_ items: [JSONValue], key: String, _ request: StubRequest) -> StubResponse {
        switch listing.page(of: items, for: request) {
        case .failure(let bad): return error(400, bad.message)
        case .success(let page): return .json(200, .object([JSONField(key, .array(page.items))]))
        }
    }
}
