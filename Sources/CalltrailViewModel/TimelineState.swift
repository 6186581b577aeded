import CalltrailModel
import CalltrailProviders
import Foundation

/// One row of the timeline: a local-date heading or a call. Headings carry the
/// reference of the call under them, so lines stay ordered by reference.
public struct TimelineLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Days since 1970-01-01 in the display zone.
        case day(Int)
        case call
    }
    public let kind: Kind
    public let ref: CallRef

    public var isCall: Bool { kind == .call }
}

/// A calls request on its way.
public struct PendingPage: Sendable, Hashable {
    public let ticket: LoadTicket
    public let page: Int
    public let startedAt: ContinuousClock.Instant
}

/// A calls request that failed; the rows already shown stay.
public struct PageFailure: Sendable, Hashable {
    public let page: Int
    public let error: ProviderError
}

/// Where a `g`/`G` jump is still heading while pages load.
enum PendingJump: Sendable, Hashable {
    case top, bottom
}

/// One lead's calls as the timeline holds them: a record per page fetched so far
/// (cursor, size), the calls of at most `maximumHeldPages` of them, and the lines
/// built from the held pages around the selection.
///
/// The lines cover the *run*: the pages next to the selected one that are held or
/// known to show nothing under the filter. Reaching either end of the run within
/// about a screen asks for the page beyond it, by its cursor; at most one request
/// is in flight.
public struct TimelineState: Sendable {
    /// The timeline's fields behind one reference: a copy of the timeline, which
    /// many a getter makes, costs one retain instead of one per string and array.
    private var fields: CopyOnWrite<Fields>

    private struct Fields: Sendable {
        var lead: Lead {
            didSet {
                revision = ContentRevision.next()
                leadLabel = DisplayText.sanitizeLine(lead.displayName)
                leadHasCardFields = lead.hasCardFields
            }
        }
        var leadLabel: String
        var leadHasCardFields: Bool
        var pages: [TimelinePage] { didSet { revision = ContentRevision.next() } }
        var historyEnded: Bool = false
        var pending: PendingPage?
        var failure: PageFailure?
        var lines: [TimelineLine] = [] { didSet { revision = ContentRevision.next() } }
        var revision: Int = ContentRevision.next()
        var selectedLine: Int?
        var topLine: Int = 0
        var run: ClosedRange<Int> = 0...0
        var requestedPages: [Int] = []
        var callsLoaded: Int = 0
        var callsExamined: Int = 0
        var callsMatched: Int = 0
        var outcomeCounts: [CallOutcome: Int] = [:]
        var stats: CallStats = CallStats()
        var completingStats: Bool = false
        var pendingMotion: Int = 0
        var pendingSearch: PendingSearch?
        var readAheadScale: Int = 1
        var anchor: CallRef?
        var selectionBeforeFilter: CallRef?
        var pendingJump: PendingJump?
        var heldPages: Set<Int> = []
        var thinnedPages: Set<Int> = []
        var keptCallCount: Int = 0
        var leadNames: [LeadID: String] = [:] { didSet { revision = ContentRevision.next() } }

        init(lead: Lead) {
            self.lead = lead
            leadLabel = DisplayText.sanitizeLine(lead.displayName)
            leadHasCardFields = lead.hasCardFields
            pages = [TimelinePage(number: 0, cursor: nil, startOffset: 0)]
        }
    }

    init(lead: Lead) {
        fields = CopyOnWrite(Fields(lead: lead))
    }

