import CalltrailModel

/// How long the selection must rest on a lead before its calls open by themselves.
let leadPreviewDelay: Duration = .milliseconds(200)

/// Preview as you move (like ranger and k9s): moving in the leads pane opens
/// the highlighted lead's calls once the selection rests for a moment, without
/// taking the focus; each move pushes that moment back, so running through
/// the list asks for nothing. Enter still opens at once and moves the focus.
extension BrowserReducer {
    /// The highlighted lead changed: open it after the pause (or forget a
    /// waiting preview when the highlight is back on the open lead, or gone).
    static func scheduleLeadPreview(_ state: inout BrowserState) {
        if let lead = state.leads.selectedLead, lead.id != state.timeline?.lead.id {
            state.leads.previewDue = state.now + leadPreviewDelay
        } else {
            state.leads.previewDue = nil
        }
    }

    static func runDueLeadPreview(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let due = state.leads.previewDue, state.now >= due else { return [] }
        state.leads.previewDue = nil
        guard let lead = state.leads.selectedLead, lead.id != state.timeline?.lead.id else { return [] }
        return open(lead: lead, in: &state)
    }
}

extension BrowserState {
    /// The next instant the state changes by itself without input or a network
    /// result (a lead preview or a typed leads search falling due), so the front
    /// end sends `.tick` then, and sleeps when nil.
    public var debounceDeadline: ContinuousClock.Instant? {
        Self.earliest(Self.earliest(leads.previewDue, search.leadsQueryDue), summaries.due?.at)
    }
}
