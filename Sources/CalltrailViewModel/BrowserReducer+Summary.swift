import CalltrailModel
import CalltrailProviders

/// AI summaries and the transcript view. A summary is fetched lazily: only for a
/// call whose detail shows, only once the selection has rested on it for
/// `summaryDelay` (moving on before then asks for nothing), once per call (kept);
/// a failure stays until `r`. `t` opens the transcript over the screen.
extension BrowserReducer {
    /// After every action: the shown call's summary falls due once the selection
    /// rests, and is fetched when due.
    static func scheduleSummary(_ state: inout BrowserState) -> [BrowserEffect] {
        guard state.summaryVisible, let call = state.detailCall, state.summaryWanted(call) else {
            state.summaries.due = nil
            return []
        }
        guard let due = state.summaries.due, due.call == call.id else {
            state.summaries.due = (call.id, state.now + summaryDelay)
            return []
        }
        guard state.now >= due.at else { return [] }
        state.summaries.due = nil
        return fetchSummary(of: call, in: &state)
    }

    static func fetchSummary(of call: Call, in state: inout BrowserState) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        // Only the shown call's summary matters: one in flight for another is dropped.
        if let pending = state.summaries.pending { effects.append(.cancel(pending.ticket)) }
        let ticket = state.issueTicket()
        state.summaries.pending = (ticket, call.id)
        if state.summaries.failure?.call == call.id { state.summaries.failure = nil }
        effects.append(.loadSummary(ticket, call))
        return effects
    }

    static func receiveSummary(_ state: inout BrowserState, _ ticket: LoadTicket, _ id: CallID, _ summary: CallSummary?) {
        guard state.summaries.pending?.ticket == ticket else { return }
        state.summaries.pending = nil
        state.summaries.remember(id, summary.map { .summary($0, SummaryDigest($0)) } ?? .none)
    }

    static func failSummary(_ state: inout BrowserState, _ ticket: LoadTicket, _ id: CallID, _ error: ProviderError) {
        guard state.summaries.pending?.ticket == ticket else { return }
        state.summaries.pending = nil
        state.summaries.failure = (id, error)
    }

    /// `r` on a call whose summary failed fetches it again (before anything else `r` does).
    static func retrySummary(_ state: inout BrowserState) -> [BrowserEffect]? {
        guard let call = state.detailCall, state.summaries.failure?.call == call.id else { return nil }
        return fetchSummary(of: call, in: &state)
    }

    // MARK: The transcript

    static func openTranscript(_ state: inout BrowserState) {
        guard !state.search.isEditing, !state.help.isShown, let call = state.detailCall else { return }
        guard state.descriptor.offersSummaries else {
            state.notice = "\(DisplayText.sanitize(state.descriptor.name)) has no transcripts"
            return
        }
        guard let summary = state.summaries.summary(of: call.id), let text = summary.transcript, !text.isEmpty else {
            state.notice = "no transcript for this call" + (summaryIsComing(call, state) ? " yet" : "")
            return
        }
        let area = state.transcriptArea
        state.transcript = TranscriptState(callID: call.id, transcript: text, width: area.columns, height: area.rows)
    }

    private static func summaryIsComing(_ call: Call, _ state: BrowserState) -> Bool {
        switch state.summaryStatus(of: call) {
        case .waiting?, .loading?: return true
        case .summary(let digest)?: return digest.status == .pending || digest.status == .processing
        default: return false
        }
    }

    /// Keys while the transcript shows (help aside): movement scrolls it, `/`
    /// searches it, `n`/`N` step through the matching lines, `q`/Esc/`t` close it;
    /// keys about the calls underneath do nothing. True when the action was its.
    static func reduceTranscript(_ state: inout BrowserState, _ action: BrowserAction) -> Bool {
        guard var transcript = state.transcript, !state.help.isShown else { return false }
        if passesFullScreenViews(action) { return false }
        defer { if state.transcript != nil { state.transcript = transcript } }
        let page = max(1, transcript.height - 1)
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last:
            guard !state.search.isEditing else { return true }
            transcript.scroll = scrolled(transcript.scroll, by: action, page: page, maximum: transcript.maximumScroll) ?? transcript.scroll
        case .searchStart:
            guard !state.search.isEditing else { return true }
            state.notice = nil
            state.search.isEditing = true
            state.search.pane = .detail
            state.search.text = ""
            transcript.scrollBeforeSearch = transcript.scroll
        case .searchInsert, .searchDeleteBackward, .searchDeleteWord, .searchClear, .searchRecall:
            guard state.search.isEditing else { return true }
            let edit: SearchEdit
            switch action {
            case .searchInsert(let typed): edit = .insert(typed)
            case .searchDeleteBackward: edit = .deleteBackward
            case .searchDeleteWord: edit = .deleteWord
            case .searchClear: edit = .clear
            default: edit = .recall
            }
            let text = edited(state.search.text, edit, recall: state.search.lastTerms[.detail])
            state.search.text = text
            // Search as you type: the first match from where the prompt opened.
            find(&transcript, query: text, from: transcript.scrollBeforeSearch)
        case .searchSubmit:
            guard state.search.isEditing else { return true }
            state.search.isEditing = false
            let text = state.search.text.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { state.search.lastTerms[.detail] = text }
            find(&transcript, query: text, from: transcript.scrollBeforeSearch)
        case .searchCancel:
            state.search.isEditing = false
            transcript.query = nil
            transcript.matchLines = []
            transcript.currentMatch = nil
            transcript.scroll = transcript.scrollBeforeSearch
        case .searchNext, .searchPrevious:
            guard !state.search.isEditing, !transcript.matchLines.isEmpty else { return true }
            let count = transcript.matchLines.count
            let step = action == .searchNext ? 1 : -1
            transcript.currentMatch = ((transcript.currentMatch ?? (step > 0 ? -1 : 0)) + step + count) % count
            transcript.showCurrentMatch()
        case .back, .close, .openTranscript:
            if state.search.isEditing {
                state.search.isEditing = false
                transcript.scroll = transcript.scrollBeforeSearch
            } else {
                state.transcript = nil
            }
        default:
            // Keys about the calls underneath wait until the transcript closes.
            return true
        }
        return true
    }

    /// Selects the first line holding `query` at or after the row `from` (wrapping);
    /// an empty query clears the search.
    private static func find(_ transcript: inout TranscriptState, query: String, from row: Int) {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            transcript.query = nil
            transcript.matchLines = []
            transcript.currentMatch = nil
            transcript.scroll = row
            transcript.clampScroll()
            return
        }
        transcript.query = trimmed
        transcript.matchLines = transcript.lines(matching: trimmed)
        guard !transcript.matchLines.isEmpty else {
            transcript.currentMatch = nil
            return
        }
        let fromLine = transcript.rowLine.indices.contains(row) ? transcript.rowLine[row] : 0
        transcript.currentMatch = transcript.matchLines.firstIndex { $0 >= fromLine } ?? 0
        transcript.showCurrentMatch()
    }
}

extension BrowserState {
    /// The detail (and with it the Summary section) is on screen: the full-screen
    /// detail, or a pane beside the calls (three panes from 100 columns; below,
    /// only once the calls have the focus).
    var summaryVisible: Bool {
        overlay == .fullDetail || focus != .leads || viewport.columns >= 100
    }

    /// Rows and text columns of the transcript: the body inside its border, one
    /// column of margin on each side.
    var transcriptArea: (rows: Int, columns: Int) {
        (max(1, viewport.rows - 4), max(1, viewport.columns - 4))
    }
}

extension BrowserReducer {
    /// The transcript follows the terminal's size.
    static func relayoutTranscript(_ state: inout BrowserState) {
        guard state.transcript != nil else { return }
        let area = state.transcriptArea
        state.transcript?.height = area.rows
        state.transcript?.layout(width: area.columns)
        state.transcript?.clampScroll()
    }
}
