import CalltrailModel

/// Watches a walk over a provider's pages for a server that does not advance: a
/// page with no item not seen before that still says more follow (the server
/// ignores the cursor or offset, or loops A→B→A), or a cursor it already gave.
/// Items seen before (overlapping pages) are dropped, so none is shown twice.
public struct PageWalkGuard<ID: Hashable & Sendable>: Sendable {
    private var seenIDs: Set<ID> = []
    private var seenCursors: Set<PageCursor> = []
    public private(set) var pagesSeen = 0
    /// Items dropped because an earlier page had them.
    public private(set) var repeatsDropped = 0
    /// "call", "lead": for the messages.
    let noun: String

    public init(noun: String) { self.noun = noun }

    /// The positions in `ids` to keep (first sightings, and items without an id),
    /// and the error to stop with after showing them, when the paging does not advance.
    public mutating func admit(ids: [ID?], next: PageCursor?) -> (keep: [Int], stop: ProviderError?) {
        pagesSeen += 1
        var keep: [Int] = []
        var fresh = 0
        for (index, id) in ids.enumerated() {
            guard let id else { keep.append(index); continue }
            if seenIDs.insert(id).inserted {
                keep.append(index)
                fresh += 1
            } else {
                repeatsDropped += 1
            }
        }
        guard let next else { return (keep, nil) }
        if fresh == 0 {
            let what = ids.isEmpty
                ? "page \(pagesSeen) was empty yet said more \(noun)s follow"
                : "page \(pagesSeen) held only \(noun)s already shown (the server sent the same page again: it ignores the paging cursor or offset, or loops)"
            return (keep, .pagingBroken("\(what); \(seenIDs.count) \(noun)s shown"))
        }
        if !seenCursors.insert(next).inserted {
            return (keep, .pagingBroken("the server pointed back to a page it had already sent (a cursor loop); \(seenIDs.count) \(noun)s shown"))
        }
        return (keep, nil)
    }
}
