import CalltrailModel

/// One vendor's API seen as the program's own model: leads, pages of a lead's
/// calls behind an opaque cursor, and one call by id.
///
/// Every method is cancellable: cancelling the calling task cancels the request
/// and throws `CancellationError` (never a `ProviderError`).
public protocol CallProvider: Sendable {
    var descriptor: ProviderDescriptor { get }

    /// A page of leads. `query` searches by name or phone (server side where the
    /// vendor can); `cursor` is nil for the first page.
    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage

    /// A page of the lead's calls, newest first. `cursor` is nil for the first page;
    /// the returned page's `next` is nil when the history has ended.
    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage

    /// One call with every field the vendor has for it.
    func call(id: CallID) async throws -> Call

    /// One lead with every field the vendor has for it. Vendors without a
    /// get-one-lead endpoint look through the lead list (the default).
    func lead(id: LeadID) async throws -> Lead

    /// The call's recording, fetched when asked (its link may be short-lived);
    /// nil when the call has none. Vendors without recordings throw `.unsupported`
    /// (the default implementation).
    func recording(forCall id: CallID) async throws -> RecordingLink?

    /// The call's AI summary and transcript, fetched when asked; nil when there is
    /// none. Takes the call (not its id): a vendor may key summaries by another of
    /// its ids (Lofty's dialer record). Vendors without summaries throw `.unsupported`
    /// (the default implementation).
    func summary(forCall call: Call) async throws -> CallSummary?

    /// A page of calls across leads (the inbox), newest first, stepping back
    /// window by window; no call comes twice in one walk. Vendors that cannot list
    /// calls without a lead throw `.unsupported` (the default implementation).
    func recentCalls(_ query: RecentCallsQuery, after cursor: PageCursor?, limit: Int) async throws -> RecentCallPage
}

/// What the rest of the program needs to know about a provider besides its data.
public struct ProviderDescriptor: Sendable, Hashable {
    /// "Lofty", "Demo", …
    public var name: String
    /// Shown in the header after the name, e.g. "team 4411" or "demo data".
    public var accountLabel: String?
    /// How outcomes map onto the filter keys 1…6.
    public var outcomes: OutcomeVocabulary
    /// The page size the provider prefers when the user sets none.
    public var defaultPageSize: Int
    /// The largest page the API accepts.
    public var maximumPageSize: Int
    /// What the provider's lead ids and call ids look like (see `check`).
    public var leadIDs: IDShape
    public var callIDs: IDShape
    /// Whether `recording(forCall:)` can answer (the browser offers `o` then).
    public var offersRecordings: Bool
    /// Whether `summary(forCall:)` can answer (the detail shows a Summary section then).
    public var offersSummaries: Bool

    public init(
        name: String,
        accountLabel: String? = nil,
        outcomes: OutcomeVocabulary,
        defaultPageSize: Int,
        maximumPageSize: Int,
        leadIDs: IDShape = .any,
        callIDs: IDShape = .any,
        offersRecordings: Bool = false,
        offersSummaries: Bool = false
    ) {
        self.name = name
        self.accountLabel = accountLabel
        self.outcomes = outcomes
        self.defaultPageSize = defaultPageSize
        self.maximumPageSize = maximumPageSize
        self.leadIDs = leadIDs
        self.callIDs = callIDs
        self.offersRecordings = offersRecordings
        self.offersSummaries = offersSummaries
    }
}

/// A vendor either has a closed list of outcomes (Lofty's six, on keys 1…6 in
/// that order) or an open set of strings, in which case keys 1…6 go to the six
/// most frequent outcomes among the calls loaded so far.
public enum OutcomeVocabulary: Sendable, Hashable {
    case fixed([CallOutcome])
    case open
}
