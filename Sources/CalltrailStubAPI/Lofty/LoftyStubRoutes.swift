import CalltrailModel
import Foundation

/// Lofty's endpoints in the stand-in: list a lead's calls, get one call, list
/// leads, get one lead. Checks the token (`Bearer` or `token` scheme), sends the
/// `X-RateLimit-*` headers, and answers errors the way Lofty documents them.
public final class LoftyStubRoutes: RateLimitedStubRoutes, @unchecked Sendable {
    public struct Options: Sendable {
        /// Return the record named by `currentId` again at the top of the page.
        public var inclusiveCursor = false
        /// Pretend `currentId` does not exist (always page from the top / by offset).
        public var ignoreCursor = false
        public var rateLimitPerMinute = 500
        /// Hostile paging (issue 9): ignore `offset` too (with `ignoreCursor`, the same page for ever).
        public var ignoreOffset = false
        /// From the third page on, send the second again (A→B→B) or the first (A→B→A).
        public var loop: PagingLoop?
        /// Start each page after the first this many calls early (overlapping pages).
        public var overlap = 0
        /// Send at most this many calls whatever `limit` asks.
        public var limitCap: Int?
        /// Send ids going up after a `currentId` (the calls newer than it, oldest first).
        public var idsGoUpAfterCursor = false
        /// The lead list ignores `offset` and sends no total.
        public var leadsIgnoreOffset = false
        /// Refuse a token sent with the other scheme (HTTP 400 code 200058), as Lofty does for keys.
        public var requiredScheme: String?
        /// Answer call lists 403 code 200100 (the OAuth token lacks the scope).
        public var scopeMissing = false
        /// Name the lead list's metadata `get_metadata` (the spec's schema) instead of `_metadata` (its prose).
        public var specMetadataKey = false
        /// Answer a lead's first call page with `LoftyStubData.hostileRecordsBody`: every
        /// time format, an id sent as a string, 1e400, a key sent twice, year 0000.
        public var hostileRecords = false
        /// Send this text for a call page with no calls (`{}` or `{"calls": null}`, which the spec allows).
        public var emptyPageBody: String?
        /// A second token the stand-in accepts whose user may not use the team view
        /// (`teamView=true` answers PERMISSION_DENIED); nil accepts only `token`.
        public var agentToken: String?
        public init(inclusiveCursor: Bool = false, ignoreCursor: Bool = false, agentToken: String? = nil) {
            self.inclusiveCursor = inclusiveCursor
            self.ignoreCursor = ignoreCursor
            self.agentToken = agentToken
        }
    }

    public enum PagingLoop: String, Sendable, CaseIterable {
        case repeatSecond = "A-B-B"
        case backToFirst = "A-B-A"
    }

    public let data: LoftyStubData
    private let token: String
    private let options: Options
    let window: StubRateLimitWindow

    public init(token: String, data: LoftyStubData = LoftyStubData(), options: Options = Options()) {
        self.token = token
        self.data = data
        self.options = options
        self.window = StubRateLimitWindow(limit: options.rateLimitPerMinute)
    }

    public func serves(path: String) -> Bool {
        path.hasPrefix("/v1.0/") || path.hasPrefix("/v2.0/")
    }

