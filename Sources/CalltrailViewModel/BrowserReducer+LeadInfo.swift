import CalltrailModel

/// The full-screen lead view (`i`): the highlighted lead from the leads pane (the
/// open lead while none is), the open lead from the calls or detail pane, and in
/// the inbox the highlighted call's lead (fetched first when no list brought it).
/// It covers the body like the transcript and has the same area; movement scrolls
/// it, `q`/Esc/`i` close it.
extension BrowserReducer {
    static func openLeadInfo(_ state: inout BrowserState) {
        guard !state.search.isEditing, !state.help.isShown, state.transcript == nil else { return }
        guard let id = leadViewTarget(state) else {
            state.notice = state.timeline?.isInbox == true ? "no lead for this call" : "no lead to show"
            return
        }
        if let lead = state.knownLead(id) {
            showLeadInfo(lead, &state)
        } else if let open = state.timeline, !open.isInbox, open.lead.id == id,
                  state.leadLookup.pending[id] == nil, state.leadLookup.openLeadWanted != id {
            // No list has it and no fetch is coming: what is known (its id, at least).
            showLeadInfo(open.lead, &state)
        } else {
            // Shown when it arrives (`planLeadLookups` asks for it).
            state.leadLookup.viewWanted = id
            state.notice = loadingLeadNotice
        }
    }

    /// The lead `i` shows now: the leads pane's highlighted lead while it has the
    /// focus, else the open lead, or in the inbox the highlighted call's lead.
    static func leadViewTarget(_ state: BrowserState) -> LeadID? {
        if state.focus == .leads, state.overlay == .none, let lead = state.leads.selectedLead { return lead.id }
        guard let timeline = state.timeline else { return nil }
        return timeline.isInbox ? timeline.selectedCall?.leadID : timeline.lead.id
    }

    /// Covers the body with `lead`'s fields, unless something else already does.
    static func showLeadInfo(_ lead: Lead, _ state: inout BrowserState) {
        guard !state.search.isEditing, !state.help.isShown, state.transcript == nil, state.leadInfo == nil else { return }
        let area = state.transcriptArea
        state.leadInfo = LeadInfoState(lead: lead, width: area.columns, height: area.rows)
    }

    /// Keys while the lead view shows (help aside): movement scrolls it, `q`/Esc/`i`
    /// close it; keys about the panes underneath do nothing. True when the action was its.
    static func reduceLeadInfo(_ state: inout BrowserState, _ action: BrowserAction) -> Bool {
        guard var info = state.leadInfo, !state.help.isShown else { return false }
        if passesFullScreenViews(action) { return false }
        switch action {
        case .back, .close, .openLeadInfo:
            state.leadInfo = nil
        default:
            // Movement scrolls; keys about the panes underneath wait until the lead view closes.
            guard let scroll = scrolled(info.scroll, by: action, page: max(1, info.height - 1), maximum: info.maximumScroll) else { return true }
            info.scroll = scroll
            state.leadInfo = info
        }
        return true
    }

    /// The lead view follows the terminal's size.
    static func relayoutLeadInfo(_ state: inout BrowserState) {
        guard state.leadInfo != nil else { return }
        let area = state.transcriptArea
        state.leadInfo?.height = area.rows
        state.leadInfo?.layout(width: area.columns)
        state.leadInfo?.clampScroll()
    }
}

extension BrowserReducer {
    /// A full-screen view's first row after a movement key (`page` rows a page),
    /// within 0…`maximum`; nil for any other action.
    static func scrolled(_ scroll: Int, by action: BrowserAction, page: Int, maximum: Int) -> Int? {
        let target: Int
        switch action {
        case .moveDown: target = scroll + 1
        case .moveUp: target = scroll - 1
        case .pageDown: target = scroll + page
        case .pageUp: target = scroll - page
        case .first: target = 0
        case .last: target = maximum
        default: return nil
        }
        return max(0, min(target, maximum))
    }

    /// What the full-screen views (the transcript, the lead view) let through to
    /// the browser: size, help, quit, time, and what the provider and player answer.
    static func passesFullScreenViews(_ action: BrowserAction) -> Bool {
        switch action {
        case .resize, .helpArea, .detailArea, .quit, .toggleHelp, .tick:
            return true
        case .leadsLoaded, .leadsFailed, .callsLoaded, .callsFailed, .callDetailLoaded, .callDetailFailed,
             .recordingLoaded, .recordingFailed, .playerStarted, .playerFailed, .summaryLoaded, .summaryFailed,
             .leadLoaded, .leadFailed:
            return true
        default:
            return false
        }
    }
}
