import CalltrailModel

/// `J` / `K` (and `]` / `[`): the next / previous call from any pane but the
/// leads, and inside the full-screen detail without leaving it (where `j`/`k` scroll).
extension BrowserReducer {
    static func stepCall(_ state: inout BrowserState, by delta: Int) {
        guard !state.search.isEditing, !state.help.isShown else { return }
        guard state.overlay == .fullDetail || state.focus != .leads else { return }
        moveCall(&state, by: delta)
    }

    /// Moves the timeline's selection; true when another call is selected.
    @discardableResult
    static func moveCall(_ state: inout BrowserState, by delta: Int) -> Bool {
        let before = state.timeline?.selectedRef
        let timelineRows = state.timelineRows
        state.timeline?.move(by: delta, listRows: timelineRows)
        guard state.timeline?.selectedRef != before else { return false }
        state.detail.scroll = 0
        // The user picked this call under the filter: clearing the filter keeps it.
        if state.filter.isActive { state.timeline?.forgetSelectionBeforeFilter() }
        return true
    }

    /// The full-screen detail shows the selected call: when the selection moved
    /// (`J`/`K`, or a move carried out as pages arrived), fetch the new one.
    static func keepFullDetailOnSelection(_ state: inout BrowserState) -> [BrowserEffect] {
        guard state.overlay == .fullDetail, let call = state.timeline?.selectedCall, call.id != state.detail.callID else { return [] }
        return fetchDetail(of: call, in: &state)
    }
}
