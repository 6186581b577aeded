import CalltrailModel
import CalltrailProviders
import Foundation

/// Lofty's CRM API as a `CallProvider` (see design/providers.md).
///
/// Calls are walked with the id cursor `currentId` from the second request on;
/// a first record equal to the cursor is dropped (the API does not say whether
/// the cursor is inclusive); when the server plainly ignores the cursor (the page
/// starts over at the newest call) the walk falls back to `offset`.
public struct LoftyProvider: CallProvider {
    public static let defaultBaseURL = "https://api.lofty.com"
    public static let maximumCallPage = 1000
    public static let maximumLeadPage = 100

    public let descriptor: ProviderDescriptor
    let client: APIClient

    public init(
        baseURL: String = LoftyProvider.defaultBaseURL,
        token: AccessToken,
        authScheme: LoftyAuthScheme,
        retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(20),
        transport: any HTTPTransport = AsyncHTTPTransport()
    ) throws(ProviderError) {
        client = try .vendor(
            baseURL: baseURL, token: token, missingToken: "no Lofty token", scheme: authScheme.headerScheme,
            errorMapping: LoftyErrorMapping(), retry: retry, requestTimeout: requestTimeout, transport: transport)
        descriptor = ProviderDescriptor(
            name: "Lofty", accountLabel: nil, outcomes: .fixed(CallOutcome.known),
            defaultPageSize: 100, maximumPageSize: Self.maximumCallPage,
            leadIDs: .positiveInteger, callIDs: .positiveInteger, offersRecordings: true, offersSummaries: true)
    }

