import CalltrailModel
import CalltrailProviders

/// Work the reducer asks for; `Browser` runs each as a task and sends the
/// answer back as an action carrying the same ticket.
public enum BrowserEffect: Sendable, Equatable {
    case loadLeads(LoadTicket, query: String?, cursor: PageCursor?, limit: Int)
    case loadCalls(LoadTicket, lead: LeadID, cursor: PageCursor?, limit: Int)
    /// A page of the inbox: calls across leads (`CallProvider.recentCalls`).
    case loadRecent(LoadTicket, RecentCallsQuery, cursor: PageCursor?, limit: Int)
    case loadCall(LoadTicket, CallID)
    /// One lead with its fields (`CallProvider.lead(id:)`).
    case loadLead(LoadTicket, LeadID)
    /// The call's recording link.
    case loadRecording(LoadTicket, CallID)
    /// The call's AI summary (the whole call: the vendor may key it by another id).
    case loadSummary(LoadTicket, Call)
    /// Start the user's player on a recording (not a request: answered at once).
    case play(CallID, url: String)
    /// Stop a request whose answer is no longer wanted.
    case cancel(LoadTicket)
}
