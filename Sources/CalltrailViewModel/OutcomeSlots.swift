import CalltrailModel
import CalltrailProviders

/// Which outcome each of the keys 1…6 toggles, for the open lead.
///
/// A fixed vocabulary keeps its order. An open one gives keys out as outcomes
/// turn up: the first calls' outcomes by frequency, later ones the keys still
/// free. A key, once given, keeps its outcome for the lead, so pressing the same
/// key twice always toggles the same outcome, however the counts change.
public struct OutcomeSlots: Sendable, Hashable {
    public static let count = 6

    /// The outcome on key n + 1; nil for a key not given yet.
    public private(set) var keys: [CallOutcome?] = [] {
        didSet { labels = Self.labels(of: keys) }
    }
    /// Each key's outcome as the footer shows it, sanitised once rather than every frame.
    public private(set) var labels: [String?] = []

    public init() {}

    /// A fixed vocabulary's keys, in its order.
    init(fixed list: [CallOutcome]) {
        keys = list.prefix(Self.count).map { $0 }
        labels = Self.labels(of: keys)
    }

    private static func labels(of keys: [CallOutcome?]) -> [String?] {
        keys.map { $0.map { DisplayText.sanitizeLine($0.label) } }
    }

    /// A new lead's keys: only the outcomes a filter has on stay, each on its
    /// key, so they can be turned off where they were; the rest are free.
    func keeping(_ active: Set<CallOutcome>) -> OutcomeSlots {
        var kept = OutcomeSlots()
        kept.keys = keys.map { outcome in outcome.flatMap { active.contains($0) ? $0 : nil } }
        while kept.keys.last == .some(nil) { kept.keys.removeLast() }
        return kept
    }

    /// Gives free keys to outcomes not on a key yet, the most frequent first
    /// (ties by name, so equal counts do not shuffle between runs).
    mutating func admit(counts: [CallOutcome: Int]) {
        let taken = Set(keys.compactMap { $0 })
        var newcomers = counts.filter { !taken.contains($0.key) }
            .sorted { a, b in a.value != b.value ? a.value > b.value : a.key.rawValue < b.key.rawValue }
            .map(\.key)[...]
        for index in keys.indices where keys[index] == nil {
            guard let next = newcomers.popFirst() else { return }
            keys[index] = next
        }
        while keys.count < Self.count, let next = newcomers.popFirst() { keys.append(next) }
    }

    public func key(of outcome: CallOutcome) -> Int? { keys.firstIndex(of: outcome).map { $0 + 1 } }
}

extension BrowserState {
    /// The keys of a fresh browser: a fixed vocabulary's, or none yet.
    static func initialOutcomeSlots(_ vocabulary: OutcomeVocabulary) -> OutcomeSlots {
        if case .fixed(let list) = vocabulary { return OutcomeSlots(fixed: list) }
        return OutcomeSlots()
    }

    /// Another lead opens: an open vocabulary's keys start over (filters that are on keep theirs).
    mutating func outcomeSlotsForNewLead() {
        guard case .open = descriptor.outcomes else { return }
        outcomeSlots = outcomeSlots.keeping(filter.outcomes)
    }

    /// Calls arrived: outcomes seen for the first time take the free keys.
    mutating func admitLoadedOutcomes() {
        guard case .open = descriptor.outcomes, let counts = timeline?.outcomeCounts else { return }
        outcomeSlots.admit(counts: counts)
    }
}
