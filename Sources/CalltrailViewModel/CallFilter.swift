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
