/// Help and the `q` key: help opens over the current view and keeps it; `q`
/// closes what is open (help, the full-screen detail, a search being typed) and
/// quits only from the main view, as in tig, less and lazygit.
extension BrowserReducer {
    static func toggleHelp(_ state: inout BrowserState) {
        guard !state.search.isEditing else { return }
        if state.help.isShown {
            state.help.isShown = false
        } else {
            state.help.isShown = true
            state.help.scroll = 0
        }
    }

    /// `q`: back out of whatever is open; from the main view, quit.
    static func close(_ state: inout BrowserState) -> [BrowserEffect] {
        if state.help.isShown || state.overlay != .none || state.search.isEditing { return back(&state) }
        state.quitRequested = true
        return []
    }

    /// Movement keys while help shows scroll it: by a line, or by a page when the
    /// move is a page (`listRows`) or more.
    static func scrollHelp(_ state: inout BrowserState, by delta: Int, listRows: Int) {
        let page = max(1, state.help.rows - 1)
        let step = abs(delta) >= listRows ? (delta < 0 ? -page : page) : delta
        state.help.scroll = max(0, min(state.help.scroll + step, state.help.maximumScroll))
    }

    static func setHelpArea(_ state: inout BrowserState, rows: Int, lines: Int) {
        state.help.rows = max(1, rows)
        state.help.lines = max(0, lines)
        state.help.scroll = min(state.help.scroll, state.help.maximumScroll)
    }
}
