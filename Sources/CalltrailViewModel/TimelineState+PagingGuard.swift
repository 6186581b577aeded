import CalltrailModel
import CalltrailProviders

/// The browser's guard against a server whose paging does not advance, with the
/// memory the timeline already bounds: the calls of held pages, and one id and the
/// cursor of every page fetched. Repeats of calls on earlier pages (overlapping
/// pages) are dropped, so no call shows twice; a page with nothing new that still
/// points onward, or one that starts where an earlier page started, stops `G` and
/// read-ahead with an error (what is shown stays; `r` asks again).
extension TimelineState {
    /// Drops from `result` the calls an earlier page holds (remembered on the page, so
    /// a refetch drops them too) and says why paging must stop, when it must.
    func admit(_ result: inout CallPage, page number: Int) -> ProviderError? {
        // A refetch drops what the first load dropped; a first load also what the page
        // before has (an overlap, or the same page again). Loops further back are caught
        // by their first id or cursor, so only that one page is looked through.
        var earlier: Set<CallID> = pages[number].repeatedIDs
        let firstTime = pages[number].count == nil
        if firstTime, number > 0 {
            if let calls = pages[number - 1].calls {
                for call in calls { if let id = call.dedupeID { earlier.insert(id) } }
            } else if let kept = pages[number - 1].kept {
                for kept in kept { if let id = kept.call.dedupeID { earlier.insert(id) } }
            }
        }
        let received = result.calls
        if !earlier.isEmpty {
            result.calls = received.filter { call in call.dedupeID.map { !earlier.contains($0) } ?? true }
        }
        guard firstTime, let next = result.next else { return nil }
        let shown = pages[..<number].reduce(0) { $0 + ($1.count ?? 0) }
        // (An empty page is judged by its cursor alone: one pointing at itself simply ends.)
        if result.calls.isEmpty, !received.isEmpty {
            return .pagingBroken(
                "page \(number + 1) held only calls already shown (the server sent the same page again: "
                + "it ignores the paging cursor or offset, or loops); \(shown) calls shown")
        }
        let firstNew = result.calls.first { $0.dedupeID != nil }?.id
        let loopsBack = pages[..<number].contains { page in
            page.cursor == next || (firstNew != nil && page.firstID == firstNew)
        }
        if loopsBack {
            // The page repeats one further back: drop what any held page shows (once, on the way out).
            var held: Set<CallID> = []
            for page in pages[..<number] {
                if let calls = page.calls {
                    for call in calls { if let id = call.dedupeID { held.insert(id) } }
                } else if let kept = page.kept {
                    for kept in kept { if let id = kept.call.dedupeID { held.insert(id) } }
                }
            }
            result.calls = result.calls.filter { call in call.dedupeID.map { !held.contains($0) } ?? true }
            return .pagingBroken("the server led back to a page it had already sent (a cursor loop); \(shown) calls shown")
        }
        return nil
    }

}

extension TimelinePage {
    /// What `TimelineState.admit` dropped and the page's first id, kept across refetches.
    mutating func remember(received: [Call], kept: [Call]) {
        let keptIDs = Set(kept.compactMap(\.dedupeID))
        repeatedIDs.formUnion(received.compactMap(\.dedupeID).filter { !keptIDs.contains($0) })
        if firstID == nil { firstID = kept.first { $0.dedupeID != nil }?.id }
    }
}
