import CalltrailModel
import CalltrailProviders
import Foundation

/// Lofty's CRM API as a `CallProvider` (see design/providers.md).
///
/// Calls are walked with the id cursor `currentId` from the second request on;
/// a first record equal to the cursor is dropped (the API does not say whether
/// the cursor is inclusive) and so are ids at or above it (overlapping pages);
/// when the server plainly ignores the cursor (the page starts over at the newest
/// call) or its ids do not descend, the walk falls back to `offset`. Ids that go
/// up after a cursor, and an offset that is ignored too, stop with `.pagingBroken`.
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
            errorMapping: LoftyErrorMapping(scheme: authScheme), retry: retry, requestTimeout: requestTimeout, transport: transport)
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
        // Without a total, only an empty page ends the list: a server capping `limit`
        // sends short pages that are not the last.
        let ended = leads.isEmpty || (total.map { seen >= $0 } ?? false)
        return LeadPage(leads: leads, next: ended ? nil : PageCursor("lofty-leads:\(seen)"), total: total)
    }

    public func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        try descriptor.check(lead)
        guard let leadNumber = lead.int64Value else { throw ProviderError.invalidInput("\"\(lead.rawValue)\" is not a Lofty lead id") }
        let limit = min(max(limit, 1), Self.maximumCallPage)
        // One more than shown: the extra call starts the next page, so a page that
        // comes back short (the end, or a server capping `limit`) is told apart by asking on.
        let ask = min(limit + 1, Self.maximumCallPage)
        let subject = "lead \(lead.rawValue)"
        guard let cursor else {
            let received = try await listCalls(lead: leadNumber, limit: ask, extra: [], subject: subject)
            // Ids that do not descend cannot be paged by the id cursor: offset does not depend on order.
            let mode: LoftyCallCursor.Mode = Self.firstOutOfOrder(received, below: nil) == nil ? .id : .offset
            let start = LoftyCallCursor(lastID: 0, offset: 0, headID: 0, mode: mode)
            return page(received, limit: limit, before: start, head: Self.firstID(received) ?? 0)
        }
        let position = try LoftyCallCursor(cursor)
        if position.mode == .id {
            let received = try await listCalls(
                lead: leadNumber, limit: ask, extra: [("currentId", String(position.lastID))], subject: subject)
            let repeatsCursor = Self.firstID(received) == position.lastID
            let firstNew = Self.firstID(repeatsCursor ? Array(received.dropFirst()) : received)
            if firstNew != position.headID || firstNew == nil {
                // An inclusive server repeats the cursor's record, an overlapping one a few before it.
                let fresh = Array(received.drop { ($0.id.int64Value ?? .min) >= position.lastID })
                let repeats = received.count - fresh.count - (repeatsCursor ? 1 : 0)
                let descending = Self.firstOutOfOrder(received, below: nil) == nil
                if repeats > 0, repeats >= fresh.count, received.count >= ask || !descending {
                    // More old than new in a full page, or ids going up: a loop (A→B→B, A→B→A) or
                    // the wrong order. (A short page of repeats only is an overlapping server's end.)
                    throw ProviderError.pagingBroken(
                        "asked for the calls before id \(position.lastID), Lofty sent \(repeats) at or above it and "
                        + "\(fresh.count) below: the currentId cursor does not advance (the server loops, or its ids do not descend)")
                }
                if let (earlier, later) = Self.firstOutOfOrder(fresh, below: position.lastID) {
                    throw ProviderError.pagingBroken(
                        "asked for the calls before id \(position.lastID), Lofty sent id \(later) after \(earlier): "
                        + "its call ids do not descend, so the currentId cursor cannot page this history")
                }
                return page(fresh, limit: limit, before: position, head: position.headID)
            }
            // The server ignored the cursor and started over: page by offset from here on.
        }
        let received = try await listCalls(
            lead: leadNumber, limit: ask, extra: [("offset", String(position.offset))], subject: subject)
        if position.offset > 0, !received.isEmpty, Self.firstID(received) == position.headID {
            throw ProviderError.pagingBroken(
                "Lofty ignores both currentId and offset (asked for the calls after the first \(position.offset), "
                + "it sent the newest call again)")
        }
        var offsetPosition = position
        offsetPosition.mode = .offset
        // Overlapping pages by offset: when ids descend, the leading ones not below the last shown were shown.
        var fresh = received
        if position.lastID > 0, Self.firstOutOfOrder(received, below: nil) == nil {
            fresh = Array(received.drop { ($0.id.int64Value ?? .min) >= position.lastID })
        }
        return page(fresh, limit: limit, before: offsetPosition, head: position.headID)
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

    /// `GET /v1.0/leads/{leadId}`: one lead with every field; 404 20006 when it
    /// does not exist or is not the caller's.
    public func lead(id: LeadID) async throws -> Lead {
        try descriptor.check(id)
        guard let number = id.int64Value else { throw ProviderError.invalidInput("\"\(id.rawValue)\" is not a Lofty lead id") }
        let request = APIRequest(path: "/v1.0/leads/\(number)", subject: "lead \(number)")
        return try await client.send(request) { body throws(ProviderError) in try LoftyLeadDecoder.single(from: body) }
    }

    private func listCalls(
        lead: Int64, limit: Int, extra: [(name: String, value: String)], subject: String
    ) async throws -> [Call] {
        let request = APIRequest(
            path: LoftyErrorMapping.callListPath,
            query: [("leadId", String(lead)), ("limit", String(limit))] + extra,
            subject: subject)
        return try await client.send(request) { body throws(ProviderError) in try LoftyCallDecoder.page(from: body) }
    }

    /// Keeps at most `limit` calls and points past them. Only an empty page ends the
    /// history: a short one may come from a server capping `limit`, so the walk asks
    /// once more (one extra request at the end of a history).
    private func page(_ received: [Call], limit: Int, before: LoftyCallCursor, head: Int64) -> CallPage {
        var calls = received
        if calls.count > limit { calls.removeLast(calls.count - limit) }
        guard !calls.isEmpty else { return CallPage(calls: calls, next: nil) }
        guard let last = calls.last(where: { $0.unreadable == nil })?.id.int64Value else {
            // Nothing readable to put in the cursor: go on by offset.
            let next = LoftyCallCursor(lastID: 0, offset: before.offset + calls.count, headID: head, mode: .offset)
            return CallPage(calls: calls, next: next.pageCursor)
        }
        let next = LoftyCallCursor(lastID: last, offset: before.offset + calls.count, headID: head, mode: before.mode)
        return CallPage(calls: calls, next: next.pageCursor)
    }

    /// The first readable call's id: the history's head.
    static func firstID(_ calls: [Call]) -> Int64? {
        calls.first { $0.unreadable == nil }?.id.int64Value
    }

    /// The first pair of readable ids that does not descend (or an id not below `bound`).
    static func firstOutOfOrder(_ calls: [Call], below bound: Int64?) -> (Int64, Int64)? {
        var previous = bound
        for call in calls where call.unreadable == nil {
            guard let id = call.id.int64Value else { continue }
            if let previous, id >= previous { return (previous, id) }
            previous = id
        }
        return nil
    }

    private static func leadOffset(_ cursor: PageCursor?) throws(ProviderError) -> Int {
        guard let cursor else { return 0 }
        guard cursor.token.hasPrefix("lofty-leads:"), let offset = Int(cursor.token.dropFirst("lofty-leads:".count)),
              offset >= 0
        else { throw .invalidInput("that page cursor did not come from the Lofty provider") }
        return offset
    }
}
