import CalltrailModel

/// A timeline search (`n`, `N`, or `/` submitted) that found no call among the
/// loaded lines and goes on through the pages beyond them as they arrive, the
/// way `G` does, so a search is not cut short by what happens to be loaded.
public struct PendingSearch: Sendable, Hashable {
    public let query: String
    public let forward: Bool
    /// Where the search started: the selection goes back there when the history
    /// holds no match in that direction.
    let origin: CallRef
}

extension TimelineState {
    /// The first call line after (or before) `start` whose call matches `query`;
    /// with `wrapping`, the search goes on from the other end of the lines.
    func line(matching query: String, from start: Int, forward: Bool, includingStart: Bool, wrapping: Bool) -> Int? {
        let count = lines.count
        guard count > 0 else { return nil }
        let first = includingStart ? 0 : 1
        let last = wrapping ? count : (forward ? count - 1 - start : start)
        guard first <= last else { return nil }
        for step in first...last {
            let line = ((forward ? start + step : start - step) % count + count) % count
            guard lines[line].isCall, let call = call(at: lines[line].ref) else { continue }
            if matches(call, query) { return line }
        }
        return nil
    }

    /// Pages lie past the lines in that direction (not loaded yet, or dropped).
    func hasLines(beyond forward: Bool) -> Bool {
        forward ? run.upperBound + 1 < pages.count : run.lowerBound > 0
    }

    /// Starts looking through pages beyond the lines: the selection rides the
    /// edge of what is loaded, so the pages that way are fetched in turn.
    mutating func beginSearch(_ search: PendingSearch, listRows: Int) {
        pendingMotion = 0
        pendingJump = nil
        pendingSearch = search
        rideEdge(forward: search.forward, listRows: listRows)
    }

    /// Selects the last (or first) call line, so reading ahead fetches beyond it.
    mutating func rideEdge(forward: Bool, listRows: Int) {
        let edge = forward ? lines.lastIndex(where: \.isCall) : lines.firstIndex(where: \.isCall)
        if let edge { select(line: edge, listRows: listRows) }
    }

    /// Puts the selection back on `ref`, fetching its page again if it was dropped.
    mutating func returnTo(_ ref: CallRef, filter: CallFilter, listRows: Int) {
        pendingSearch = nil
        pendingMotion = 0
        pendingJump = nil
        anchor = ref
        selectedLine = nil
        rebuildLines(filter: filter, listRows: listRows)
    }
}
