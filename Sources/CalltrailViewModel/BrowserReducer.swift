import CalltrailModel
import CalltrailProviders
import Foundation

/// The one place actions change state. Pure: it returns the requests to make
/// (and to cancel) instead of making them, so every behaviour is testable
/// without a network or a terminal, and input never waits for I/O.
public enum BrowserReducer {
    /// The requests to make when the browser starts: the first page of leads,
    /// and the calls of `settings.initialLead` when one is given.
    public static func start(_ state: inout BrowserState) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let lead = state.settings.initialLead {
            effects += open(lead: Lead(id: lead), in: &state)
            state.focus = .calls
            // Its card: from the lead list, else fetched once the list has answered without it.
            state.leadLookup.openLeadWanted = lead
        }
        return effects + planLoads(&state)
    }

    public static func reduce(
        _ state: inout BrowserState,
        _ action: BrowserAction,
        now: ContinuousClock.Instant,
        wallClock: Date
    ) -> [BrowserEffect] {
        state.now = now
        state.wallClock = wallClock
        var effects: [BrowserEffect] = []
        let rows = state.viewport.listRows
        let leadBefore = state.leads.selectedLead?.id
        if reduceTranscript(&state, action) { return effects + planLoads(&state) }
        if reduceLeadInfo(&state, action) { return effects + planLoads(&state) }
        switch action {
        case .moveDown: move(&state, by: 1)
        case .moveUp: move(&state, by: -1)
        case .pageDown: move(&state, by: pageRows(state))
        case .pageUp: move(&state, by: -pageRows(state))
        case .first: jump(&state, toTop: true)
        case .last: jump(&state, toTop: false)
        case .focusNext: state.focus = neighbour(of: state.focus, step: 1)
        case .focusPrevious: state.focus = neighbour(of: state.focus, step: -1)
        case .focus(let pane): state.focus = pane
        case .open: effects += open(&state)
        case .back:
            state.leadLookup.viewWanted = nil
            effects += back(&state)
        case .toggleOutcomeFilter(let slot): toggleOutcome(&state, slot: slot)
        case .clearFilters: setFilter(&state, CallFilter())
        case .toggleDirectionFilter:
            var filter = state.filter
            switch filter.direction {
            case nil: filter.direction = .outbound
            case .outbound?: filter.direction = .inbound
            default: filter.direction = nil
            }
            setFilter(&state, filter)
        case .searchStart: startSearch(&state)
        case .searchInsert(let text): editSearch(&state, .insert(text))
        case .searchDeleteBackward: editSearch(&state, .deleteBackward)
        case .searchDeleteWord: editSearch(&state, .deleteWord)
        case .searchClear: editSearch(&state, .clear)
        case .searchRecall: editSearch(&state, .recall)
        case .searchSubmit: effects += submitSearch(&state)
        case .searchCancel: effects += cancelSearch(&state)
        case .nextCall: stepCall(&state, by: 1)
        case .previousCall: stepCall(&state, by: -1)
        case .searchNext: findInTimeline(&state, forward: true, includingSelection: false)
        case .searchPrevious: findInTimeline(&state, forward: false, includingSelection: false)
        case .reload: effects += reload(&state)
        case .retry: effects += retry(&state)
        case .toggleHelp: toggleHelp(&state)
        case .helpArea(let height, let lines): setHelpArea(&state, rows: height, lines: lines)
        case .close: effects += close(&state)
        case .resize(let height, let width):
            state.viewport = Viewport(rows: max(height, 1), columns: max(width, 1))
            let timelineRows = state.timelineRows
            state.timeline?.scrollToSelection(listRows: timelineRows)
            if let selected = state.leads.selected { state.leads.select(selected, listRows: state.viewport.listRows) }
        case .detailArea(let height, let width):
            state.detail.area = (max(1, height), max(1, width))
            state.detail.scroll = min(state.detail.scroll, state.detailMaximumScroll)
        case .quit: state.quitRequested = true

        case .leadsLoaded(let ticket, let page):
            guard state.leads.pending?.ticket == ticket else { break }
            state.noteLeadNames(page.leads)
            if state.timeline?.isInbox == true {
                let names = state.leadNames
                state.timeline?.leadNames = names
            }
            let openLead = state.timeline?.lead.id
            state.leads.receive(page, openLead: openLead, listRows: rows)
            if let open = state.timeline, let named = page.leads.first(where: { $0.id == open.lead.id }) {
                state.timeline?.lead = named
            }
            if state.timeline == nil, let first = state.leads.selectedLead {
                effects += open(lead: first, in: &state)
            }
        case .leadsFailed(let ticket, let error):
            guard state.leads.pending?.ticket == ticket else { break }
            state.leads.pending = nil
            state.leads.failure = error
        case .callsLoaded(let ticket, let page):
            guard state.timeline?.pending?.ticket == ticket else { break }
            if let note = page.endNote, state.timeline?.isInbox == true { state.inboxEndNote = DisplayText.sanitize(note) }
            let filter = state.filter
            let settings = state.settings
            let timelineRows = state.timelineRows
            state.timeline?.receive(
                page, filter: filter, zone: settings.timeZone,
                maximumHeldPages: settings.maximumHeldPages, listRows: timelineRows
            )
            state.admitLoadedOutcomes()
            endCatchingUpOnFailure(&state)
            continueSearch(&state)
        case .callsFailed(let ticket, let error):
            guard state.timeline?.pending?.ticket == ticket else { break }
            let shown = inboxFailure(error, in: state)
            state.timeline?.fail(shown)
            endCatchingUpOnFailure(&state)
        case .callDetailLoaded(let ticket, let call):
            guard state.detail.pending == ticket else { break }
            state.detail.pending = nil
            state.detail.failure = nil
            state.detail.fetched = call
        case .callDetailFailed(let ticket, let error):
            guard state.detail.pending == ticket else { break }
            state.detail.pending = nil
            state.detail.failure = error
        case .completeStats: completeStats(&state)
        case .playRecording: effects += playRecording(&state)
        case .openRecent: effects += openRecent(&state)
        case .openCallsLead: effects += openCallsLead(&state)
        case .recordingLoaded(let ticket, let id, let link): effects += receiveRecording(&state, ticket, id, link)
        case .recordingFailed(let ticket, let id, let error): failRecording(&state, ticket, id, error)
        case .playerStarted(let id, let player):
            state.recordings.notice = (id, "playing the recording of call \(DisplayText.sanitize(id.rawValue)) with \(DisplayText.sanitize(player))")
        case .playerFailed(let id, let why):
            state.recordings.problem = .player(id, why)
        case .summaryLoaded(let ticket, let id, let summary): receiveSummary(&state, ticket, id, summary)
        case .summaryFailed(let ticket, let id, let error): failSummary(&state, ticket, id, error)
        case .openTranscript: openTranscript(&state)
        case .openLeadInfo: openLeadInfo(&state)
        case .leadLoaded(let ticket, let lead): receiveLead(&state, ticket, lead)
        case .leadFailed(let ticket, let id, let error): failLead(&state, ticket, id, error)
        case .tick:
            break
        }
        if state.leads.selectedLead?.id != leadBefore { scheduleLeadPreview(&state) }
        effects += runDueLeadPreview(&state)
        effects += runDueLeadsSearch(&state)
        effects += keepFullDetailOnSelection(&state)
        effects += scheduleSummary(&state)
        relayoutTranscript(&state)
        relayoutLeadInfo(&state)
        return effects + planLoads(&state)
    }

    // MARK: Movement

    /// What PgDn/PgUp move by: the calls pane's list is shorter than the others
    /// by the rows its lead summary takes.
    private static func pageRows(_ state: BrowserState) -> Int {
        state.focus == .calls && state.overlay == .none && !state.help.isShown ? state.timelineRows : state.viewport.listRows
    }

    private static func move(_ state: inout BrowserState, by delta: Int) {
        guard !state.search.isEditing else { return }
        let rows = state.viewport.listRows
        if state.help.isShown { return scrollHelp(&state, by: delta, listRows: rows) }
        if state.overlay == .fullDetail || state.focus == .detail {
            state.detail.scroll = max(0, min(state.detail.scroll + delta, state.detailMaximumScroll))
            return
        }
        switch state.focus {
        case .leads:
            state.leads.move(by: delta, listRows: rows)
        case .calls, .detail:
            moveCall(&state, by: delta)
        }
    }

    private static func jump(_ state: inout BrowserState, toTop: Bool) {
        guard !state.search.isEditing else { return }
        if state.help.isShown { return scrollHelp(&state, by: toTop ? -state.help.lines : state.help.lines, listRows: .max) }
        let rows = state.viewport.listRows
        if state.overlay == .fullDetail || state.focus == .detail {
            state.detail.scroll = toTop ? 0 : state.detailMaximumScroll
            return
        }
        switch state.focus {
        case .leads:
            state.leads.jump(toTop: toTop, listRows: rows)
        case .calls, .detail:
            let timelineRows = state.timelineRows
            if toTop {
                let filter = state.filter
                state.timeline?.jumpToTop(filter: filter, listRows: timelineRows)
            } else {
                state.timeline?.jumpToBottom(listRows: timelineRows)
            }
            state.detail.scroll = 0
        }
    }

    private static func neighbour(of pane: Pane, step: Int) -> Pane {
        let all = Pane.allCases
        let index = all.firstIndex(of: pane) ?? 0
        return all[(index + step + all.count) % all.count]
    }

    // MARK: Open, back, reload, retry

    private static func open(_ state: inout BrowserState) -> [BrowserEffect] {
        guard !state.search.isEditing, state.overlay == .none, !state.help.isShown else { return [] }
        switch state.focus {
        case .leads:
            guard let lead = state.leads.selectedLead else {
                // Nothing highlighted (the open lead is not in the list): go to its calls.
                if state.timeline != nil { state.focus = .calls }
                return []
            }
            state.leads.previewDue = nil
            state.focus = .calls
            if state.timeline?.lead.id == lead.id { return [] }
            return open(lead: lead, in: &state)
        case .calls, .detail:
            guard let call = state.timeline?.selectedCall else { return [] }
            state.overlay = .fullDetail
            return fetchDetail(of: call, in: &state)
        }
    }

    /// The full-screen detail shows `call`: the list's copy at once, every field once fetched.
    static func fetchDetail(of call: Call, in state: inout BrowserState) -> [BrowserEffect] {
        var effects = cancelDetail(&state)
        let ticket = state.issueTicket()
        state.detail.reset(callID: call.id, pending: ticket)
        effects.append(.loadCall(ticket, call.id))
        return effects
    }

    /// A new timeline for `lead`; the old lead's request is cancelled and, should
    /// its answer still arrive, dropped (its ticket is no longer awaited).
    static func open(lead: Lead, in state: inout BrowserState) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let pending = state.timeline?.pending { effects.append(.cancel(pending.ticket)) }
        effects += cancelDetail(&state)
        if state.timeline?.lead.id != lead.id { state.outcomeSlotsForNewLead() }
        state.timeline = TimelineState(lead: lead)
        if lead.id == Lead.inboxID {
            // The inbox walks back from the moment it opened, so a page fetched again is the same page.
            state.inboxQuery = RecentCallsQuery(until: state.wallClock, team: state.settings.teamView)
            let names = state.leadNames
            state.timeline?.leadNames = names
        }
        state.inboxEndNote = nil
        state.detail.reset(callID: nil, pending: nil)
        state.search.timelineQuery = nil
        state.notice = nil
        return effects
    }

    static func cancelDetail(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let pending = state.detail.pending else { return [] }
        state.detail.pending = nil
        return [.cancel(pending)]
    }

    static func back(_ state: inout BrowserState) -> [BrowserEffect] {
        state.notice = nil
        if state.search.isEditing { return cancelSearch(&state) }
        // Esc stops a long `G`, search or run of motion first; the page in flight still lands.
        if state.timeline?.stopCatchingUp() == true { return [] }
        if state.focus == .leads, state.leads.pendingMotion != 0 {
            state.leads.pendingMotion = 0
            return []
        }
        if state.help.isShown {
            state.help.isShown = false
            return []
        }
        if state.overlay != .none {
            state.overlay = .none
            return cancelDetail(&state)
        }
        switch state.focus {
        case .detail: state.focus = .calls
        case .calls:
            if state.search.timelineQuery != nil { state.search.timelineQuery = nil } else { state.focus = .leads }
        case .leads:
            if state.leads.query != nil { return restartLeads(&state, query: nil, followingOpenLead: true) }
        }
        return []
    }

    /// `r`: retries what failed (keeping what is shown); otherwise starts over.
    private static func reload(_ state: inout BrowserState) -> [BrowserEffect] {
        if let effects = retrySummary(&state) { return effects }
        if state.timeline?.failure != nil || state.leads.failure != nil
            || (state.overlay == .fullDetail && state.detail.failure != nil) {
            return retry(&state)
        }
        if state.focus == .leads || state.timeline == nil {
            return restartLeads(&state, query: state.leads.query, followingOpenLead: true)
        }
        guard let lead = state.timeline?.lead else { return [] }
        return open(lead: lead, in: &state)
    }

    /// A fresh lead list for `query`; `followingOpenLead` selects the open lead
    /// when it arrives (else the first lead, as for a search the user typed).
    static func restartLeads(_ state: inout BrowserState, query: String?, followingOpenLead: Bool) -> [BrowserEffect] {
        let effects: [BrowserEffect] = state.leads.pending.map { [.cancel($0.ticket)] } ?? []
        state.leads.restart(query: query, followingOpenLead: followingOpenLead)
        return effects
    }

    private static func retry(_ state: inout BrowserState) -> [BrowserEffect] {
        state.timeline?.clearFailure()
        if state.leads.failure != nil { state.leads.failure = nil }
        if state.overlay == .fullDetail, state.detail.failure != nil, state.detail.pending == nil, let id = state.detail.callID {
            let ticket = state.issueTicket()
            state.detail.failure = nil
            state.detail.pending = ticket
            return [.loadCall(ticket, id)]
        }
        return []
    }

    // MARK: Filters

    private static func toggleOutcome(_ state: inout BrowserState, slot: Int) {
        let slots = state.filterSlots
        guard slot >= 1, slot <= slots.count, let outcome = slots[slot - 1] else {
            state.notice = "no outcome on key \(slot) yet"
            return
        }
        var filter = state.filter
        if filter.outcomes.contains(outcome) { filter.outcomes.remove(outcome) } else { filter.outcomes.insert(outcome) }
        setFilter(&state, filter)
    }

    private static func setFilter(_ state: inout BrowserState, _ filter: CallFilter) {
        let previous = state.filter
        guard filter != previous else { return }
        state.filter = filter
        state.notice = nil
        let timelineRows = state.timelineRows
        state.timeline?.apply(filter: filter, previous: previous, listRows: timelineRows)
        state.detail.scroll = 0
    }

    // MARK: Search

    private static func submitSearch(_ state: inout BrowserState) -> [BrowserEffect] {
        guard state.search.isEditing else { return [] }
        state.search.isEditing = false
        state.search.leadsQueryDue = nil
        let text = state.search.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { state.search.lastTerms[state.search.pane] = text }
        if state.search.pane == .leads { return searchLeads(&state, for: text) }
        state.search.timelineQuery = text.isEmpty ? nil : text
        findInTimeline(&state, forward: true, includingSelection: true)
        return []
    }

    /// Select the next (or previous) call matching the timeline search. Past the
    /// loaded lines the search goes on through the pages beyond (`PendingSearch`);
    /// with nothing beyond, it wraps around what is loaded.
    private static func findInTimeline(_ state: inout BrowserState, forward: Bool, includingSelection: Bool) {
        guard let query = state.search.timelineQuery, let timeline = state.timeline, !timeline.lines.isEmpty else { return }
        let start = timeline.selectedLine ?? 0
        let more = timeline.hasLines(beyond: forward)
        if let line = timeline.line(matching: query, from: start, forward: forward, includingStart: includingSelection, wrapping: !more) {
            let timelineRows = state.timelineRows
            state.timeline?.select(line: line, listRows: timelineRows)
            state.detail.scroll = 0
            state.notice = nil
            return
        }
        if more, let origin = timeline.selectedRef {
            let timelineRows = state.timelineRows
            state.timeline?.beginSearch(PendingSearch(query: query, forward: forward, origin: origin), listRows: timelineRows)
            state.detail.scroll = 0
            state.notice = nil
            return
        }
        state.notice = "no loaded call matches “\(DisplayText.sanitize(query))”"
    }

    /// Paging stopped with an error (the server's paging does not advance, or the
    /// retries ran out): a `G`, a run of motion or a search still owed ends with it,
    /// so the header no longer says it is catching up. What is shown stays; `r`
    /// asks again, and the key can be pressed again.
    private static func endCatchingUpOnFailure(_ state: inout BrowserState) {
        guard let timeline = state.timeline, timeline.failure != nil, timeline.isCatchingUp else { return }
        if let search = timeline.pendingSearch {
            state.notice = "search for “\(DisplayText.sanitize(search.query))” stopped at the error"
        }
        _ = state.timeline?.stopCatchingUp()
    }

    /// A page arrived while a search was looking beyond the lines: look at it.
    private static func continueSearch(_ state: inout BrowserState) {
        guard let timeline = state.timeline, let search = timeline.pendingSearch, let start = timeline.selectedLine else { return }
        let rows = state.timelineRows
        if let line = timeline.line(matching: search.query, from: start, forward: search.forward, includingStart: false, wrapping: false) {
            state.timeline?.pendingSearch = nil
            state.timeline?.select(line: line, listRows: rows)
            return
        }
        if timeline.hasLines(beyond: search.forward) {
            state.timeline?.rideEdge(forward: search.forward, listRows: rows)
            return
        }
        let filter = state.filter
        state.timeline?.returnTo(search.origin, filter: filter, listRows: rows)
        state.notice = "no call matches “\(DisplayText.sanitize(search.query))” (searched to the \(search.forward ? "end" : "start"))"
    }

    // MARK: Loading

    /// Ask for whatever the view needs next: more leads near the end of the list,
    /// and at most one calls page for the open lead.
    private static func planLoads(_ state: inout BrowserState) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        let rows = state.viewport.listRows
        if state.leads.needsMore(listRows: rows) {
            let ticket = state.issueTicket()
            state.leads.pending = LeadsState.PendingLeads(ticket: ticket, startedAt: state.now)
            effects.append(.loadLeads(ticket, query: state.leads.query, cursor: state.leads.next, limit: state.settings.leadsPageSize))
        }
        if var timeline = state.timeline, let page = state.timelinePageWanted {
            let ticket = state.issueTicket()
            let limit = timeline.limit(forPage: page, base: state.pageSize, maximum: state.descriptor.maximumPageSize)
            timeline.markRequested(page: page, limit: limit, ticket: ticket, at: state.now)
            if timeline.isInbox {
                let query = state.inboxQuery ?? RecentCallsQuery(until: state.wallClock, team: state.settings.teamView)
                effects.append(.loadRecent(ticket, query, cursor: timeline.cursor(ofPage: page), limit: limit))
            } else {
                effects.append(.loadCalls(ticket, lead: timeline.lead.id, cursor: timeline.cursor(ofPage: page), limit: limit))
            }
            state.timeline = timeline
        }
        return effects + planLeadLookups(&state)
    }
}

/// What `/` in the timeline matches: the note, the outcome, the status, the
/// direction and the phone numbers, ignoring case.
enum TimelineSearch {
    static func call(_ call: Call, matches query: String) -> Bool {
        let fields = [call.note, call.outcome?.label, call.outcome?.rawValue, call.status?.rawValue,
                      call.direction?.rawValue, call.leadPhoneNumber, call.userPhoneNumber, call.id.rawValue]
        return fields.contains { $0?.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}
