import CalltrailModel

/// `J` / `K` (and `]` / `[`): the next / previous call from any pane but the
/// leads, and inside the full-screen detail without leaving it (where `j`/`k` scroll).
extension BrowserReducer {
    static func stepCall(_ state: inout BrowserState, by delta: Int, effects: inout [BrowserEffect]) {
        guard !state.search.isEditing, state.overlay != .help else { return }
        guard state.overlay == .fullDetail || state.focus != .leads else { return }
        guard moveCall(&state, by: delta), state.overlay == .fullDetail, let call = state.timeline?.selectedCall else { return }
        effects += fetchDetail(of: call, in: &state)
    }

    /// Moves the timeline's selection; true when another call is selected.
    @discardableResult
    static func moveCall(_ state: inout BrowserState, by delta: Int) -> Bool {
        let before = state.timeline?.selectedRef
        state.timeline?.move(by: delta, listRows: state.viewport.listRows)
        guard state.timeline?.selectedRef != before else { return false }
        state.detail.scroll = 0
        // The user picked this call under the filter: clearing the filter keeps it.
        if state.filter.isActive { state.timeline?.forgetSelectionBeforeFilter() }
        return true
    }
}
