import CalltrailModel

extension FrameRenderer {
    /// The footer while a search is typed: `/text▏`, the previous term dim when
    /// nothing is typed yet, how many match, and the keys that finish it.
    func drawSearchPrompt(_ prompt: String, _ model: FrameModel, _ rect: Rect, into screen: inout ScreenBuffer) {
        let base = CellStyle(.footer)
        let end = rect.x + rect.width
        var column = screen.put(" " + prompt + "▏", x: rect.x, y: rect.y, style: CellStyle(.footer, bold: true), limit: rect.width)
        if let hint = model.searchHint, column < end {
            column = screen.put(hint + " (↑)", x: column, y: rect.y, style: CellStyle(.muted), limit: end - column)
        }
        if let matches = model.searchMatches, column < end {
            column = screen.put("  " + matches, x: column, y: rect.y, style: base, limit: end - column)
        }
        if column < end { screen.put("  Enter done · Esc cancel", x: column, y: rect.y, style: base, limit: end - column) }
    }
}