    public internal(set) var lead: Lead { _read { yield fields.value.lead } _modify { yield &fields.value.lead } }
    /// The lead's name as shown (sanitised once, not in every frame's title and header).
    public private(set) var leadLabel: String { _read { yield fields.value.leadLabel } _modify { yield &fields.value.leadLabel } }
    /// Whether the lead has any of the card's fields (asked several times a frame).
    public var leadHasCardFields: Bool { fields.value.leadHasCardFields }
    public private(set) var pages: [TimelinePage] { _read { yield fields.value.pages } _modify { yield &fields.value.pages } }
    /// The last page has been loaded and said there is nothing after it.
    public private(set) var historyEnded: Bool { _read { yield fields.value.historyEnded } _modify { yield &fields.value.historyEnded } }
    public internal(set) var pending: PendingPage? {
        unsafeAddress { fields.address(of: Self.pendingMember) }
        unsafeMutableAddress { fields.mutableAddress(of: Self.pendingMember) }
    }
    private static let pendingMember = CopyOnWrite<Fields>.member(\.pending)
    public internal(set) var failure: PageFailure? { _read { yield fields.value.failure } _modify { yield &fields.value.failure } }
    public private(set) var lines: [TimelineLine] { _read { yield fields.value.lines } _modify { yield &fields.value.lines } }
    /// Changes whenever the lead, the lines, the pages' calls or the lead names do:
    /// what the rows and the lead card are made of (`TimelineRowsKey`).
    public private(set) var revision: Int { _read { yield fields.value.revision } _modify { yield &fields.value.revision } }
    /// Index into `lines` of the selected call; nil when no call is shown.
    public internal(set) var selectedLine: Int? { _read { yield fields.value.selectedLine } _modify { yield &fields.value.selectedLine } }
    /// First line on screen.
    public internal(set) var topLine: Int { _read { yield fields.value.topLine } _modify { yield &fields.value.topLine } }
    /// The pages the lines cover.
    public private(set) var run: ClosedRange<Int> { _read { yield fields.value.run } _modify { yield &fields.value.run } }
    /// Every page requested, in order (the request log the benchmark and tests read).
    public private(set) var requestedPages: [Int] { _read { yield fields.value.requestedPages } _modify { yield &fields.value.requestedPages } }
    /// Calls in the pages loaded at least once: how far into the history we have been.
    public private(set) var callsLoaded: Int { _read { yield fields.value.callsLoaded } _modify { yield &fields.value.callsLoaded } }
    /// Under the current filter: calls looked at, and how many passed.
    public private(set) var callsExamined: Int { _read { yield fields.value.callsExamined } _modify { yield &fields.value.callsExamined } }
    public private(set) var callsMatched: Int { _read { yield fields.value.callsMatched } _modify { yield &fields.value.callsMatched } }
    /// Outcome frequencies over loaded calls (for open vocabularies' filter keys).
    public private(set) var outcomeCounts: [CallOutcome: Int] { _read { yield fields.value.outcomeCounts } _modify { yield &fields.value.outcomeCounts } }
    /// Running figures over every call loaded (whatever the filter): each page is
    /// added once, when it first arrives, so they are never recounted; a new
    /// timeline (another lead, `r`) starts them again. Complete once `historyEnded`.
    public private(set) var stats: CallStats { _read { yield fields.value.stats } _modify { yield &fields.value.stats } }
    /// `S`: load the rest of the history (without moving the selection) so the
    /// stats cover every call; Esc stops it (`stopCatchingUp`).
    public internal(set) var completingStats: Bool { _read { yield fields.value.completingStats } _modify { yield &fields.value.completingStats } }
    /// Lines of motion asked for past the loaded end (positive: down), carried out
    /// as pages arrive, so keys pressed faster than the network land where they
    /// would on a fast one. Any jump, search or filter change replaces it.
    public internal(set) var pendingMotion: Int { _read { yield fields.value.pendingMotion } _modify { yield &fields.value.pendingMotion } }
    /// A search still looking through pages not loaded yet.
    public internal(set) var pendingSearch: PendingSearch? { _read { yield fields.value.pendingSearch } _modify { yield &fields.value.pendingSearch } }
    /// How many times the base page size new pages are asked for at: grows while
    /// the reader outruns the network, back to 1 once they wait for nothing.
    public private(set) var readAheadScale: Int { _read { yield fields.value.readAheadScale } _modify { yield &fields.value.readAheadScale } }
    /// The selected call, or where the selection was while nothing is shown.
    var anchor: CallRef? { _read { yield fields.value.anchor } _modify { yield &fields.value.anchor } }
    /// The selection before a filter hid it, restored when the filter is cleared.
    var selectionBeforeFilter: CallRef? { _read { yield fields.value.selectionBeforeFilter } _modify { yield &fields.value.selectionBeforeFilter } }
    var pendingJump: PendingJump? { _read { yield fields.value.pendingJump } _modify { yield &fields.value.pendingJump } }
    /// The pages whose calls are in memory (never more than the setting allows).
    public private(set) var heldPages: Set<Int> { _read { yield fields.value.heldPages } _modify { yield &fields.value.heldPages } }
    /// Pages thinned to their filter matches, and how many calls they keep.
    private(set) var thinnedPages: Set<Int> { _read { yield fields.value.thinnedPages } _modify { yield &fields.value.thinnedPages } }
    public private(set) var keptCallCount: Int { _read { yield fields.value.keptCallCount } _modify { yield &fields.value.keptCallCount } }
    public var heldPageCount: Int { heldPages.count }
    /// In the inbox, the names of the leads loaded so far: `/` finds a call by its lead's name too.
    var leadNames: [LeadID: String] { _read { yield fields.value.leadNames } _modify { yield &fields.value.leadNames } }

