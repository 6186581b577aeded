import CalltrailModel

extension FrameRenderer {
    /// " 123/2,400 " at the right of the pane's bottom edge, when it fits.
    func drawPositionMark(_ mark: String, rect: Rect, focused: Bool, into screen: inout ScreenBuffer) {
        guard !mark.isEmpty else { return }
        let text = " " + mark + " "
        let width = DisplayText.width(text)
        guard rect.height >= 2, width + 4 <= rect.width else { return }
        let style = CellStyle(focused ? .focusBorder : .border, bold: focused)
        screen.put(text, x: rect.x + rect.width - 2 - width, y: rect.y + rect.height - 1, style: style)
    }
}
