import CalltrailModel
import Foundation

/// Knobs of the browser that come from the command line or the config file.
public struct BrowserSettings: Sendable, Hashable {
    /// Calls per request; nil uses the provider's preferred size.
    public var pageSize: Int?
    /// Leads per request.
    public var leadsPageSize: Int
    /// How many pages of one lead's calls are held in memory at most; pages far
    /// from the view are dropped and fetched again by their cursor.
    public var maximumHeldPages: Int
    /// Day headings and start times are shown in this zone (the API speaks UTC).
    public var timeZone: TimeZone
    /// Open straight at this lead (`--lead`).
    public var initialLead: LeadID?
    /// How to fix a refused token or an unreachable provider, for the full-pane message.
    public var advice: ConnectionAdvice
    /// The inbox (`R`) lists the team's calls, not only the user's (`--team`, `team_view`).
    public var teamView: Bool
    /// The calls pane starts with the lead's stats strip (and card): the program
    /// shows them; off by default so embedders and layout tests get the bare list.
    public var showsLeadSummary: Bool

    public static let defaultMaximumHeldPages = 8

    public init(
        pageSize: Int? = nil,
        leadsPageSize: Int = 100,
        maximumHeldPages: Int = BrowserSettings.defaultMaximumHeldPages,
        timeZone: TimeZone = .current,
        initialLead: LeadID? = nil,
        advice: ConnectionAdvice = ConnectionAdvice(),
        teamView: Bool = false,
        showsLeadSummary: Bool = false
    ) {
        self.teamView = teamView
        self.showsLeadSummary = showsLeadSummary
        self.pageSize = pageSize
        self.leadsPageSize = leadsPageSize
        // Three is the least that works: the page in view and one on each side.
        self.maximumHeldPages = max(3, maximumHeldPages)
        self.timeZone = timeZone
        self.initialLead = initialLead
        self.advice = advice
    }
}
