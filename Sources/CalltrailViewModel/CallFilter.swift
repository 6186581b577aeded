import CalltrailModel
import CalltrailProviders

/// Which calls the timeline shows: any of the chosen outcomes (none chosen = all)
/// and, optionally, one direction.
public struct CallFilter: Sendable, Hashable {
    public var outcomes: Set<CallOutcome> = []
    public var direction: CallDirection?

    public init(outcomes: Set<CallOutcome> = [], direction: CallDirection? = nil) {
        self.outcomes = outcomes
        self.direction = direction
    }

    public var isActive: Bool { !outcomes.isEmpty || direction != nil }

    public func matches(_ call: Call) -> Bool {
        if !outcomes.isEmpty {
            guard let outcome = call.outcome, outcomes.contains(outcome) else { return false }
        }
        if let direction, call.direction != direction { return false }
        return true
    }
}

/// Which outcome each of the keys 1…6 toggles.
enum OutcomeSlots {
    static let count = 6

    /// A fixed vocabulary in its order; an open one by frequency among the loaded
    /// calls (ties by name, so the keys do not shuffle between equal counts).
    static func outcomes(for vocabulary: OutcomeVocabulary, counts: [CallOutcome: Int]) -> [CallOutcome] {
        switch vocabulary {
        case .fixed(let list):
            return Array(list.prefix(count))
        case .open:
            return counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key.rawValue < b.key.rawValue }
                .prefix(count).map(\.key)
        }
    }
}
