import CalltrailModel
import CalltrailProviders
import Foundation

/// Where a walk of Lofty's agent communications stands: the window being read
/// (its newest millisecond; the oldest follows from the query), Lofty's own
/// opaque cursor inside it, how many windows in a row had no call, and the
/// newest-first position reached (time of the last call returned and the ids at
/// that time) so a server that repeats or reorders a page cannot show a call twice.
struct LoftyRecentCursor: Equatable {
    var windowEnd: Int64
    var vendor: String?
    var quietWindows: Int
    var windowHadCalls: Bool
    var lastTime: Int64?
    var idsAtLastTime: [Int64]

    static let prefix = "lofty-recent1"
    /// Ids kept for calls sharing the last time (more would only make the cursor long).
    static let maximumTiedIDs = 64

    /// Lofty's own cursor goes last, as it came (it may hold any character, ':' too).
    var pageCursor: PageCursor {
        let fields = [
            Self.prefix, String(windowEnd), String(quietWindows), windowHadCalls ? "1" : "0",
            lastTime.map(String.init) ?? "-", idsAtLastTime.map(String.init).joined(separator: ","), vendor ?? "",
        ]
        return PageCursor(fields.joined(separator: ":"))
    }

    init(windowEnd: Int64) {
        self.windowEnd = windowEnd
        vendor = nil
        quietWindows = 0
        windowHadCalls = false
        lastTime = nil
        idsAtLastTime = []
    }

    init(_ cursor: PageCursor) throws(ProviderError) {
        let refused = ProviderError.invalidInput("that page cursor did not come from Lofty's recent calls")
        let parts = cursor.token.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == Self.prefix, let end = Int64(parts[1]),
              let quiet = Int(parts[2]), quiet >= 0, parts[3] == "0" || parts[3] == "1"
        else { throw refused }
        self.init(windowEnd: end)
        quietWindows = quiet
        windowHadCalls = parts[3] == "1"
        if parts[4] != "-" {
            guard let time = Int64(parts[4]) else { throw refused }
            lastTime = time
        }
        let ids = parts[5].isEmpty ? [] : parts[5].split(separator: ",").map { Int64($0) }
        guard ids.allSatisfy({ $0 != nil }) else { throw refused }
        idsAtLastTime = ids.compactMap { $0 }
        vendor = parts[6].isEmpty ? nil : parts[6]
    }

    /// Whether a call (newest first) was already returned: newer than the last one,
    /// or at the same time with an id already seen.
    func alreadyReturned(time: Int64?, id: Int64) -> Bool {
        guard let lastTime, let time else { return false }
        return time > lastTime || (time == lastTime && idsAtLastTime.contains(id))
    }

    mutating func note(time: Int64?, id: Int64) {
        guard let time else { return }
        if time == lastTime {
            if idsAtLastTime.count < Self.maximumTiedIDs { idsAtLastTime.append(id) }
        } else if lastTime.map({ time < $0 }) ?? true {
            lastTime = time
            idsAtLastTime = [id]
        }
    }
}

extension LoftyProvider {
    static let windowMilliseconds = Int64(RecentCallsQuery.windowLength * 1_000)
    /// Empty pages in a row that still carry a cursor, after which the window counts as read.
    static let maximumEmptyPagesInAWindow = 3

