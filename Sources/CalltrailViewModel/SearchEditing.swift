import CalltrailModel
import Foundation

/// How long typing must pause before a leads search goes to the provider.
let leadsSearchDebounce: Duration = .milliseconds(150)

/// The `/` prompt as it is typed: it starts empty (the previous term as a hint,
/// ↑ recalls it), Ctrl-U clears and Ctrl-W deletes a word, and the pane follows
/// the text as it changes: leads are searched (after a short pause in typing),
/// loaded calls select the first match.
extension BrowserReducer {
    static func startSearch(_ state: inout BrowserState) {
        state.notice = nil
        state.search.isEditing = true
        state.search.pane = state.focus == .leads ? .leads : .calls
        state.search.text = ""
        state.search.leadsQueryDue = nil
        state.search.leadsQueryBefore = state.leads.query
        state.search.timelineOrigin = state.timeline?.selectedRef
    }

    enum SearchEdit: Sendable, Hashable {
        case insert(String), deleteBackward, deleteWord, clear, recall
    }

    static func editSearch(_ state: inout BrowserState, _ edit: SearchEdit) {
        guard state.search.isEditing else { return }
        let text = edited(state.search.text, edit, recall: state.search.lastTerms[state.search.pane])
        guard text != state.search.text else { return }
        state.search.text = text
        state.notice = nil
        if state.search.pane == .leads {
            state.search.leadsQueryDue = state.now + leadsSearchDebounce
        } else {
            followTypedTimelineSearch(&state)
        }
    }

    /// The prompt's text after `edit` (`recall`: the last term submitted).
    static func edited(_ before: String, _ edit: SearchEdit, recall: String?) -> String {
        var text = before
        switch edit {
        case .insert(let typed): text += typed
        case .deleteBackward: if !text.isEmpty { text.removeLast() }
        case .deleteWord:
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        case .clear: text = ""
        case .recall: text = recall ?? text
        }
        return text
    }

    /// Esc in the prompt: the pane goes back to how it was before typing.
    static func cancelSearch(_ state: inout BrowserState) -> [BrowserEffect] {
        guard state.search.isEditing else { return [] }
        state.search.isEditing = false
        state.search.leadsQueryDue = nil
        if state.search.pane == .leads {
            let before = state.search.leadsQueryBefore
            if state.leads.query != before { return restartLeads(&state, query: before, followingOpenLead: true) }
        } else if let origin = state.search.timelineOrigin {
            let timelineRows = state.timelineRows
            state.timeline?.reselect(origin, listRows: timelineRows)
        }
        return []
    }

    /// The typed leads search is due: ask the provider for it.
    static func runDueLeadsSearch(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let due = state.search.leadsQueryDue, state.now >= due else { return [] }
        state.search.leadsQueryDue = nil
        return searchLeads(&state, for: state.search.text)
    }

    /// Lists the leads matching `text` (every lead when empty), unless already listed.
    static func searchLeads(_ state: inout BrowserState, for text: String) -> [BrowserEffect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let query = trimmed.isEmpty ? nil : trimmed
        guard query != state.leads.query else { return [] }
        // Every lead again: back to the open one; matches: the first one.
        return restartLeads(&state, query: query, followingOpenLead: query == nil)
    }

    /// Selects the first loaded call matching the text from where the prompt
    /// opened (wrapping), or that call again when the text is empty or matches nothing.
    private static func followTypedTimelineSearch(_ state: inout BrowserState) {
        guard let timeline = state.timeline else { return }
        let rows = state.timelineRows
        let query = state.search.text.trimmingCharacters(in: .whitespaces)
        let origin = state.search.timelineOrigin
        let start = origin.flatMap { timeline.line(of: $0) } ?? 0
        if !query.isEmpty, let line = timeline.firstLine(matching: query, from: start) {
            state.timeline?.select(line: line, listRows: rows)
        } else if let origin {
            state.timeline?.reselect(origin, listRows: rows)
        }
        state.detail.scroll = 0
    }
}

extension BrowserState {
    /// While typing a search: how many match ("12 leads", "≥100 leads", "3 of 240 loaded calls").
    public var searchMatchSummary: String? {
        guard search.isEditing, !search.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if let transcript {
            let count = transcript.matchLines.count
            return count == 1 ? "1 line" : DisplayFormat.count(count) + " lines"
        }
        if search.pane == .leads {
            let typed = search.text.trimmingCharacters(in: .whitespaces)
            guard leads.query == typed, search.leadsQueryDue == nil else { return "searching…" }
            if leads.leads.isEmpty, leads.pending != nil { return "searching…" }
            let count = leads.total ?? leads.leads.count
            let atLeast = leads.total == nil && !leads.ended
            return (atLeast ? "≥" : "") + DisplayFormat.count(count) + (count == 1 && !atLeast ? " lead" : " leads")
        }
        guard let timeline else { return nil }
        let query = search.text.trimmingCharacters(in: .whitespaces)
        let calls = timeline.lines.filter(\.isCall)
        let matches = calls.reduce(0) { total, line in
            total + (timeline.call(at: line.ref).map { timeline.matches($0, query) ? 1 : 0 } ?? 0)
        }
        return "\(DisplayFormat.count(matches)) of \(DisplayFormat.count(calls.count, "loaded call"))"
    }
}

extension TimelineState {
    /// The line showing the call `ref`, if it is among the lines.
    func line(of ref: CallRef) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].ref < ref || (lines[mid].ref == ref && !lines[mid].isCall) { low = mid + 1 } else { high = mid }
        }
        return low < lines.count && lines[low].ref == ref && lines[low].isCall ? low : nil
    }

    /// The first call line at or after `start` (wrapping) whose call matches `query`.
    func firstLine(matching query: String, from start: Int) -> Int? {
        let count = lines.count
        guard count > 0 else { return nil }
        for step in 0..<count {
            let index = (start + step) % count
            guard lines[index].isCall, let call = call(at: lines[index].ref) else { continue }
            if matches(call, query) { return index }
        }
        return nil
    }

    /// Select `ref` again if it is still among the lines.
    mutating func reselect(_ ref: CallRef, listRows: Int) {
        if let line = line(of: ref) { select(line: line, listRows: listRows) }
    }
}
