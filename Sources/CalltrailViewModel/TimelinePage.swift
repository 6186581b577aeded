import CalltrailModel
import Foundation
import Synchronization

/// Where a call sits: which page (numbered from 0, newest first) and where in it.
/// Page numbers never change while a lead is open, so a reference survives pages
/// arriving, being dropped and being fetched again.
public struct CallRef: Sendable, Hashable, Comparable {
    public let page: Int
    public let index: Int
    public init(page: Int, index: Int) {
        self.page = page
        self.index = index
    }
    public static func < (a: CallRef, b: CallRef) -> Bool { (a.page, a.index) < (b.page, b.index) }
}

/// One page of a lead's history. What is needed to fetch it again (its cursor)
/// and to account for it (its size, how many calls match the filter) stays when
/// its calls are dropped; only `calls` and `dayNumbers` go.
public struct TimelinePage: Sendable {
    public let number: Int
    /// nil for the first page.
    public let cursor: PageCursor?
    /// How many calls come before this page in the history.
    public internal(set) var startOffset: Int
    /// The calls, while held.
    public internal(set) var calls: [Call]?
    /// The local day of each held call (for day headings), nil when it has no start time.
    var dayNumbers: [Int?] = []
    /// Known once the page has been loaded.
    public internal(set) var count: Int?
    /// How many calls it was first asked for with; asked again with the same, so
    /// it ends where it ended before.
    public internal(set) var limit: Int?
    /// Where the page after this one starts, once loaded; nil there means the end.
    var next: PageCursor?
    /// How many of its calls pass the current filter; kept after the calls are dropped,
    /// so a page known to show nothing does not have to be fetched again to scroll past it.
    var matchCount: Int?
    /// Under a filter, a page pushed out of the window keeps just the calls the
    /// filter shows (sorted by index), so a sparse filter's matches stay on screen
    /// without holding every call around them. Dropped when the filter changes.
    var kept: [KeptCall]?
    /// Calls an earlier page already had, dropped from this one (also when refetched),
    /// and this page's first call: the paging guard's memory (TimelineState+PagingGuard).
    var repeatedIDs: Set<CallID> = []
    var firstID: CallID?

    init(number: Int, cursor: PageCursor?, startOffset: Int) {
        self.number = number
        self.cursor = cursor
        self.startOffset = startOffset
    }

    /// Every call of the page is in memory.
    public var isHeld: Bool { calls != nil }

    /// What the filter shows of the page is in memory (all of it, or the kept matches).
    var isShowable: Bool { calls != nil || kept != nil }

    /// Showable, or known to contain nothing the filter shows.
    var canBeScrolledPast: Bool { isShowable || matchCount == 0 }

    func call(at index: Int) -> Call? {
        if let calls { return calls.indices.contains(index) ? calls[index] : nil }
        guard let kept else { return nil }
        var low = 0
        var high = kept.count
        while low < high {
            let mid = (low + high) / 2
            if kept[mid].index < index { low = mid + 1 } else { high = mid }
        }
        return low < kept.count && kept[low].index == index ? kept[low].call : nil
    }
}

/// A call kept from a thinned page, with its position and local day.
struct KeptCall: Sendable {
    let index: Int
    let call: Call
    let day: Int?
}

/// Days since 1970-01-01 in a zone, for grouping calls under local-date headings.
enum LocalDay {
    static func number(of date: Date, in zone: TimeZone) -> Int {
        // An instant no one means (NaN, 1e300) groups under day 0 rather than trapping.
        guard date.isRepresentable else { return 0 }
        let local = date.timeIntervalSince1970 + Double(offset(at: date, in: zone))
        return Int((local / 86_400).rounded(.down))
    }

    /// The zone's offset in the second of the last instant asked about. Every frame
    /// asks what day it is now (through ICU, a lock and a table search, about 1%
    /// of a key); offsets change only at whole seconds, so the answer for the same
    /// second is kept.
    private struct LastOffset {
        var zone: TimeZone
        var second: Double
        var offset: Int
    }

    private static let lastOffset = Mutex<LastOffset?>(nil)

    private static func offset(at date: Date, in zone: TimeZone) -> Int {
        let second = date.timeIntervalSince1970.rounded(.down)
        if let kept = lastOffset.withLock({ $0.flatMap { $0.second == second && $0.zone == zone ? $0.offset : nil } }) { return kept }
        let offset = zone.secondsFromGMT(for: date)
        lastOffset.withLock { $0 = LastOffset(zone: zone, second: second, offset: offset) }
        return offset
    }
}