    public func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        let limit = min(max(limit, 1), Self.maximumLeadPage)
        let offset = try Self.leadOffset(cursor)
        var items: [(name: String, value: String)] = [("offset", String(offset)), ("limit", String(limit))]
        if let query, !query.isEmpty { items.append(("key", query)) }
        let request = APIRequest(path: "/v1.0/leads", query: items, subject: "the lead list")
        let (leads, total) = try await client.send(request) { body throws(ProviderError) in
            try LoftyLeadDecoder.page(from: body)
        }
        let seen = offset + leads.count
        let ended = leads.count < limit || (total.map { seen >= $0 } ?? false)
        return LeadPage(leads: leads, next: ended ? nil : PageCursor("lofty-leads:\(seen)"), total: total)
    }

    public func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        try descriptor.check(lead)
        guard let leadNumber = lead.int64Value else { throw ProviderError.invalidInput("\"\(lead.rawValue)\" is not a Lofty lead id") }
        let limit = min(max(limit, 1), Self.maximumCallPage)
        // One more than needed tells whether the history goes on, so a full last
        // page costs no extra empty request (the list has no total).
        let ask = min(limit + 1, Self.maximumCallPage)
        let subject = "lead \(lead.rawValue)"
        guard let cursor else {
            let received = try await listCalls(lead: leadNumber, limit: ask, extra: [], subject: subject)
            return page(received, dropping: nil, asked: ask, limit: limit, before: nil, head: received.first?.id.int64Value)
        }
        let position = try LoftyCallCursor(cursor)
        if position.mode == .id {
            let received = try await listCalls(
                lead: leadNumber, limit: ask, extra: [("currentId", String(position.lastID))], subject: subject)
            let repeatsCursor = received.first?.id.int64Value == position.lastID
            let firstNew = repeatsCursor ? received.dropFirst().first : received.first
            if firstNew?.id.int64Value != position.headID {
                return page(received, dropping: position.lastID, asked: ask, limit: limit, before: position,
                            head: position.headID)
            }
            // The server ignored the cursor and started over: page by offset from here on.
        }
        let received = try await listCalls(
            lead: leadNumber, limit: ask, extra: [("offset", String(position.offset))], subject: subject)
        var offsetPosition = position
        offsetPosition.mode = .offset
        return page(received, dropping: nil, asked: ask, limit: limit, before: offsetPosition, head: position.headID)
    }

    public func call(id: CallID) async throws -> Call {
        try descriptor.check(id)
        guard let number = id.int64Value else { throw ProviderError.invalidInput("\"\(id.rawValue)\" is not a Lofty call id") }
        let request = APIRequest(path: "/v2.0/communication/call/\(number)", subject: "call \(number)")
        return try await client.send(request) { body throws(ProviderError) in try LoftyCallDecoder.single(from: body) }
    }

    /// `GET /v1.0/call/url/{callId}` → `{"calls": {"id", "url"}}`: a link valid for
    /// an hour, `""` when the call has no recording. PERMISSION_DENIED and 404 20006
    /// map as for the other endpoints.
    public func recording(forCall id: CallID) async throws -> RecordingLink? {
        try descriptor.check(id)
        guard let number = id.int64Value else { throw ProviderError.invalidInput("\"\(id.rawValue)\" is not a Lofty call id") }
        let request = APIRequest(path: "/v1.0/call/url/\(number)", subject: "call \(number)")
        return try await client.send(request) { body throws(ProviderError) in
            try LoftyRecordingDecoder.link(from: body, call: number)
        }
    }

    /// `GET /v2.0/ai/call-summary?callRecordId=N`. Lofty does not say which id
    /// `callRecordId` is, so the call's `dialerCallRecordId` is tried first (what
    /// the name suggests, and what the stand-in answers for) and the call's own id
    /// after it, when the first gives no summary (`data` null) or is refused as
    /// unknown (PERMISSION_DENIED, 20006: Lofty answers both for ids it does not
    /// know). A manual call has no dialer record: only its id is tried. Which one
    /// answered is kept in `foundBy`. No summary from any: nil; refused by every
    /// one: that refusal.
    public func summary(forCall call: Call) async throws -> CallSummary? {
        try descriptor.check(call.id)
        guard let number = call.id.int64Value else {
            throw ProviderError.invalidInput("\"\(call.id.rawValue)\" is not a Lofty call id")
        }
        var lookups: [CallSummary.Lookup] = []
        if let dialer = Self.dialerRecordID(of: call), dialer != number {
            lookups.append(CallSummary.Lookup(key: CallSummary.Lookup.dialerRecordKey, id: dialer))
        }
        lookups.append(CallSummary.Lookup(key: CallSummary.Lookup.callKey, id: number))
        var answeredNone = false
        for (index, lookup) in lookups.enumerated() {
            let request = APIRequest(
                path: "/v2.0/ai/call-summary", query: [("callRecordId", String(lookup.id))], subject: "call \(number)")
            let subject = "call \(number)"
            do {
                let found = try await client.send(request) { body throws(ProviderError) in
                    try LoftySummaryDecoder.summary(from: body, recordID: lookup.id, subject: subject)
                }
                guard var summary = found else {
                    answeredNone = true
                    continue
                }
                summary.foundBy = lookup
                return summary
            } catch let error as ProviderError {
                switch error {
                case .noAccess, .notFound:
                    // An id Lofty does not know: try the next; the last one's refusal stands
                    // unless an earlier id answered that there is no summary.
                    if index == lookups.count - 1 && !answeredNone { throw error }
                default:
                    throw error
                }
            }
        }
        return nil
    }

    /// The dialer record behind a call (absent for manually logged calls).
    static func dialerRecordID(of call: Call) -> Int64? {
        if let raw = call.raw?["dialerCallRecordId"], let id = raw.int64Value { return id }
        for detail in call.details where detail.key == "dialerCallRecordId" {
            if case .integer(let id) = detail.value { return id }
        }
        return nil
    }

    private func listCalls(
        lead: Int64, limit: Int, extra: [(name: String, value: String)], subject: String
    ) async throws -> [Call] {
        let request = APIRequest(
            path: "/v1.0/communication/call",
            query: [("leadId", String(lead)), ("limit", String(limit))] + extra,
            subject: subject)
        return try await client.send(request) { body throws(ProviderError) in try LoftyCallDecoder.page(from: body) }
    }

    /// Drops a first record equal to the cursor (an inclusive server), keeps at most
    /// `limit`, and ends the history when the server sent fewer than asked.
    private func page(
        _ received: [Call], dropping cursorID: Int64?, asked: Int, limit: Int, before: LoftyCallCursor?, head: Int64?
    ) -> CallPage {
        var calls = received
        if let cursorID, calls.first?.id.int64Value == cursorID { calls.removeFirst() }
        if calls.count > limit { calls.removeLast(calls.count - limit) }
        guard received.count >= asked, let last = calls.last?.id.int64Value, let head else {
            return CallPage(calls: calls, next: nil)
        }
        let next = LoftyCallCursor(
            lastID: last, offset: (before?.offset ?? 0) + calls.count, headID: head, mode: before?.mode ?? .id)
        return CallPage(calls: calls, next: next.pageCursor)
    }

    private static func leadOffset(_ cursor: PageCursor?) throws(ProviderError) -> Int {
        guard let cursor else { return 0 }
        guard cursor.token.hasPrefix("lofty-leads:"), let offset = Int(cursor.token.dropFirst("lofty-leads:".count)),
              offset >= 0
        else { throw .invalidInput("that page cursor did not come from the Lofty provider") }
        return offset
    }
}
