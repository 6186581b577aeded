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
    /// The state's fields behind one reference: the reducer and the frame builder call
    /// getters on it dozens of times a key, and each call on a mutable state copied it
    /// whole, retaining every string, array and set one by one.
    private var fields: CopyOnWrite<Fields>

    private struct Fields: Sendable {
        let descriptor: ProviderDescriptor
        let providerLabel: String
        let accountLabel: String?
        let settings: BrowserSettings
        var viewport: Viewport = Viewport()
        var focus: Pane = .leads
        var overlay: Overlay = .none
        var help: HelpState = HelpState()
        var leads: LeadsState = LeadsState()
        var timeline: TimelineState?
        var filter: CallFilter = CallFilter()
        var outcomeSlots: OutcomeSlots
        var search: SearchState = SearchState()
        var detail: DetailState = DetailState()
        var recordings: RecordingsState = RecordingsState()
        var summaries: SummariesState = SummariesState()
        var transcript: TranscriptState?
        var leadInfo: LeadInfoState?
        var notice: String?
        var now: ContinuousClock.Instant
        var wallClock: Date
        var quitRequested: Bool = false
        var leadNames: [LeadID: String] = [:] { didSet { leadNamesRevision = ContentRevision.next() } }
        var leadNamesRevision: Int = ContentRevision.next()
        var inboxQuery: RecentCallsQuery?
        var inboxEndNote: String?
        var leadLookup: LeadLookupState = LeadLookupState()
        var lastTicket: Int = 0

        init(descriptor: ProviderDescriptor, settings: BrowserSettings, now: ContinuousClock.Instant, wallClock: Date) {
            self.descriptor = descriptor
            providerLabel = DisplayText.sanitize(descriptor.name)
            accountLabel = descriptor.accountLabel.map { DisplayText.sanitize($0) }
            self.settings = settings
            self.now = now
            self.wallClock = wallClock
            outcomeSlots = BrowserState.initialOutcomeSlots(descriptor.outcomes)
        }
    }

    public init(descriptor: ProviderDescriptor, settings: BrowserSettings, now: ContinuousClock.Instant, wallClock: Date) {
        fields = CopyOnWrite(Fields(descriptor: descriptor, settings: settings, now: now, wallClock: wallClock))
    }

    public var descriptor: ProviderDescriptor { _read { yield fields.value.descriptor } }
    /// The provider's name and account as shown (sanitised once, not every frame).
    var providerLabel: String { _read { yield fields.value.providerLabel } }
    var accountLabel: String? { _read { yield fields.value.accountLabel } }
    public var settings: BrowserSettings { _read { yield fields.value.settings } }
    public internal(set) var viewport: Viewport { _read { yield fields.value.viewport } _modify { yield &fields.value.viewport } }
    public internal(set) var focus: Pane { _read { yield fields.value.focus } _modify { yield &fields.value.focus } }
    public internal(set) var overlay: Overlay { _read { yield fields.value.overlay } _modify { yield &fields.value.overlay } }
    public internal(set) var help: HelpState { _read { yield fields.value.help } _modify { yield &fields.value.help } }
    public internal(set) var leads: LeadsState {
        unsafeAddress { fields.address(of: Self.leadsMember) }
        unsafeMutableAddress { fields.mutableAddress(of: Self.leadsMember) }
    }
    private static let leadsMember = CopyOnWrite<Fields>.member(\.leads)
    /// The open lead's calls; nil until a lead is opened.
    public internal(set) var timeline: TimelineState? { _read { yield fields.value.timeline } _modify { yield &fields.value.timeline } }
    public internal(set) var filter: CallFilter { _read { yield fields.value.filter } _modify { yield &fields.value.filter } }
    /// Which outcome each of the keys 1…6 toggles (see `OutcomeSlots`).
    public internal(set) var outcomeSlots: OutcomeSlots { _read { yield fields.value.outcomeSlots } _modify { yield &fields.value.outcomeSlots } }
    public internal(set) var search: SearchState {
        unsafeAddress { fields.address(of: Self.searchMember) }
        unsafeMutableAddress { fields.mutableAddress(of: Self.searchMember) }
    }
    private static let searchMember = CopyOnWrite<Fields>.member(\.search)
    public internal(set) var detail: DetailState { _read { yield fields.value.detail } _modify { yield &fields.value.detail } }
    /// Recording links fetched with `o`, the one in flight, the last problem.
    public internal(set) var recordings: RecordingsState { _read { yield fields.value.recordings } _modify { yield &fields.value.recordings } }
    /// AI summaries fetched for the detail, the one in flight or due, the last failure.
    public internal(set) var summaries: SummariesState {
        unsafeAddress { fields.address(of: Self.summariesMember) }
        unsafeMutableAddress { fields.mutableAddress(of: Self.summariesMember) }
    }
    private static let summariesMember = CopyOnWrite<Fields>.member(\.summaries)
    /// The full-screen transcript (`t`), while it shows.
    public internal(set) var transcript: TranscriptState? { _read { yield fields.value.transcript } _modify { yield &fields.value.transcript } }
    /// The full-screen lead view (`i`), while it shows.
    public internal(set) var leadInfo: LeadInfoState? { _read { yield fields.value.leadInfo } _modify { yield &fields.value.leadInfo } }
    /// A one-line message for the footer (not an error: "no match", "no outcome on key 5").
    public internal(set) var notice: String? { _read { yield fields.value.notice } _modify { yield &fields.value.notice } }
    public internal(set) var now: ContinuousClock.Instant {
        unsafeAddress { fields.address(of: Self.nowMember) }
        unsafeMutableAddress { fields.mutableAddress(of: Self.nowMember) }
    }
    private static let nowMember = CopyOnWrite<Fields>.member(\.now)
    /// Wall-clock time, for "2h ago".
    public internal(set) var wallClock: Date { _read { yield fields.value.wallClock } _modify { yield &fields.value.wallClock } }
    public internal(set) var quitRequested: Bool { _read { yield fields.value.quitRequested } _modify { yield &fields.value.quitRequested } }
    /// Names of the leads loaded so far, for the inbox's rows.
    public internal(set) var leadNames: [LeadID: String] { _read { yield fields.value.leadNames } _modify { yield &fields.value.leadNames } }
    /// Changes whenever `leadNames` does (the inbox's rows name each call's lead).
    public private(set) var leadNamesRevision: Int { _read { yield fields.value.leadNamesRevision } _modify { yield &fields.value.leadNamesRevision } }
    /// What the open inbox asks for (its `until` fixed when it opened).
    public internal(set) var inboxQuery: RecentCallsQuery? { _read { yield fields.value.inboxQuery } _modify { yield &fields.value.inboxQuery } }
    /// Why the open inbox's walk stopped where it did (a year without calls), if it said.
    public internal(set) var inboxEndNote: String? { _read { yield fields.value.inboxEndNote } _modify { yield &fields.value.inboxEndNote } }
    /// Leads fetched one by one (`lead(id:)`), those in flight and what waits for them.
    var leadLookup: LeadLookupState { _read { yield fields.value.leadLookup } _modify { yield &fields.value.leadLookup } }
    var lastTicket: Int { _read { yield fields.value.lastTicket } _modify { yield &fields.value.lastTicket } }

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
        guard statsStripRows > 0, viewport.listRows >= 12, let timeline, !timeline.isInbox else { return false }
        return timeline.leadHasCardFields
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
