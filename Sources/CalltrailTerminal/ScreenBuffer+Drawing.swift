import CalltrailModel

extension ScreenBuffer {
    /// A single-line box around `rect` with a title in its top edge. The focused
    /// pane's border is drawn in the focus role and bold, so it stands out
    /// without colour too.
    public mutating func drawBox(_ rect: Rect, title: String, focused: Bool, titleSuffix: String = "", suffixStyle: CellStyle? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = BoxGlyphs(focused: focused)
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for row in (rect.y + 1)..<bottom {
            put(border.vertical, x: rect.x, y: row, style: border.style)
            put(border.vertical, x: right, y: row, style: border.style)
        }
        drawBoxTop(rect, title: title, focused: focused, titleSuffix: titleSuffix, suffixStyle: suffixStyle)
        drawBoxBottom(rect, focused: focused)
    }

    /// The box's top edge with its title (redrawn alone when only the title changed).
    public mutating func drawBoxTop(_ rect: Rect, title: String, focused: Bool, titleSuffix: String = "", suffixStyle: CellStyle? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = BoxGlyphs(focused: focused)
        put(border.topLeft, x: rect.x, y: rect.y, style: border.style)
        fill(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1, style: border.style, scalar: border.horizontal)
        put(border.topRight, x: rect.x + rect.width - 1, y: rect.y, style: border.style)
        // " Title suffix " in the top edge, cut to fit.
        let room = rect.width - 4
        guard room > 2 else { return }
        let titleText = DisplayText.truncate(" " + title + " ", to: room)
        var end = put(titleText, x: rect.x + 1, y: rect.y, style: CellStyle(focused ? .focusBorder : .title, bold: true))
        if !titleSuffix.isEmpty, end < rect.x + 1 + room {
            end = put(titleSuffix + " ", x: end, y: rect.y, style: suffixStyle ?? CellStyle(.spinner), limit: rect.x + 1 + room - end)
        }
    }

    /// The box's bottom edge, where a position mark goes.
    public mutating func drawBoxBottom(_ rect: Rect, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = BoxGlyphs(focused: focused)
        let bottom = rect.y + rect.height - 1
        put(border.bottomLeft, x: rect.x, y: bottom, style: border.style)
        fill(x: rect.x + 1, y: bottom, width: rect.width - 2, height: 1, style: border.style, scalar: border.horizontal)
        put(border.bottomRight, x: rect.x + rect.width - 1, y: bottom, style: border.style)
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

/// A box's line characters: heavy and bold for the focused pane, light otherwise,
/// so focus shows without colour too.
struct BoxGlyphs {
    let style: CellStyle
    let horizontal: Unicode.Scalar
    let vertical: String
    let topLeft: String, topRight: String, bottomLeft: String, bottomRight: String

    init(focused: Bool) {
        style = focused ? CellStyle(.focusBorder, bold: true) : CellStyle(.border)
        horizontal = focused ? "━" : "─"
        vertical = focused ? "┃" : "│"
        (topLeft, topRight, bottomLeft, bottomRight) = focused ? ("┏", "┓", "┗", "┛") : ("┌", "┐", "└", "┘")
    }
}
