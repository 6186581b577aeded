import CalltrailModel
import CalltrailProviders
import Foundation

/// The terminal's size and the list height it leaves: one header line, one
/// footer line and a border above and below each pane.
public struct Viewport: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public init(rows: Int = 24, columns: Int = 80) {
        self.rows = rows
        self.columns = columns
    }
    /// Rows of list inside a pane: what paging moves by and prefetch measures in.
    public var listRows: Int { max(1, rows - 4) }
}

/// Everything the screen shows, as plain values. Only `BrowserReducer` changes it.
public struct BrowserState: Sendable {
    public let descriptor: ProviderDescriptor
    /// The provider's name and account as shown (sanitised once, not every frame).
    let providerLabel: String
    let accountLabel: String?
    public let settings: BrowserSettings
    public internal(set) var viewport = Viewport()
    public internal(set) var focus: Pane = .leads
    public internal(set) var overlay: Overlay = .none
    public internal(set) var help = HelpState()
    public internal(set) var leads = LeadsState()
    /// The open lead's calls; nil until a lead is opened.
    public internal(set) var timeline: TimelineState?
    public internal(set) var filter = CallFilter()
    /// Which outcome each of the keys 1…6 toggles (see `OutcomeSlots`).
    public internal(set) var outcomeSlots: OutcomeSlots
    public internal(set) var search = SearchState()
    public internal(set) var detail = DetailState()
    /// Recording links fetched with `o`, the one in flight, the last problem.
    public internal(set) var recordings = RecordingsState()
    /// AI summaries fetched for the detail, the one in flight or due, the last failure.
    public internal(set) var summaries = SummariesState()
    /// The full-screen transcript (`t`), while it shows.
    public internal(set) var transcript: TranscriptState?
    /// The full-screen lead view (`i`), while it shows.
    public internal(set) var leadInfo: LeadInfoState?
    /// A one-line message for the footer (not an error: "no match", "no outcome on key 5").
    public internal(set) var notice: String?
    public internal(set) var now: ContinuousClock.Instant
    /// Wall-clock time, for "2h ago".
    public internal(set) var wallClock: Date
    public internal(set) var quitRequested = false
    /// Names of the leads loaded so far, for the inbox's rows.
    public internal(set) var leadNames: [LeadID: String] = [:] { didSet { leadNamesRevision = ContentRevision.next() } }
    /// Changes whenever `leadNames` does (the inbox's rows name each call's lead).
    public private(set) var leadNamesRevision = ContentRevision.next()
    /// What the open inbox asks for (its `until` fixed when it opened).
    public internal(set) var inboxQuery: RecentCallsQuery?
    /// Why the open inbox's walk stopped where it did (a year without calls), if it said.
    public internal(set) var inboxEndNote: String?
    /// Leads fetched one by one (`lead(id:)`), those in flight and what waits for them.
    var leadLookup = LeadLookupState()
    var lastTicket = 0

    public init(descriptor: ProviderDescriptor, settings: BrowserSettings, now: ContinuousClock.Instant, wallClock: Date) {
        self.descriptor = descriptor
        providerLabel = DisplayText.sanitize(descriptor.name)
        accountLabel = descriptor.accountLabel.map { DisplayText.sanitize($0) }
        self.settings = settings
        self.now = now
        self.wallClock = wallClock
        outcomeSlots = Self.initialOutcomeSlots(descriptor.outcomes)
    }

    /// Calls per request.
    public var pageSize: Int {
        min(max(settings.pageSize ?? descriptor.defaultPageSize, 1), descriptor.maximumPageSize)
    }

    /// The outcomes on keys 1…6, in order; nil for a key an open vocabulary has not given yet.
    public var filterSlots: [CallOutcome?] { outcomeSlots.keys }

    /// Rows the calls pane gives the lead summary above the list: the stats
    /// strip, when the pane has room for it and a list of some height.
    public var leadSummaryRows: Int { statsStripRows + (showsLeadCard ? 1 : 0) }

    /// The lead card's line above the strip: when the lead has card fields and
    /// the list keeps its height (80×24 shows it).
    public var showsLeadCard: Bool {
        // Read through the optional, not bound: binding copies the whole timeline.
        guard statsStripRows > 0, viewport.listRows >= 12, timeline?.isInbox == false else { return false }
        return timeline?.lead.hasCardFields == true
    }

    /// The stats strip's rows: the figures and the graphs on one row, or on two
    /// when the pane is tall enough (from 22 rows: 80×24 has two), none when the list would be too short.
    public var statsStripRows: Int {
        guard settings.showsLeadSummary, timeline != nil else { return 0 }
        return viewport.listRows >= 18 ? 2 : (viewport.listRows >= 6 ? 1 : 0)
    }

    /// Rows of the calls pane's list: paging moves by it and prefetch measures in it.
    public var timelineRows: Int { max(1, viewport.listRows - leadSummaryRows) }

    /// The timeline would ask for another page if none were in flight.
    public var timelineWantsMore: Bool { timelinePageWanted != nil }

    /// The calls page the timeline wants next, if any.
    var timelinePageWanted: Int? {
        timeline?.pageToLoad(listRows: timelineRows, filter: filter, maximumHeldPages: settings.maximumHeldPages)
    }

    mutating func issueTicket() -> LoadTicket {
        lastTicket += 1
        return LoadTicket(lastTicket)
    }
}
