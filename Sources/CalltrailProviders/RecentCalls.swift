import CalltrailModel
import Foundation

/// What the inbox asks for: every call across leads in `since…until`, newest
/// first; the caller's own calls, or the team's when `team` is set (a manager's view).
public struct RecentCallsQuery: Sendable, Hashable {
    /// The oldest instant wanted; nil walks back until `RecentCallsQuery.quietWindowLimit`
    /// windows in a row had no call.
    public var since: Date?
    /// The newest instant wanted; nil is now.
    public var until: Date?
    public var team: Bool

    public init(since: Date? = nil, until: Date? = nil, team: Bool = false) {
        self.since = since
        self.until = until
        self.team = team
    }

    /// Lofty answers for at most 90 days at a time: the walk steps back window by window.
    public static let windowLength: TimeInterval = 90 * 86_400
    /// Without `since`, this many windows in a row with no call (a year) end the walk.
    public static let quietWindowLimit = 4
}

/// One page of recent calls, newest first, and where the next page starts.
public struct RecentCallPage: Sendable, Hashable {
    public var calls: [Call]
    /// nil when the walk has ended.
    public var next: PageCursor?
    /// Why an open-ended walk (no `since`) stopped, when it did.
    public var stop: RecentCallsStop?

    public init(calls: [Call], next: PageCursor?, stop: RecentCallsStop? = nil) {
        self.calls = calls
        self.next = next
        self.stop = stop
    }
}

/// How a walk without `since` ended: `quietDays` days before `before` had no call.
public struct RecentCallsStop: Sendable, Hashable {
    public var quietDays: Int
    public var before: Date

    public init(quietDays: Int, before: Date) {
        self.quietDays = quietDays
        self.before = before
    }

    /// "no calls in the 360 days before 2025-06-02; stopped looking there (--since looks further back)".
    public var message: String {
        let day = String(UTCTimestamp.format(before).prefix(10))
        return "no calls in the \(quietDays) days before \(day); stopped looking there (--since looks further back)"
    }
}

extension RecentCallsQuery {
    /// What to say when the vendor refuses the team view (Lofty: ACCESS_ALL_TEAM_LEADS).
    public static func teamDenied(provider: String) -> String {
        "the team view needs a \(provider) user allowed to see all team leads (ACCESS_ALL_TEAM_LEADS), "
            + "which this token's user is not; leave out --team (or set team_view = false) for your own calls"
    }
}

extension CallProvider {
    /// Vendors whose APIs cannot list calls across leads: said plainly.
    public func recentCalls(_ query: RecentCallsQuery, after cursor: PageCursor?, limit: Int) async throws -> RecentCallPage {
        throw ProviderError.unsupported("recent calls across leads are not offered by \(descriptor.name)")
    }
}
