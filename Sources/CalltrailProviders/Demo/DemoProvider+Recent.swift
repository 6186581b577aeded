import CalltrailModel
import Foundation

/// The demo's inbox: every lead's generated calls (the same ones its timeline
/// shows) merged newest first. The demo's user leads the team, so `team` changes
/// nothing; the restricted lead's calls are never listed. The cursor is the last
/// call returned (its exact start and id), so any page costs O(leads × log calls +
/// page × leads) however deep it is, and no call can come twice.
extension DemoProvider {
    public func recentCalls(_ query: RecentCallsQuery, after cursor: PageCursor?, limit: Int) async throws -> RecentCallPage {
        guard (1...descriptor.maximumPageSize).contains(limit) else {
            throw ProviderError.invalidInput("page size must be 1…\(descriptor.maximumPageSize), not \(limit)")
        }
        if let since = query.since, let until = query.until, since > until {
            throw ProviderError.invalidInput("--since is after --until")
        }
        let after = try cursor.map(Self.recentPosition)
        try Task.checkCancellation()
        if latency > .zero { try await Task.sleep(for: latency) }

        let leads = demoLeads.filter { !$0.isRestricted && $0.callCount > 0 }
        // Per lead, the index of its newest call still to come (start times fall with the index).
        var heads = leads.map { lead in firstIndex(of: lead, after: after, until: query.until) }
        var calls: [Call] = []
        while calls.count < limit {
            var best: (slot: Int, start: Date, id: CallID)?
            for (slot, lead) in leads.enumerated() where heads[slot] < lead.callCount {
                let start = DemoCallFactory.startTime(lead: lead, index: heads[slot], seed: seed)
                let id = DemoCallFactory.callID(lead: lead, index: heads[slot])
                if let current = best, !Self.isNewer((start, id), than: (current.start, current.id)) { continue }
                best = (slot, start, id)
            }
            guard let best else { break }
            if let since = query.since, best.start < since { break }
            calls.append(DemoCallFactory.make(lead: leads[best.slot], index: heads[best.slot], seed: seed))
            heads[best.slot] += 1
        }
        let ended = calls.count < limit
        let next = ended ? nil : calls.last.flatMap { last in last.startTime.map { Self.recentCursor(start: $0, id: last.id) } }
        return RecentCallPage(calls: calls, next: next)
    }

    /// Newest first: a later start, or the same start and a larger id.
    static func isNewer(_ a: (Date, CallID), than b: (Date, CallID)) -> Bool {
        if a.0 != b.0 { return a.0 > b.0 }
        return (a.1.int64Value ?? 0) > (b.1.int64Value ?? 0)
    }

    /// (The cursor keeps the start's exact bits: through seconds since 1970 a Date may round.)
    /// The first index of `lead` older than `after` and not after `until` (binary search).
    private func firstIndex(of lead: DemoLead, after: (Date, CallID)?, until: Date?) -> Int {
        var low = 0
        var high = lead.callCount
        while low < high {
            let middle = (low + high) / 2
            let start = DemoCallFactory.startTime(lead: lead, index: middle, seed: seed)
            let id = DemoCallFactory.callID(lead: lead, index: middle)
            let tooNew = (until.map { start > $0 } ?? false) || (after.map { !Self.isNewer($0, than: (start, id)) } ?? false)
            if tooNew { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func recentCursor(start: Date, id: CallID) -> PageCursor {
        PageCursor("demo-recent:\(String(start.timeIntervalSinceReferenceDate.bitPattern, radix: 16)):\(id.rawValue)")
    }

    static func recentPosition(_ cursor: PageCursor) throws -> (Date, CallID) {
        let parts = cursor.token.split(separator: ":")
        guard parts.count == 3, parts[0] == "demo-recent", let bits = UInt64(parts[1], radix: 16),
              case let seconds = Double(bitPattern: bits), seconds.isFinite, Int64(parts[2]) != nil
        else { throw ProviderError.invalidInput("not a demo recent-calls cursor: \(cursor.token)") }
        return (Date(timeIntervalSinceReferenceDate: seconds), CallID(String(parts[2])))
    }
}
