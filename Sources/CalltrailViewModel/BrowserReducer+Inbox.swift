import CalltrailModel
import CalltrailProviders
import Foundation

extension Lead {
    /// The inbox's stand-in lead: its timeline lists calls across leads. No
    /// vendor's ids look like this (Lofty and NectarDesk: numbers; Skipcall: uuids).
    public static let inboxID = LeadID("recent-calls")

    static func inbox(team: Bool) -> Lead {
        Lead(id: inboxID, firstName: team ? "Recent calls · team" : "Recent calls")
    }
}

extension BrowserState {
    mutating func noteLeadNames(_ leads: [Lead]) {
        for lead in leads { leadNames[lead.id] = lead.displayName }
    }

    /// The lead's name on an inbox row: as loaded, else its id.
    func inboxLeadLabel(_ id: LeadID?) -> String {
        guard let id else { return "—" }
        return DisplayText.sanitizeLine(leadNames[id] ?? "lead \(id.rawValue)")
    }
}

extension BrowserReducer {
    /// `R`: the inbox, a timeline of every call across leads, newest first; paged,
    /// filtered and searched like any lead's (it is a `TimelineState`).
    static func openRecent(_ state: inout BrowserState) -> [BrowserEffect] {
        guard !state.search.isEditing, !state.help.isShown else { return [] }
        state.overlay = .none
        state.focus = .calls
        if state.timeline?.isInbox == true { return [] }
        return open(lead: .inbox(team: state.settings.teamView), in: &state)
    }

    /// `L`: from the inbox, the selected call's lead's own timeline.
    static func openCallsLead(_ state: inout BrowserState) -> [BrowserEffect] {
        guard !state.search.isEditing, !state.help.isShown else { return [] }
        guard let timeline = state.timeline, timeline.isInbox else {
            state.notice = "L opens a call's lead from the recent calls (R)"
            return []
        }
        guard let id = timeline.selectedCall?.leadID else {
            state.notice = "no lead for this call"
            return []
        }
        state.overlay = .none
        state.focus = .calls
        let known = state.knownLead(id)
        let effects = open(lead: known ?? Lead(id: id), in: &state)
        // Its card: fetched when no list brought it.
        if known == nil { state.leadLookup.openLeadWanted = id }
        return effects
    }

    /// A refused team view says which permission it needs, not "no access to …".
    static func inboxFailure(_ error: ProviderError, in state: BrowserState) -> ProviderError {
        guard state.timeline?.isInbox == true, state.inboxQuery?.team == true, case .noAccess = error else { return error }
        return .unsupported(RecentCallsQuery.teamDenied(provider: state.descriptor.name))
    }
}
