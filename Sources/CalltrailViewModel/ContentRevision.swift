import Synchronization

/// Numbers that tell one version of some content from every other in the process.
/// Content stamps itself with a fresh one whenever it changes, so a cache keyed by
/// it never mistakes a rebuilt timeline (another lead, a filter, `r`) for the one
/// it replaced, as a per-instance counter starting again at zero could.
public enum ContentRevision {
    private static let last = Atomic<Int>(0)

    public static func next() -> Int {
        last.add(1, ordering: .relaxed).newValue
    }
}
