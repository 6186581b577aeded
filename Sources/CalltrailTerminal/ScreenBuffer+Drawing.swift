import CalltrailModel

extension ScreenBuffer {
    /// A single-line box around `rect` with a title in its top edge. The focused
    /// pane's border is drawn in the focus role and bold, so it stands out
    /// without colour too.
    public mutating func drawBox(_ rect: Rect, title: String, focused: Bool, titleSuffix: String = "", suffixStyle: CellStyle? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = focused ? CellStyle(.focusBorder, bold: true) : CellStyle(.border)
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        let horizontal = focused ? "━" : "─"
        let vertical = focused ? "┃" : "│"
        let corners = focused ? ("┏", "┓", "┗", "┛") : ("┌", "┐", "└", "┘")
        put(corners.0, x: rect.x, y: rect.y, style: border)
        put(corners.1, x: right, y: rect.y, style: border)
        put(corners.2, x: rect.x, y: bottom, style: border)
        put(corners.3, x: right, y: bottom, style: border)
        let line = String(repeating: horizontal, count: rect.width - 2)
        put(line, x: rect.x + 1, y: rect.y, style: border)
        put(line, x: rect.x + 1, y: bottom, style: border)
        for row in (rect.y + 1)..<bottom {
            put(vertical, x: rect.x, y: row, style: border)
            put(vertical, x: right, y: row, style: border)
        }
        // " Title suffix " in the top edge, cut to fit.
        let room = rect.width - 4
        guard room > 2 else { return }
        let titleText = DisplayText.truncate(" " + title + " ", to: room)
        var end = put(titleText, x: rect.x + 1, y: rect.y, style: CellStyle(focused ? .focusBorder : .title, bold: true))
        if !titleSuffix.isEmpty, end < rect.x + 1 + room {
            end = put(titleSuffix + " ", x: end, y: rect.y, style: suffixStyle ?? CellStyle(.spinner), limit: rect.x + 1 + room - end)
        }
    }

    /// Text centred on row `y` of `rect`.
    public mutating func putCentered(_ text: String, in rect: Rect, y: Int, style: CellStyle = .plain) {
        let fitted = DisplayText.truncate(text, to: rect.width)
        let x = rect.x + max(0, (rect.width - DisplayText.width(fitted)) / 2)
        put(fitted, x: x, y: y, style: style, limit: rect.width)
    }

    /// The interior of a box.
    public static func inner(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
    }
}