    public var selectedRef: CallRef? {
        guard let selectedLine, lines.indices.contains(selectedLine) else { return nil }
        return lines[selectedLine].ref
    }

    public var selectedCall: Call? { selectedRef.flatMap(call(at:)) }

    /// The inbox (calls across leads) rather than one lead's calls.
    public var isInbox: Bool { lead.id == Lead.inboxID }

    /// Whether `/` with `query` finds `call` (in the inbox, also by its lead's name).
    func matches(_ call: Call, _ query: String) -> Bool {
        if TimelineSearch.call(call, matches: query) { return true }
        guard isInbox, let name = call.leadID.flatMap({ leadNames[$0] }) else { return false }
        return name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    public func call(at ref: CallRef) -> Call? {
        guard pages.indices.contains(ref.page) else { return nil }
        return pages[ref.page].call(at: ref.index)
    }

    /// The history's last page is among the lines: nothing more below.
    public var showsEndOfHistory: Bool {
        historyEnded && run.upperBound == pages.count - 1 && pages[run.upperBound].canBeScrolledPast
            && pages[anchor?.page ?? 0].isShowable
    }

    /// The history's first page is among the lines: nothing more above.
    public var showsStartOfHistory: Bool { run.lowerBound == 0 }

    // MARK: Loading

    /// The page to ask for next, if any: the selected page when it is not held,
    /// else the page beyond whichever end of the run is within two screens of the
    /// selection (about one screen of prefetch past the visible one).
    func pageToLoad(listRows: Int, filter: CallFilter, maximumHeldPages: Int) -> Int? {
        guard pending == nil, failure == nil else { return nil }
        let anchorPage = anchor?.page ?? 0
        if !pages[anchorPage].isShowable { return anchorPage }
        // A page more would not fit and nothing can make room without being needed again at once.
        if heldPages.count >= maximumHeldPages, pageForStats == nil,
           victim(filter: filter, listRows: listRows, sparing: nil) == nil { return nil }
        let want = 2 * max(listRows, 1)
        let below = run.upperBound + 1 < pages.count ? run.upperBound + 1 : nil
        let above = run.lowerBound > 0 ? run.lowerBound - 1 : nil
        if pendingJump == .bottom, let below { return below }
        guard let selectedLine else {
            if let rest = pageForStats { return rest }
            // Nothing shown (a filter found nothing yet): look further down, then up.
            return below ?? above
        }
        let after = lines.count - 1 - selectedLine
        let before = selectedLine
        let needBelow = below != nil && after < want
        let needAbove = above != nil && before < want
        switch (needBelow, needAbove) {
        case (true, true): return before < after ? above : below
        case (true, false): return below
        case (false, true): return above
        case (false, false): return pageForStats
        }
    }

    /// While `S` completes the stats: the first page never loaded (only the last
    /// page can be), asked for once the view has what it needs.
    private var pageForStats: Int? {
        guard completingStats, !historyEnded, let last = pages.indices.last, pages[last].count == nil else { return nil }
        return last
    }

    func cursor(ofPage page: Int) -> PageCursor? { pages[page].cursor }

    /// The reader is waiting on the network: motion, a `G` or a search is owed.
    public var isCatchingUp: Bool { pendingMotion != 0 || pendingJump == .bottom || pendingSearch != nil || completingStats }

    /// How many calls to ask for with `page`. A page fetched before is asked for
    /// at the size it had, so it ends where it ended and its successor's cursor
    /// still follows it. A new page is `base` times the read-ahead scale, which
    /// doubles for each page asked for while the reader is catching up (a `G`
    /// over 50,000 calls takes ~50 requests of the vendor's maximum, not 500)
    /// and falls back to 1 as soon as a page is asked for with nothing owed.
    mutating func limit(forPage page: Int, base: Int, maximum: Int) -> Int {
        if let limit = pages[page].limit { return limit }
        let base = max(base, 1)
        readAheadScale = isCatchingUp ? min(readAheadScale * 2, (maximum + base - 1) / base) : 1
        return max(1, min(base * readAheadScale, maximum))
    }

    mutating func markRequested(page: Int, limit: Int, ticket: LoadTicket, at now: ContinuousClock.Instant) {
        pending = PendingPage(ticket: ticket, page: page, startedAt: now)
        if pages[page].limit == nil { pages[page].limit = limit }
        requestedPages.append(page)
    }

    /// A page arrived for the pending request.
    mutating func receive(_ result: CallPage, filter: CallFilter, zone: TimeZone, maximumHeldPages: Int, listRows: Int) {
        guard let pending else { return }
        self.pending = nil
        failure = nil
        let number = pending.page
        var result = result
        let received = result.calls
        let stall = admit(&result, page: number)
        pages[number].remember(received: received, kept: result.calls)
        defer { if let stall { failure = PageFailure(page: number, error: stall) } }
        var page = pages[number]
        let firstTime = page.count == nil
        let previousCount = page.count
        page.calls = result.calls
        heldPages.insert(number)
        page.dayNumbers = result.calls.map { $0.startTime.map { LocalDay.number(of: $0, in: zone) } }
        page.count = result.calls.count
        page.next = result.next
        let matches = result.calls.reduce(0) { $0 + (filter.matches($1) ? 1 : 0) }
        if page.matchCount == nil {
            callsExamined += result.calls.count
            callsMatched += matches
        } else if let previous = page.matchCount, let previousCount {
            callsExamined += result.calls.count - previousCount
            callsMatched += matches - previous
        }
        page.matchCount = matches
        if firstTime {
            callsLoaded += result.calls.count
            for call in result.calls { if let outcome = call.outcome { outcomeCounts[outcome, default: 0] += 1 } }
            stats.add(result.calls, zone: zone)
        }
        pages[number] = page
        linkSuccessor(of: number)
        rebuildLines(filter: filter, listRows: listRows)
        enforceWindow(filter: filter, limit: maximumHeldPages, listRows: listRows, sparing: number)
        // A page loaded only for the stats, away from what is shown, is not kept.
        if completingStats, !run.contains(number), number != anchor?.page, heldPages.contains(number) { release(number) }
        if historyEnded { completingStats = false }
        if pendingMotion != 0 { carryOut(motion: 0, listRows: listRows) }
    }

    /// Makes the page after `number` agree with what `number` said comes next. A
    /// refetched page that points elsewhere (the history changed) drops what followed.
    private mutating func linkSuccessor(of number: Int) {
        var page = pages[number]
        // A provider that answers an empty page pointing at itself would be asked forever.
        if page.count == 0, page.next == page.cursor, page.next != nil {
            page.next = nil
            pages[number].next = nil
        }
        let end = page.startOffset + (page.count ?? 0)
        if number + 1 < pages.count {
            if pages[number + 1].cursor == page.next, page.next != nil {
                let shift = end - pages[number + 1].startOffset
                if shift != 0 {
                    for later in (number + 1)..<pages.count { pages[later].startOffset += shift }
                }
                return
            }
            // The history changed under us: what followed this page is no longer where it was.
            for later in (number + 1)..<pages.count { release(later) }
            pages.removeSubrange((number + 1)...)
            if let anchor, anchor.page > number { self.anchor = CallRef(page: number, index: max(0, (page.count ?? 1) - 1)) }
            if let before = selectionBeforeFilter, before.page > number { selectionBeforeFilter = nil }
        }
        if let next = page.next {
            pages.append(TimelinePage(number: number + 1, cursor: next, startOffset: end))
            historyEnded = false
        } else {
            historyEnded = true
        }
    }

    mutating func fail(_ error: ProviderError) {
        guard let pending else { return }
        failure = PageFailure(page: pending.page, error: error)
        self.pending = nil
    }

    /// Forget the failure so `pageToLoad` asks again.
    mutating func clearFailure() { failure = nil }

    /// Bring the held pages back within `limit`, choosing with `victim`: a page a
    /// filter shows something of is thinned to those calls (its lines stay), any
    /// other page is dropped. Thinned pages together keep at most `limit` pages'
    /// worth of calls; past that the farthest go entirely.
    private mutating func enforceWindow(filter: CallFilter, limit: Int, listRows: Int, sparing received: Int) {
        var dropped = false
        while heldPages.count > limit, let number = victim(filter: filter, listRows: listRows, sparing: received) {
            if filter.isActive, let matches = pages[number].matchCount, matches > 0, run.contains(number) {
                thin(number, filter: filter)
            } else {
                release(number)
                dropped = true
            }
        }
        let keptBudget = limit * max(pages.first?.count ?? 100, 1)
        let anchorPage = anchor?.page ?? 0
        while keptCallCount > keptBudget,
              let farthest = thinnedPages.filter({ $0 != anchorPage }).max(by: { abs($0 - anchorPage) < abs($1 - anchorPage) }) {
            release(farthest)
            dropped = true
        }
        if dropped { rebuildLines(filter: filter, listRows: listRows) }
    }

    /// The held page to give up next, if any may go: first pages outside the lines,
    /// then pages the filter shows nothing of, then (under a filter, to be thinned)
    /// the farthest, or (without one) the farthest at least two screens from the
    /// selection, so that dropping it does not make it wanted again at once. The
    /// selected page, the one to return to when a filter is cleared, and the page
    /// just received never go.
    func victim(filter: CallFilter, listRows: Int, sparing received: Int?) -> Int? {
        let anchorPage = anchor?.page ?? 0
        let protected: Set<Int> = [anchorPage, selectionBeforeFilter?.page ?? anchorPage, received ?? anchorPage]
        let candidates = heldPages.subtracting(protected)
        func farthest(_ pages: some Sequence<Int>) -> Int? { pages.max { abs($0 - anchorPage) < abs($1 - anchorPage) } }
        if let outside = farthest(candidates.filter({ !run.contains($0) })) { return outside }
        if let empty = farthest(candidates.filter({ pages[$0].matchCount == 0 })) { return empty }
        if filter.isActive { return farthest(candidates) }
        let want = 2 * max(listRows, 1)
        return farthest(candidates.filter { linesBetweenSelection(andPage: $0) >= want })
    }

    /// Lines between the selected line and the nearest line of `page` (0 when it
    /// is not among the lines).
    private func linesBetweenSelection(andPage page: Int) -> Int {
        guard let pivot = selectedLine ?? anchor.map({ nearestCallLine(to: $0) ?? 0 }) else { return 0 }
        if page < (anchor?.page ?? 0) {
            let firstOfNext = firstLine(atOrAfter: CallRef(page: page + 1, index: 0))
            return max(0, pivot - firstOfNext)
        }
        let firstOfPage = firstLine(atOrAfter: CallRef(page: page, index: 0))
        return max(0, firstOfPage - pivot - 1)
    }

    private func firstLine(atOrAfter ref: CallRef) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].ref < ref { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Keep only the calls the filter shows.
    private mutating func thin(_ number: Int, filter: CallFilter) {
        guard let calls = pages[number].calls else { return }
        let days = pages[number].dayNumbers
        var kept: [KeptCall] = []
        for (index, call) in calls.enumerated() where filter.matches(call) {
            kept.append(KeptCall(index: index, call: call, day: days[index]))
        }
        release(number)
        pages[number].kept = kept
        thinnedPages.insert(number)
        keptCallCount += kept.count
    }

    /// Forget a page's calls (its cursor, size and match count stay).
    private mutating func release(_ number: Int) {
        guard pages.indices.contains(number) else { return }
        heldPages.remove(number)
        if thinnedPages.remove(number) != nil { keptCallCount -= pages[number].kept?.count ?? 0 }
        pages[number].calls = nil
        pages[number].kept = nil
        pages[number].dayNumbers = []
    }

    private func runAround(_ page: Int) -> ClosedRange<Int> {
        guard pages[page].isShowable else { return page...page }
        var low = page
        while low > 0, pages[low - 1].canBeScrolledPast { low -= 1 }
        var high = page
        while high + 1 < pages.count, pages[high + 1].canBeScrolledPast { high += 1 }
        return low...high
    }

    // MARK: Lines and selection

    /// Rebuild the lines from the held pages around the selection, keeping the
    /// selection on the same call (or the nearest one the filter shows) and that
    /// call at the same height on screen.
    mutating func rebuildLines(filter: CallFilter, listRows: Int) {
        var keep = selectedRef ?? anchor
        if let kept = keep, kept.page >= pages.count {
            // The page it was on is gone (the history changed): stay near where it was.
            keep = anchor.flatMap { $0.page < pages.count ? $0 : nil } ?? CallRef(page: pages.count - 1, index: 0)
            selectedLine = nil
        }
        let heightOnScreen = selectedLine.map { $0 - topLine }
        let anchorPage = keep?.page ?? 0
        lines.removeAll(keepingCapacity: true)
        run = runAround(anchorPage)
        if pages[anchorPage].isShowable {
            var lastDay: Int?? = .none
            func add(_ ref: CallRef, day: Int?) {
                if lastDay != .some(day), let day { lines.append(TimelineLine(kind: .day(day), ref: ref)) }
                lastDay = .some(day)
                lines.append(TimelineLine(kind: .call, ref: ref))
            }
            for number in run {
                if let calls = pages[number].calls {
                    let days = pages[number].dayNumbers
                    for (index, call) in calls.enumerated() where filter.matches(call) {
                        add(CallRef(page: number, index: index), day: days[index])
                    }
                } else if let kept = pages[number].kept {
                    for call in kept { add(CallRef(page: number, index: call.index), day: call.day) }
                }
            }
        }
        if let jump = pendingJump, !lines.isEmpty {
            selectedLine = jump == .top ? firstCallLine() : lastCallLine()
            if jump == .top || (historyEnded && run.upperBound == pages.count - 1) { pendingJump = nil }
        } else if let keep {
            selectedLine = nearestCallLine(to: keep)
        } else {
            selectedLine = firstCallLine()
        }
        if let selectedRef { anchor = selectedRef }
        if let selectedLine, let heightOnScreen {
            topLine = selectedLine - heightOnScreen
        }
        scrollToSelection(listRows: listRows)
    }

    private func firstCallLine() -> Int? { lines.firstIndex(where: \.isCall) }
    private func lastCallLine() -> Int? { lines.lastIndex(where: \.isCall) }

    /// The line of `ref`, or of the shown call nearest to it in the history (the
    /// later one on a tie); never a heading, so the selection is always a visible call.
    private func nearestCallLine(to ref: CallRef) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].ref < ref || (lines[mid].ref == ref && !lines[mid].isCall) { low = mid + 1 } else { high = mid }
        }
        // A heading carries the ref of the call under it, which comes next.
        if low < lines.count, !lines[low].isCall { low += 1 }
        var before = low - 1
        while before >= 0, !lines[before].isCall { before -= 1 }
        guard low < lines.count else { return before >= 0 ? before : nil }
        guard before >= 0, lines[low].ref != ref else { return low }
        let distanceAfter = historyOffset(of: lines[low].ref) - historyOffset(of: ref)
        let distanceBefore = historyOffset(of: ref) - historyOffset(of: lines[before].ref)
        return distanceBefore < distanceAfter ? before : low
    }

    private func historyOffset(of ref: CallRef) -> Int {
        (pages.indices.contains(ref.page) ? pages[ref.page].startOffset : 0) + ref.index
    }

    /// Keep the selection on screen; show a day heading right above it when there is room.
    mutating func scrollToSelection(listRows: Int) {
        let rows = max(listRows, 1)
        guard let selectedLine else {
            topLine = min(topLine, max(0, lines.count - rows))
            topLine = max(topLine, 0)
            return
        }
        let wantTop = selectedLine > 0 && !lines[selectedLine - 1].isCall ? selectedLine - 1 : selectedLine
        if wantTop < topLine { topLine = wantTop }
        if selectedLine >= topLine + rows { topLine = selectedLine - rows + 1 }
        topLine = max(0, min(topLine, max(0, lines.count - rows)))
        if selectedLine < topLine { topLine = selectedLine }
        keepSelectionBelowPinnedHeading(listRows: rows)
    }

    /// Move the selection by `delta` lines (skipping headings). Motion past the
    /// loaded lines is owed (`pendingMotion`) while pages lie beyond them.
    mutating func move(by delta: Int, listRows: Int) {
        pendingJump = nil
        pendingSearch = nil
        carryOut(motion: delta, listRows: listRows)
    }

    /// Pages exist past the lines in the direction of `delta` (not yet loaded, or dropped).
    private func moreLines(towards delta: Int) -> Bool {
        delta > 0 ? run.upperBound + 1 < pages.count : (delta < 0 && run.lowerBound > 0)
    }

    /// Moves by what is owed plus `delta`, as far as the lines go; the rest stays owed.
    private mutating func carryOut(motion delta: Int, listRows: Int) {
        let wanted = pendingMotion + delta
        pendingMotion = 0
        guard let current = selectedLine, !lines.isEmpty else {
            // Nothing shown yet (first page, or a filter still looking): owe all of it.
            if moreLines(towards: wanted) || pages[anchor?.page ?? 0].count == nil { pendingMotion = wanted }
            return
        }
        let desired = current + wanted
        let target = clampedCallLine(desired, from: current, delta: wanted)
        select(line: target, listRows: listRows)
        // Only motion past the ends is owed (stepping over a heading is not).
        let beyond = desired > lines.count - 1 || desired < 0
        if beyond, desired != target, moreLines(towards: desired - target) { pendingMotion = desired - target }
    }

    /// `desired` within the lines, moved off a heading in the direction of travel.
    private func clampedCallLine(_ desired: Int, from current: Int, delta: Int) -> Int {
        var target = max(0, min(lines.count - 1, desired))
        if delta >= 0 {
            while target < lines.count, !lines[target].isCall { target += 1 }
            if target >= lines.count { target = lastCallLine() ?? current }
        } else {
            while target >= 0, !lines[target].isCall { target -= 1 }
            if target < 0 { target = firstCallLine() ?? current }
        }
        return target
    }

    /// Esc while catching up: forget the motion, jump or search still owed.
    /// True when there was one.
    mutating func stopCatchingUp() -> Bool {
        defer {
            pendingMotion = 0
            pendingJump = nil
            pendingSearch = nil
            completingStats = false
        }
        return isCatchingUp
    }

    mutating func select(line: Int, listRows: Int) {
        selectedLine = line
        anchor = lines[line].ref
        scrollToSelection(listRows: listRows)
    }

    /// `g`: the newest call. When the top of the history is no longer held, jump
    /// there directly (page 0's cursor is known) instead of walking back page by page.
    mutating func jumpToTop(filter: CallFilter, listRows: Int) {
        pendingMotion = 0
        pendingSearch = nil
        if run.lowerBound == 0, let first = firstCallLine() {
            pendingJump = nil
            select(line: first, listRows: listRows)
            return
        }
        pendingJump = .top
        anchor = CallRef(page: 0, index: 0)
        selectedLine = nil
        topLine = 0
        rebuildLines(filter: filter, listRows: listRows)
    }

    /// `G`: the last loaded call, and keep loading (and following) to the end.
    mutating func jumpToBottom(listRows: Int) {
        pendingMotion = 0
        pendingSearch = nil
        if let last = lastCallLine() { select(line: last, listRows: listRows) }
        if !showsEndOfHistory { pendingJump = .bottom }
    }

    /// A new filter: recount what the held pages show, forget what is known of
    /// dropped ones, and keep the selection on the same call if it still shows.
    mutating func apply(filter: CallFilter, previous: CallFilter, listRows: Int) {
        pendingMotion = 0
        pendingSearch = nil
        if !previous.isActive, filter.isActive { selectionBeforeFilter = selectedRef ?? anchor }
        callsExamined = 0
        callsMatched = 0
        // Thinned pages hold the previous filter's matches only: fetch them again if needed.
        for number in thinnedPages { release(number) }
        for number in pages.indices {
            if let calls = pages[number].calls {
                let matches = calls.reduce(0) { $0 + (filter.matches($1) ? 1 : 0) }
                pages[number].matchCount = matches
                callsExamined += calls.count
                callsMatched += matches
            } else {
                pages[number].matchCount = nil
            }
        }
        if !filter.isActive, let restore = selectionBeforeFilter {
            anchor = restore
            selectedLine = nil
            selectionBeforeFilter = nil
        }
        rebuildLines(filter: filter, listRows: listRows)
    }

    /// The user picked a call under a filter: clearing the filter keeps this one.
    mutating func forgetSelectionBeforeFilter() { selectionBeforeFilter = nil }
}
