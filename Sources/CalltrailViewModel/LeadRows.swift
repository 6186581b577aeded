import CalltrailModel
import Foundation

/// One drawn row of the leads pane, texts sanitised.
public struct LeadRow: Sendable, Hashable {
    public let id: LeadID
    public let name: String
    public let phone: String
    /// "2h ago", or "" when unknown.
    public let lastTouch: String
    public let isSelected: Bool
    /// The lead whose calls the timeline shows.
    public let isOpen: Bool
    /// The lead must not be called (DNC).
    public let cannotCall: Bool
}

/// What the leads pane shows besides rows.
public enum LeadsStatus: Sendable, Hashable {
    case loading
    /// No leads at all, or none matching the search.
    case empty(query: String?)
    case failed(String)
    case rows
}

/// What the leads pane's rows are made from apart from which one is selected:
/// equal keys give equal rows, so the front end lays them out once and not on
/// every key (ages are reckoned to the whole second for that).
public struct LeadRowsKey: Hashable, Sendable {
    let leads: Int
    let top: Int
    let count: Int
    let openLead: LeadID?
    let second: Double
}

extension BrowserState {
    public var visibleLeadRows: [LeadRow] {
        leadRows(from: leads.topRow, count: viewport.listRows)
    }

    /// The key of `visibleLeadRows` apart from selection.
    public var visibleLeadRowsKey: LeadRowsKey {
        LeadRowsKey(leads: leads.revision, top: leads.topRow, count: viewport.listRows, openLead: timeline?.lead.id, second: ageClock)
    }

    /// The wall clock to the whole second: "2h ago" needs no finer, and rows made
    /// within one second are the same.
    private var ageClock: Double { wallClock.timeIntervalSinceReferenceDate.rounded(.down) }

    public func leadRows(from start: Int, count: Int) -> [LeadRow] {
        guard start >= 0, start < leads.leads.count, count > 0 else { return [] }
        let openID = timeline?.lead.id
        let now = Date(timeIntervalSinceReferenceDate: ageClock)
        return (start..<min(leads.leads.count, start + count)).map { index in
            // Fields read in place: copying each lead whole retains every one of its strings.
            let id = leads.leads[index].id
            let label = leads.labels[index]
            return LeadRow(
                id: id,
                name: label.name,
                phone: label.phone,
                lastTouch: leads.leads[index].lastTouch.map { DisplayFormat.age(of: $0, now: now) } ?? "",
                isSelected: index == leads.selected,
                isOpen: id == openID,
                cannotCall: leads.leads[index].cannotCall == true
            )
        }
    }

    public var leadsStatus: LeadsStatus {
        if !leads.leads.isEmpty { return .rows }
        if let failure = leads.failure { return .failed(failure.message) }
        if leads.ended { return .empty(query: leads.query.map { DisplayText.sanitize($0) }) }
        return .loading
    }

    /// "Leads 60" / "Leads 60 of 1,204" / "Leads · “jan” 3".
    public var leadsTitle: String {
        var title = "Leads"
        if let query = leads.query { title += " · “" + DisplayText.sanitize(query) + "”" }
        title += " " + DisplayFormat.count(leads.leads.count)
        if let total = leads.total, total > leads.leads.count { title += " of " + DisplayFormat.count(total) }
        return title
    }
}