    /// `GET /v2.0/communication/agent?type=CALL&startTime&endTime&limit&cursor&teamView`,
    /// window by window (at most 90 days each, never overlapping: the next ends a
    /// millisecond before this one starts), newest first. A page is returned as soon
    /// as it holds a call, so empty windows and Lofty's empty last pages cost requests
    /// but never an empty page in between; the walk ends at `since`, or without it
    /// after `RecentCallsQuery.quietWindowLimit` windows in a row with no call.
    public func recentCalls(_ query: RecentCallsQuery, after cursor: PageCursor?, limit: Int) async throws -> RecentCallPage {
        let limit = min(max(limit, 1), Self.maximumCallPage)
        let untilMS = Self.milliseconds(query.until ?? Date())
        let floorMS = query.since.map(Self.milliseconds)
        if let floorMS, floorMS > untilMS { throw ProviderError.invalidInput("--since is after --until") }
        var state = try cursor.map { cursor throws(ProviderError) in try LoftyRecentCursor(cursor) } ?? LoftyRecentCursor(windowEnd: untilMS)
        var emptyPages = 0
        while true {
            try Task.checkCancellation()
            let windowStart = max(state.windowEnd - Self.windowMilliseconds + 1, floorMS ?? Int64.min)
            guard windowStart <= state.windowEnd else { return RecentCallPage(calls: [], next: nil) }
            var items: [(name: String, value: String)] = [
                ("type", "CALL"), ("startTime", String(windowStart)), ("endTime", String(state.windowEnd)),
                ("limit", String(limit)), ("teamView", query.team ? "true" : "false"),
            ]
            if let vendor = state.vendor { items.append(("cursor", vendor)) }
            let subject = query.team ? "the team's recent calls" : "your recent calls"
            let request = APIRequest(path: "/v2.0/communication/agent", query: items, subject: subject)
            // A user without ACCESS_ALL_TEAM_LEADS asking for the team: PERMISSION_DENIED → `.noAccess(subject)`.
            let received = try await client.send(request) { body throws(ProviderError) in try LoftyRecentDecoder.page(from: body) }
            var calls: [Call] = []
            for entry in received.entries {
                guard let id = entry.call.id.int64Value, entry.call.unreadable == nil else {
                    // Unreadable: no time to place it by; shown once unless its id came already on this page.
                    if entry.call.dedupeID.map({ id in !calls.contains { $0.dedupeID == id } }) ?? true { calls.append(entry.call) }
                    continue
                }
                // Outside the window asked for: another window's call (or a server ignoring the range).
                if let time = entry.time, time < windowStart || time > state.windowEnd { continue }
                if state.alreadyReturned(time: entry.time, id: id) || calls.contains(where: { $0.id == entry.call.id }) { continue }
                state.note(time: entry.time, id: id)
                calls.append(entry.call)
            }
            if !calls.isEmpty { state.windowHadCalls = true }
            emptyPages = calls.isEmpty ? emptyPages + 1 : 0
            // A cursor that does not move, or empty pages that never end, close the window.
            if let next = received.next, next != state.vendor, emptyPages < Self.maximumEmptyPagesInAWindow {
                state.vendor = next
                if !calls.isEmpty { return RecentCallPage(calls: calls, next: state.pageCursor) }
                continue
            }
            // The window is read: step back to the one before it.
            emptyPages = 0
            if let floorMS, windowStart <= floorMS { return RecentCallPage(calls: calls, next: nil) }
            let quiet = state.windowHadCalls ? 0 : state.quietWindows + 1
            if floorMS == nil, quiet >= RecentCallsQuery.quietWindowLimit {
                let stop = RecentCallsStop(
                    quietDays: quiet * Int(RecentCallsQuery.windowLength / 86_400),
                    before: Date(timeIntervalSince1970: Double(state.windowEnd + 1) / 1_000 + Double(quiet - 1) * RecentCallsQuery.windowLength))
                return RecentCallPage(calls: calls, next: nil, stop: stop)
            }
            var older = LoftyRecentCursor(windowEnd: windowStart - 1)
            older.quietWindows = quiet
            older.lastTime = state.lastTime
            older.idsAtLastTime = state.idsAtLastTime
            state = older
            if !calls.isEmpty { return RecentCallPage(calls: calls, next: state.pageCursor) }
        }
    }

    static func milliseconds(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1_000).rounded(.down)
        guard ms.isFinite else { return 0 }
        return Int64(max(min(ms, 253_402_300_799_000), -62_135_596_800_000))
    }
}
