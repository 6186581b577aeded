import CalltrailModel
import CalltrailProviders

/// The lead list: pages appended as the user nears the end, optionally narrowed
/// by a search (sent to the provider, which matches name or phone).
public struct LeadsState: Sendable {
    public internal(set) var leads: [Lead] = []
    /// Each lead's name and first phone, sanitised once on arrival rather than every frame.
    var labels: [(name: String, phone: String)] = []
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

    mutating func receive(_ page: LeadPage) {
        pending = nil
        failure = nil
        // A provider that repeats a lead on the next page (an inclusive cursor) must not show it twice.
        let known = Set(leads.map(\.id))
        let fresh = page.leads.filter { !known.contains($0.id) }
        leads += fresh
        labels += fresh.map { (DisplayText.sanitize($0.displayName), DisplayText.sanitize($0.phones.first ?? "")) }
        next = page.next
        ended = page.next == nil
        total = page.total ?? total
        if selected == nil, !leads.isEmpty { selected = 0 }
    }

    mutating func restart(query: String?) {
        self = LeadsState()
        self.query = query
    }

    mutating func move(by delta: Int, listRows: Int) {
        guard !leads.isEmpty else { return }
        let target = max(0, min(leads.count - 1, (selected ?? 0) + delta))
        selected = target
        let rows = max(listRows, 1)
        if target < topRow { topRow = target }
        if target >= topRow + rows { topRow = target - rows + 1 }
    }
}
