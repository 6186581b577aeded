import CalltrailModel
import CalltrailProviders

extension BrowserState {
    /// The lead with its fields, when the lead list or a fetch brought it.
    func knownLead(_ id: LeadID) -> Lead? {
        leads.leads.first { $0.id == id } ?? leadLookup.fetched[id]
    }

    /// The lead list's first page has answered (with leads, none, or an error).
    var leadListAnswered: Bool {
        leads.pending == nil && (!leads.leads.isEmpty || leads.ended || leads.failure != nil)
    }
}

/// Fetching single leads: the open lead's card when the lead list lacks it, the
/// inbox call's lead for `i`.
extension BrowserReducer {
    /// Asks for what is wanted and not yet known or in flight; fills in what arrived.
    static func planLeadLookups(_ state: inout BrowserState) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let id = state.leadLookup.openLeadWanted {
            if state.timeline?.lead.id != id || state.timeline?.isInbox == true {
                state.leadLookup.openLeadWanted = nil
            } else if let lead = state.knownLead(id) {
                state.timeline?.lead = lead
                state.leadLookup.openLeadWanted = nil
            } else if state.leadListAnswered {
                effects += fetchLead(id, &state)
                state.leadLookup.openLeadWanted = nil
            }
        }
        if let id = state.leadLookup.viewWanted {
            if leadViewTarget(state) != id {
                state.leadLookup.viewWanted = nil
            } else if let lead = state.knownLead(id) {
                state.leadLookup.viewWanted = nil
                if state.notice == loadingLeadNotice { state.notice = nil }
                showLeadInfo(lead, &state)
            } else {
                effects += fetchLead(id, &state)
            }
        }
        return effects
    }

    static func fetchLead(_ id: LeadID, _ state: inout BrowserState) -> [BrowserEffect] {
        guard state.leadLookup.pending[id] == nil else { return [] }
        let ticket = state.issueTicket()
        state.leadLookup.pending[id] = ticket
        return [.loadLead(ticket, id)]
    }

    static func receiveLead(_ state: inout BrowserState, _ ticket: LoadTicket, _ lead: Lead) {
        guard state.leadLookup.pending[lead.id] == ticket else { return }
        state.leadLookup.pending[lead.id] = nil
        state.leadLookup.keep(lead)
        state.noteLeadNames([lead])
        if state.timeline?.isInbox == true {
            let names = state.leadNames
            state.timeline?.leadNames = names
        } else if state.timeline?.lead.id == lead.id, state.leads.leads.first(where: { $0.id == lead.id }) == nil {
            state.timeline?.lead = lead
        }
    }

    static func failLead(_ state: inout BrowserState, _ ticket: LoadTicket, _ id: LeadID, _ error: ProviderError) {
        guard state.leadLookup.pending[id] == ticket else { return }
        state.leadLookup.pending[id] = nil
        // The open lead keeps its id for a title (its calls say what is wrong); `i` says why.
        if state.leadLookup.viewWanted == id {
            state.leadLookup.viewWanted = nil
            state.notice = "cannot show lead \(DisplayText.sanitize(id.rawValue)): \(DisplayText.sanitize(error.message))"
        }
    }

    static let loadingLeadNotice = "loading the call's lead…"
}