    func answer(_ request: StubRequest) -> StubResponse {
        let authorization = request.header("Authorization") ?? ""
        let isAgent = options.agentToken.map { authorization == "Bearer \($0)" || authorization == "token \($0)" } ?? false
        guard authorization == "Bearer \(token)" || authorization == "token \(token)" || isAgent else {
            return .error(401, code: 401, message: "BAD_CREDENTIALS: missing or invalid access token")
        }
        if let scheme = options.requiredScheme, !authorization.hasPrefix(scheme + " ") {
            return .error(400, code: 200058, message: "the credentials were sent with the wrong authorization scheme")
        }
        guard request.method == "GET" else { return .error(405, code: 405, message: "method not allowed") }
        let segments = request.path.split(separator: "/").map(String.init)
        switch segments.count {
        case 3 where segments[0] == "v1.0" && segments[1] == "communication" && segments[2] == "call":
            return listCalls(request)
        case 3 where segments[0] == "v2.0" && segments[1] == "communication" && segments[2] == "agent":
            return agentCommunications(request, teamAllowed: !isAgent)
        case 4 where segments[0] == "v2.0" && segments[1] == "communication" && segments[2] == "call":
            return oneCall(segments[3])
        case 4 where segments[0] == "v1.0" && segments[1] == "call" && segments[2] == "url":
            return recordingURL(segments[3], request)
        case 3 where segments[0] == "v2.0" && segments[1] == "ai" && segments[2] == "call-summary":
            return callSummary(request)
        case 2 where segments[0] == "v1.0" && segments[1] == "leads":
            return listLeads(request)
        case 3 where segments[0] == "v1.0" && segments[1] == "leads":
            guard let id = Int64(segments[2]), let lead = data.leads.first(where: { $0.id == id }) else {
                return .error(404, code: 20006, message: "lead not found")
            }
            return .json(200, .object([JSONField("lead", lead.json)]))
        default:
            return .error(404, code: 404, message: "no such endpoint")
        }
    }

    private func listCalls(_ request: StubRequest) -> StubResponse {
        guard let leadText = request.query["leadId"], let leadID = Int64(leadText), leadID >= 1 else {
            return .error(400, code: 400, message: "leadId is required and must be a positive integer")
        }
        var limit = request.query["limit"].map { Int($0) ?? -1 } ?? 10
        var offset = request.query["offset"].map { Int($0) ?? -1 } ?? 0
        guard (1...1000).contains(limit) else { return .error(400, code: 400, message: "limit must be 1…1000") }
        guard offset >= 0 else { return .error(400, code: 400, message: "offset must be ≥ 0") }
        guard let lead = data.leads.first(where: { $0.id == leadID }) else {
            return .error(404, code: 20006, message: "lead not found")
        }
        if leadID == LoftyStubData.deniedLead {
            return .error(400, code: 20017, message: "PERMISSION_DENIED")
        }
        if options.scopeMissing {
            return .error(403, code: 200100, message: "the access token does not have the required scope")
        }
        if options.hostileRecords {
            let first = request.query["currentId"] == nil && offset == 0
            return first ? .jsonBody(200, Array(LoftyStubData.hostileRecordsBody(lead: leadID).utf8)) : emptyPage()
        }
        if let cap = options.limitCap { limit = min(cap, limit) }
        if options.ignoreOffset { offset = 0 }
        if options.idsGoUpAfterCursor, let cursorText = request.query["currentId"], let cursor = Int64(cursorText) {
            let newer = zip(lead.callIDs, lead.calls).filter { $0.0 > cursor }.map(\.1)
            return .json(200, .object([JSONField("calls", .array(Array(newer.reversed().prefix(limit))))]))
        }
        var start = 0
        if !options.ignoreCursor, let cursorText = request.query["currentId"] {
            guard let cursor = Int64(cursorText) else { return .error(400, code: 400, message: "currentId must be an integer") }
            // Ids descend: the page starts after (or, inclusive, at) the cursor's record.
            start = lead.callIDs.firstIndex { options.inclusiveCursor ? $0 <= cursor : $0 < cursor } ?? lead.callIDs.count
        }
        start = min(start + offset, lead.calls.count)
        if start > 0 { start = max(0, start - options.overlap) }
        switch options.loop {
        case .repeatSecond? where start >= 2 * limit: start = limit
        case .backToFirst? where start >= 2 * limit: start = 0
        default: break
        }
        let end = min(start + limit, lead.calls.count)
        if start >= end { return emptyPage() }
        return .json(200, .object([JSONField("calls", .array(Array(lead.calls[start..<end])))]))
    }

