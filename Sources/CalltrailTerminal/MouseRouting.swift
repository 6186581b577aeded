import CalltrailViewModel

/// What a click or wheel turn means where it lands: the wheel scrolls the pane
/// under the pointer (or help, or the full-screen detail); a click focuses the
/// pane and selects the row it lands on. Works from the frame as last drawn
/// (`scroll` holds where each list was scrolled to).
public enum MouseRouting {
    /// Rows one wheel notch moves.
    static let wheelStep = 3

    public static func actions(for event: MouseEvent, state: BrowserState, width: Int, height: Int, scroll: ScrollState) -> [BrowserAction] {
        let layout = Layout(width: width, height: height, focus: state.focus)
        guard !layout.isTooSmall else { return [] }
        let wheel: [BrowserAction]
        switch event.kind {
        case .wheelUp: wheel = Array(repeating: .moveUp, count: wheelStep)
        case .wheelDown: wheel = Array(repeating: .moveDown, count: wheelStep)
        case .click: wheel = []
        }
        // Help and the full-screen detail cover the panes: the wheel scrolls them.
        if state.help.isShown || state.overlay != .none || state.transcript != nil || state.leadInfo != nil { return wheel }
        guard let (pane, rect) = layout.panes.first(where: { $0.1.contains(x: event.x, y: event.y) }) else { return [] }
        var actions: [BrowserAction] = pane == state.focus ? [] : [.focus(pane)]
        guard event.kind == .click else { return actions + wheel }
        if pane != .detail { actions += selecting(y: event.y, in: pane, rect: rect, state: state, width: width, height: height, scroll: scroll) }
        return actions
    }

    /// Moves from the selected row to the clicked one: one move per selectable row
    /// in between (moves skip day headings), nothing when the row cannot be selected.
    static func selecting(y: Int, in pane: Pane, rect: Rect, state: BrowserState, width: Int, height: Int, scroll: ScrollState) -> [BrowserAction] {
        var inner = ScreenBuffer.inner(rect)
        let frame = BrowserFrameBuilder.frame(state, width: width, height: height).pane(pane)
        // Rows above the list (the lead card, the stats strip) select nothing.
        let banner = min(frame.banner.count, max(0, inner.height - 1))
        inner.y += banner
        inner.height -= banner
        guard y >= inner.y, y < inner.y + inner.height else { return [] }
        let clicked = (scroll.top[pane] ?? 0) + (y - inner.y)
        guard clicked < frame.rows.count, frame.rows[clicked].isSelectable, let selected = frame.selectedRow else { return [] }
        if clicked > selected {
            let steps = frame.rows[(selected + 1)...clicked].filter(\.isSelectable).count
            return Array(repeating: .moveDown, count: steps)
        }
        let steps = frame.rows[clicked..<selected].filter(\.isSelectable).count
        return Array(repeating: .moveUp, count: steps)
    }
}
