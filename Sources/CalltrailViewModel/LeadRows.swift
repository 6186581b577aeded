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

extension BrowserState {
    public var visibleLeadRows: [LeadRow] {
        leadRows(from: leads.topRow, count: viewport.listRows)
    }

    public func leadRows(from start: Int, count: Int) -> [LeadRow] {
        guard start >= 0, start < leads.leads.count, count > 0 else { return [] }
        let openID = timeline?.lead.id
        return (start..<min(leads.leads.count, start + count)).map { index in
            let lead = leads.leads[index]
            let label = leads.labels[index]
            return LeadRow(
                id: lead.id,
                name: label.name,
                phone: label.phone,
                lastTouch: lead.lastTouch.map { DisplayFormat.age(of: $0, now: wallClock) } ?? "",
                isSelected: index == leads.selected,
                isOpen: lead.id == openID,
                cannotCall: lead.cannotCall == true
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