    /// A page with no calls: `{"calls":[]}`, or the body the options name.
    private func emptyPage() -> StubResponse {
        guard let text = options.emptyPageBody else { return .json(200, .object([JSONField("calls", .array([]))])) }
        return .jsonBody(200, Array(text.utf8))
    }

    private func oneCall(_ text: String) -> StubResponse {
        guard let id = Int64(text), id >= 1 else {
            return .error(400, code: 400, message: "communicationId must be a positive integer")
        }
        // Lofty answers a missing id like a forbidden one: no existence leak.
        guard let found = data.call(id: id), found.lead != LoftyStubData.deniedLead, !found.json.isNull else {
            return .error(400, code: 20017, message: "PERMISSION_DENIED")
        }
        return .json(200, found.json)
    }

    /// `{"calls": {"id", "url"}}`: a link valid an hour, `""` when not recorded.
    private func recordingURL(_ text: String, _ request: StubRequest) -> StubResponse {
        guard let id = Int64(text), id >= 1 else { return .error(400, code: 400, message: "callId must be a positive integer") }
        if id == LoftyStubData.deniedCall { return .error(400, code: 20017, message: "PERMISSION_DENIED") }
        guard let found = data.call(id: id) else { return .error(404, code: 20006, message: "call not found") }
        if found.lead == LoftyStubData.deniedLead { return .error(400, code: 20017, message: "PERMISSION_DENIED") }
        var url = ""
        if found.json["recordingSwitch"]?.boolValue == true {
            let expires = id == LoftyStubData.expiredRecordingCall ? Date().addingTimeInterval(-60) : Date().addingTimeInterval(3_600)
            url = StubRecordings.url(host: StubRecordings.host(of: request), vendor: "lofty", id: id, expires: expires)
        }
        return .json(200, .object([JSONField("calls", .object([JSONField("id", .integer(id)), JSONField("url", .string(url))]))]))
    }

    /// `{"status": {"code", "msg"}, "data": {…} | null}` (see `LoftyStubSummaries.swift`).
    private func callSummary(_ request: StubRequest) -> StubResponse {
        guard let text = request.query["callRecordId"], let recordID = Int64(text), recordID >= 1 else {
            return .error(400, code: 400, message: "callRecordId must be a positive integer")
        }
        func envelope(_ code: Int64, _ message: String, _ data: JSONValue) -> StubResponse {
            .json(200, .object([
                JSONField("status", .object([JSONField("code", .integer(code)), JSONField("msg", .string(message))])),
                JSONField("data", data),
            ]))
        }
        switch data.summaryAnswer(recordID: recordID) {
        case .denied: return .error(400, code: 20017, message: "PERMISSION_DENIED")
        case .serviceError: return envelope(50001, "AI summary service unavailable", .null)
        case .none: return envelope(0, "success", .null)
        case .summary(let summary): return envelope(0, "success", summary)
        }
    }

    private func listLeads(_ request: StubRequest) -> StubResponse {
        let limit = request.query["limit"].map { Int($0) ?? -1 } ?? 10
        let offset = request.query["offset"].map { Int($0) ?? -1 } ?? 0
        guard (1...100).contains(limit) else { return .error(400, code: 400, message: "limit must be 1…100") }
        guard offset >= 0 else { return .error(400, code: 400, message: "offset must be ≥ 0") }
        let leads = StubSearch.filter(data.leads, by: request.query["key"]) { $0.json }
        if options.leadsIgnoreOffset {
            return .json(200, .object([JSONField("leads", .array(Array(leads.prefix(limit)).map(\.json)))]))
        }
        let page = Array(leads.dropFirst(offset).prefix(limit)).map(\.json)
        return .json(200, .object([
            JSONField("leads", .array(page)),
            JSONField(options.specMetadataKey ? "get_metadata" : "_metadata", .object([
                JSONField("total", .integer(Int64(leads.count))), JSONField("offset", .integer(Int64(offset))),
                JSONField("limit", .integer(Int64(limit))),
            ])),
        ]))
    }
}
