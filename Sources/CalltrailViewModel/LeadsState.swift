import CalltrailModel
import CalltrailProviders

/// The lead list: pages appended as the user nears the end, optionally narrowed
/// by a search (sent to the provider, which matches name or phone).
public struct LeadsState: Sendable {
    public internal(set) var leads: [Lead] = [] { didSet { revision = ContentRevision.next() } }
    /// Each lead's name and first phone, sanitised once on arrival rather than every frame.
    var labels: [(name: String, phone: String)] = [] { didSet { revision = ContentRevision.next() } }
    /// Changes whenever the leads or their labels do (`LeadRowsKey`).
    public private(set) var revision = ContentRevision.next()
    /// Where the next page starts; nil with `ended` once the list is complete.
    var next: PageCursor?
    public internal(set) var ended = false
    /// How many leads match in all, when the provider says.
    public internal(set) var total: Int?
    /// The search the list shows (nil = every lead).
    public internal(set) var query: String?
    public internal(set) var pending: PendingLeads?
    public internal(set) var failure: ProviderError?
    public internal(set) var selected: Int?
    public internal(set) var topRow = 0
    /// The list was (re)loaded for a reason other than a search the user typed
    /// (start, Esc clearing the search, reload): the selection goes to the open
    /// lead when a page brings it, so the highlighted lead is the one shown.
    var followsOpenLead = true
    /// When the selected lead's calls open by themselves (preview as you move);
    /// nil while no move is waiting for it.
    var previewDue: ContinuousClock.Instant?
    /// Rows of motion asked for past the last loaded lead while more are coming,
    /// carried out when they arrive (as in the timeline).
    public internal(set) var pendingMotion = 0

    public struct PendingLeads: Sendable, Hashable {
        public let ticket: LoadTicket
        public let startedAt: ContinuousClock.Instant
    }

    public var selectedLead: Lead? { selected.flatMap { leads.indices.contains($0) ? leads[$0] : nil } }

    /// Ask for more when the selection is within a screen of the end.
    func needsMore(listRows: Int) -> Bool {
        guard pending == nil, failure == nil, !ended else { return false }
        return leads.count - (selected ?? 0) <= 2 * max(listRows, 1)
    }

    /// A page arrived. `openLead` is the lead whose calls show, if any.
    mutating func receive(_ page: LeadPage, openLead: LeadID?, listRows: Int) {
        pending = nil
        failure = nil
        // A provider that repeats a lead on the next page (an inclusive cursor) must not show it twice.
        let known = Set(leads.map(\.id))
        let fresh = page.leads.filter { !known.contains($0.id) }
        leads += fresh
        labels += fresh.map { (DisplayText.sanitizeLine($0.displayName), DisplayText.sanitizeLine($0.phones.first ?? "")) }
        next = page.next
        ended = page.next == nil
        total = page.total ?? total
        if selected == nil {
            if followsOpenLead, let openLead {
                // Highlight nothing rather than a lead that is not the open one.
                if let index = leads.firstIndex(where: { $0.id == openLead }) {
                    select(index, listRows: listRows)
                    followsOpenLead = false
                }
            } else if !leads.isEmpty {
                selected = 0
            }
        }
        if pendingMotion != 0, selected != nil { move(by: 0, listRows: listRows) }
    }

    mutating func restart(query: String?, followingOpenLead: Bool) {
        self = LeadsState()
        self.query = query
        followsOpenLead = followingOpenLead
    }

    /// `g` / `G`: the first lead, or the last one — loading to the end of the list first.
    mutating func jump(toTop: Bool, listRows: Int) {
        pendingMotion = 0
        move(by: toTop ? -(selected ?? 0) : Int(Int32.max), listRows: listRows)
    }

    /// Moves the selection; with none, the first move selects the top row shown.
    mutating func move(by delta: Int, listRows: Int) {
        guard !leads.isEmpty else { return }
        followsOpenLead = false
        guard let current = selected else {
            select(min(topRow, leads.count - 1), listRows: listRows)
            return
        }
        let desired = current + pendingMotion + delta
        pendingMotion = 0
        // Past the end while more leads are on their way (or failed: `r` resumes): owe the rest.
        if desired > leads.count - 1, !ended { pendingMotion = desired - (leads.count - 1) }
        select(max(0, min(leads.count - 1, desired)), listRows: listRows)
    }

    /// Selects row `index` and scrolls it into view (with the rows above it where they fit).
    mutating func select(_ index: Int, listRows: Int) {
        selected = index
        let rows = max(listRows, 1)
        if index < topRow { topRow = index }
        if index >= topRow + rows { topRow = index - rows + 1 }
    }
}
