import CalltrailModel
import CalltrailViewModel

/// Where each pane's list is scrolled to; kept between frames so the view moves
/// only when the selection would leave it.
public struct ScrollState: Hashable, Sendable {
    public var top = PaneTops()
    public init() {}
}

/// Each pane's first row on screen, nil until the pane is drawn: three fields, not
/// a dictionary, since every frame reads and writes them for each pane it draws.
public struct PaneTops: Hashable, Sendable {
    private var leads: Int?
    private var calls: Int?
    private var detail: Int?

    public subscript(pane: Pane) -> Int? {
        get {
            switch pane {
            case .leads: leads
            case .calls: calls
            case .detail: detail
            }
        }
        set {
            switch pane {
            case .leads: leads = newValue
            case .calls: calls = newValue
            case .detail: detail = newValue
            }
        }
    }
}

/// Draws a `FrameModel` into a `ScreenBuffer`: pure, so screen tests compare
/// lines of text and the benchmark measures drawing without a terminal.
public struct FrameRenderer: Sendable {
    public var keyMap: KeyMap
    /// Rows drawn before, pasted as cells when they show again; nil draws every row afresh.
    let drawnRows: DrawnRows?
    /// Footers drawn before, pasted when they show again; nil draws every footer afresh.
    let drawnFooters: DrawnFooters?
    /// The frame before the last, drawn over again; nil draws every frame on a blank screen.
    let spareScreen: SpareScreen?

    /// `keepsDrawnRows`: remember rows as drawn (the running browser); tests that
    /// compare with a fresh drawing leave it off.
    public init(keyMap: KeyMap = .standard, keepsDrawnRows: Bool = false) {
        self.keyMap = keyMap
        drawnRows = keepsDrawnRows ? DrawnRows() : nil
        drawnFooters = keepsDrawnRows ? DrawnFooters() : nil
        spareScreen = keepsDrawnRows ? SpareScreen() : nil
    }

    /// A frame as drawn, kept so the next one can reuse the panes that did not change.
    /// A class: the frame model holds dozens of strings and arrays, which a copy of a
    /// struct would retain one by one each time it is looked at.
    public final class Drawn: Sendable {
        let model: FrameModel
        let screen: ScreenBuffer
        let scroll: ScrollState
        /// What its footer shows, to tell whether the next frame's is the same.
        let footer: DrawnFooters.Shows

        init(model: FrameModel, screen: ScreenBuffer, scroll: ScrollState, footer: DrawnFooters.Shows) {
            self.model = model
            self.screen = screen
            self.scroll = scroll
            self.footer = footer
        }
    }

    /// One pane as the previous frame drew it, at the same place and focus.
    struct EarlierPane {
        let frame: PaneFrame
        let top: Int?
        let screen: ScreenBuffer
    }

    /// Draws `model`, keeping from `previous` every pane whose content, place,
    /// focus and scroll are the same, and in the panes that changed every row
    /// that did not (a key usually changes a few rows of one or two panes).
    ///
    /// With a spare screen (the running browser's renderer), the frame is drawn over
    /// the frame before last, first made equal to the last one by copying the rows the
    /// last one wrote: what stays the same is then already in place, and neither it
    /// nor the rows of the last frame it came from are read or written again.
    public func render(_ model: FrameModel, width: Int, height: Int, scroll: inout ScrollState, reusing previous: inout Drawn?) -> ScreenBuffer {
        let reusable = previous.flatMap { drawn in
            drawn.screen.width == width && drawn.screen.height == height && drawn.model.focus == model.focus
                && drawn.model.overlay == .none && model.overlay == .none
                // Help and a blocking failure cover the panes: what they covered cannot be copied.
                && drawn.model.helpScroll == nil && drawn.model.blocking == nil
                && drawn.model.transcript == nil && model.transcript == nil
                && drawn.model.leadInfo == nil && model.leadInfo == nil ? drawn : nil
        }
        // The header and footer lie outside every overlay: any earlier frame of the same size will do.
        let sameSize = previous.flatMap { $0.screen.width == width && $0.screen.height == height ? $0 : nil }
        let footer = DrawnFooters.Shows(model)
        var canvas: ScreenBuffer?
        if let sameSize, var spare = spareScreen?.take(), spare.restart(asCopyOf: sameSize.screen) { canvas = spare }
        // Handed over, not copied: a screen with a second owner is copied whole when changed.
        var screen = render(model, width: width, height: height, scroll: &scroll, sameSize: sameSize, footer: footer, canvas: consume canvas) { pane in
            reusable.map { EarlierPane(frame: $0.model.pane(pane), top: $0.scroll.top[pane], screen: $0.screen) }
        }
        screen.seal()
        if let last = previous?.screen { spareScreen?.keep(last) }
        previous = Drawn(model: model, screen: screen, scroll: scroll, footer: footer)
        return screen
    }

    public func render(_ model: FrameModel, width: Int, height: Int, scroll: inout ScrollState) -> ScreenBuffer {
        render(model, width: width, height: height, scroll: &scroll) { _ in nil }
    }

    /// `footer`: what the frame's footer shows (nil: work it out when needed). `canvas`: a
    /// screen equal to `sameSize`'s to draw over (nil: a blank one), where what is kept
    /// from `sameSize` is already in place.
    private func render(
        _ model: FrameModel, width: Int, height: Int, scroll: inout ScrollState, sameSize: Drawn? = nil, footer: DrawnFooters.Shows? = nil,
        canvas: consuming ScreenBuffer? = nil, earlier: (Pane) -> EarlierPane?
    ) -> ScreenBuffer {
        let layout = Layout(width: width, height: height, focus: model.focus)
        if layout.isTooSmall {
            var screen = ScreenBuffer(width: width, height: height)
            drawTooSmall(into: &screen, width: width, height: height)
            return screen
        }
        let inPlace = canvas != nil
        var screen = (consume canvas) ?? ScreenBuffer(width: width, height: height)
        if let sameSize, Self.sameHeader(sameSize.model, model) {
            if !inPlace { screen.copy(layout.header, from: sameSize.screen) }
        } else {
            drawHeader(model, layout.header, into: &screen)
        }
        if let blocking = model.blocking {
            var unused = ScrollState()
            drawPane(blocking, pane: .detail, rect: layout.body, focused: true, into: &screen, scroll: &unused, inPlace: inPlace)
        } else if let fullScreen = model.transcript ?? model.leadInfo {
            var own = ScrollState()
            drawPane(fullScreen, pane: .detail, rect: layout.body, focused: true, into: &screen, scroll: &own, inPlace: inPlace)
        } else if model.overlay == .fullDetail {
            drawPane(model.detail, pane: .detail, rect: layout.body, focused: true, into: &screen, scroll: &scroll, keepsRows: true, inPlace: inPlace)
        } else {
            for (pane, rect) in layout.panes {
                let frame = model.pane(pane)
                let before = earlier(pane)
                if let before, before.top == scroll.top[pane], before.frame == frame {
                    if !inPlace { screen.copy(rect, from: before.screen) }
                } else {
                    drawPane(
                        frame, pane: pane, rect: rect, focused: pane == model.focus, into: &screen, scroll: &scroll, earlier: before, keepsRows: true,
                        inPlace: inPlace)
                }
            }
        }
        if let helpScroll = model.helpScroll { drawHelp(model, scroll: helpScroll, body: layout.body, into: &screen) }
        if let sameSize, let footer, sameSize.footer == footer {
            if !inPlace { screen.copy(layout.footer, from: sameSize.screen) }
        } else {
            drawFooter(model, layout.footer, into: &screen, keeping: drawnFooters, showing: footer)
        }
        return screen
    }

    /// Whether two frames' headers are drawn the same: what `drawHeader` reads.
    static func sameHeader(_ a: FrameModel, _ b: FrameModel) -> Bool {
        a.headerLeft == b.headerLeft && a.headerRight == b.headerRight && a.spinner == b.spinner
    }

    // MARK: - Parts

    /// `drawFooter`, or the cells the same footer was drawn as before.
    func drawFooter(_ model: FrameModel, _ rect: Rect, into screen: inout ScreenBuffer, keeping drawn: DrawnFooters?, showing shows: DrawnFooters.Shows?) {
        guard let drawn, let shows, rect.height == 1, rect.x >= 0, rect.width > 0, rect.x + rect.width <= screen.width, rect.y >= 0,
            rect.y < screen.height
        else { return drawFooter(model, rect, into: &screen) }
        if let cells = drawn.cells(showing: shows, width: rect.width) {
            screen.paste(cells, x: rect.x, y: rect.y)
        } else {
            drawFooter(model, rect, into: &screen)
            drawn.remember(shows, cells: screen.cellRun(x: rect.x, y: rect.y, count: rect.width))
        }
    }

    func drawTooSmall(into screen: inout ScreenBuffer, width: Int, height: Int) {
        let all = Rect(x: 0, y: 0, width: width, height: height)
        let middle = max(0, height / 2 - 1)
        screen.putCentered("terminal too small", in: all, y: middle, style: CellStyle(.error, bold: true))
        screen.putCentered("need \(Layout.minimumWidth)×\(Layout.minimumHeight)", in: all, y: middle + 1, style: CellStyle(.muted))
        if height > middle + 2 { screen.putCentered("q quits", in: all, y: middle + 2, style: CellStyle(.muted)) }
    }

    func drawHeader(_ model: FrameModel, _ rect: Rect, into screen: inout ScreenBuffer) {
        let style = CellStyle(.header, bold: true)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        var right = model.headerRight
        if !model.spinner.isEmpty { right += (right.isEmpty ? "" : " ") + model.spinner }
        let rightWidth = min(DisplayText.width(right) + 1, rect.width / 2)
        screen.put(" " + model.headerLeft, x: rect.x, y: rect.y, style: style, limit: rect.width - rightWidth - 1)
        if rightWidth > 1 {
            screen.put(DisplayText.fitRight(right, to: rightWidth - 1), x: rect.x + rect.width - rightWidth, y: rect.y, style: style)
        }
    }

    /// `inPlace`: the screen shows the last frame (`earlier`'s, when given) where this
    /// pane goes, so what is kept is already there and what is drawn is blanked first.
    func drawPane(
        _ frame: PaneFrame, pane: Pane, rect: Rect, focused: Bool, into screen: inout ScreenBuffer, scroll: inout ScrollState,
        earlier: EarlierPane? = nil, keepsRows: Bool = false, inPlace: Bool = false
    ) {
        var earlier = earlier
        // In place, a pane drawn without an earlier one, or whose lines move (the banner grew
        // or shrank, a message came or went), is blanked and drawn whole: which earlier line
        // lies under which is not worth working out.
        let linesMove = earlier.map { $0.frame.banner.count != frame.banner.count || $0.frame.message != nil || frame.message != nil } ?? true
        if inPlace, linesMove {
            screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
            earlier = nil
        }
        if let earlier {
            // Usually only the position mark changed: the rest of the border is kept.
            if !inPlace { screen.copyEdges(of: rect, from: earlier.screen) }
            if earlier.frame.title != frame.title || earlier.frame.titleSuffix != frame.titleSuffix {
                screen.drawBoxTop(rect, title: frame.title, focused: focused, titleSuffix: frame.titleSuffix)
            }
            if earlier.frame.position != frame.position {
                screen.drawBoxBottom(rect, focused: focused)
                drawPositionMark(frame.position, rect: rect, focused: focused, into: &screen)
            }
        } else {
            screen.drawBox(rect, title: frame.title, focused: focused, titleSuffix: frame.titleSuffix)
            drawPositionMark(frame.position, rect: rect, focused: focused, into: &screen)
        }
        var inner = ScreenBuffer.inner(rect)
        guard inner.width > 0, inner.height > 0 else { return }
        // A row drawn the same way at the same place last frame is copied, not laid out again.
        let sameBanner = earlier?.frame.banner.count == frame.banner.count
        func copyRow(_ y: Int) {
            if !inPlace, let earlier { screen.copy(Rect(x: inner.x, y: y, width: inner.width, height: 1), from: earlier.screen) }
        }
        /// In place, a line drawn again is blanked first (a fresh screen's are blank).
        func blankLine(_ y: Int) { if inPlace { screen.fill(x: inner.x, y: y, width: inner.width, height: 1) } }
        let banner = frame.banner.prefix(max(0, inner.height - 1))
        for (offset, row) in banner.enumerated() {
            if sameBanner, let earlier, earlier.frame.banner[offset] == row {
                copyRow(inner.y + offset)
            } else {
                blankLine(inner.y + offset)
                drawListRow(row, x: inner.x, y: inner.y + offset, width: inner.width, into: &screen, keeping: keepsRows)
            }
        }
        inner.y += banner.count
        inner.height -= banner.count
        var top = scroll.top[pane] ?? 0
        if let selected = frame.selectedRow {
            if selected < top { top = selected }
            if selected >= top + inner.height { top = selected - inner.height + 1 }
            // Keep a day heading just above the selection in view.
            if selected > 0, selected - 1 < top, !frame.rows[selected - 1].isSelectable { top = selected - 1 }
        }
        top = max(0, min(top, frame.rows.count - inner.height))
        scroll.top[pane] = top
        let earlierLines = sameBanner ? earlier.map { EarlierLines(of: $0.frame, top: $0.top ?? 0, height: inner.height) } : nil
        let visible = frame.rows.dropFirst(top).prefix(inner.height)
        for (offset, row) in visible.enumerated() {
            let index = top + offset
            let y = inner.y + offset
            let isSelected = index == frame.selectedRow
            if let earlierLines, let was = earlierLines.line(offset), was.isSelected == isSelected, was.row == row {
                copyRow(y)
                continue
            }
            blankLine(y)
            drawListRow(row, x: inner.x, y: y, width: inner.width, into: &screen, keeping: keepsRows)
            if isSelected {
                if focused {
                    screen.restyle(x: inner.x, y: y, width: inner.width, style: CellStyle(.selection, bold: true))
                }
                screen.put("▌", x: inner.x, y: y, style: CellStyle(focused ? .selection : .focusBorder, bold: true))
            }
        }
        // In place, lines the earlier frame had rows on and this one has none are blanked.
        if inPlace, let earlierLines {
            for offset in visible.count..<max(visible.count, inner.height) where earlierLines.line(offset) != nil { blankLine(inner.y + offset) }
        }
        if let message = frame.message {
            let y = inner.y + min(visible.count, inner.height - 1)
            drawRow(message, x: inner.x, y: y, width: inner.width, into: &screen)
        }
    }

    /// What each line of a pane's list showed in an earlier frame: the row and
    /// whether it was selected, or nil where the pane's message covered it or no row was.
    struct EarlierLines {
        let frame: PaneFrame
        let start: Int
        let count: Int
        /// The line the pane's message took, if it had one.
        let messageLine: Int?

        init(of frame: PaneFrame, top: Int, height: Int) {
            self.frame = frame
            start = max(0, min(top, frame.rows.count))
            count = max(0, min(frame.rows.count, start + max(0, height)) - start)
            messageLine = frame.message == nil ? nil : min(count, height - 1)
        }

        func line(_ offset: Int) -> (row: FrameRow, isSelected: Bool)? {
            guard offset >= 0, offset < count, offset != messageLine else { return nil }
            return (frame.rows[start + offset], start + offset == frame.selectedRow)
        }
    }

    /// `drawRow` onto blank cells, or the cells the same row was drawn as before.
    /// `keeping`: the rows come back frame after frame (the panes', which the builder
    /// keeps); an overlay's rows are made afresh each frame and would only fill the cache.
    func drawListRow(_ row: FrameRow, x: Int, y: Int, width: Int, into screen: inout ScreenBuffer, keeping: Bool) {
        guard keeping, let drawnRows, width > 0, x >= 0, x + width <= screen.width, y >= 0, y < screen.height else {
            return drawRow(row, x: x, y: y, width: width, into: &screen)
        }
        if let cells = drawnRows.cells(of: row, width: width) {
            screen.paste(cells, x: x, y: y)
        } else {
            drawRow(row, x: x, y: y, width: width, into: &screen)
            drawnRows.remember(row, width: width, cells: screen.cellRun(x: x, y: y, count: width))
        }
    }

    /// Lays the spans out across `width` columns: fixed spans take their width,
    /// the fill span the rest; everything is cut at the edge, never mid-character.
    func drawRow(_ row: FrameRow, x: Int, y: Int, width: Int, into screen: inout ScreenBuffer) {
        var fixed = 0
        for span in row.spans {
            switch span.width {
            case .natural: fixed += DisplayText.width(span.text)
            case .fixed(let n): fixed += n
            case .fill: break
            }
        }
        let fill = max(0, width - fixed)
        var column = x
        let end = x + width
        for span in row.spans {
            guard column < end else { break }
            let room = end - column
            // Padding is written as blank cells in the span's style, not as a string of spaces.
            let columns: Int
            switch span.width {
            case .natural:
                column = screen.put(DisplayText.truncatedWithWidth(span.text, to: room).text, x: column, y: y, style: span.style, limit: room)
                continue
            case .fixed(let n): columns = min(n, room)
            case .fill: columns = min(fill, room)
            }
            let (text, textWidth) = DisplayText.truncatedWithWidth(span.text, to: columns)
            let pad = max(0, columns - textWidth)
            if span.alignRight {
                screen.fill(x: column, y: y, width: pad, height: 1, style: span.style)
                screen.put(text, x: column + pad, y: y, style: span.style, limit: columns - pad)
            } else {
                let after = screen.put(text, x: column, y: y, style: span.style, limit: columns)
                screen.fill(x: after, y: y, width: column + columns - after, height: 1, style: span.style)
            }
            column += columns
        }
    }

    /// The `?` overlay: every binding of the key map, outcome keys named by the
    /// provider's vocabulary, from line `scroll` on, with its position in the bottom edge.
    func drawHelp(_ model: FrameModel, scroll: Int, body: Rect, into screen: inout ScreenBuffer) {
        let lines = helpLines(model)
        let keyWidth = min(18, lines.map { DisplayText.width($0.0) }.max() ?? 10)
        let helpWidth = lines.map { DisplayText.width($0.1) }.max() ?? 30
        let width = min(body.width - 2, keyWidth + helpWidth + 6)
        let height = Self.helpHeight(lines: lines.count, body: body)
        guard width > 10, height > 4 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        let rows = height - 3
        let first = max(0, min(scroll, lines.count - rows))
        let shown = lines.dropFirst(first).prefix(rows)
        let mark = lines.count > rows ? Self.positionMark(first: first, shown: shown.count, total: lines.count) : ""
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height)
        screen.drawBox(box, title: "Help · q, Esc or ? closes", focused: true)
        drawPositionMark(mark, rect: box, focused: true, into: &screen)
        let inner = ScreenBuffer.inner(box)
        for (offset, line) in shown.enumerated() {
            let y = inner.y + 1 + offset
            screen.put(DisplayText.fit(line.0, to: keyWidth), x: inner.x + 1, y: y, style: CellStyle(.label, bold: true))
            let room = inner.width - keyWidth - 3
            screen.put(DisplayText.truncate(line.1, to: room), x: inner.x + 2 + keyWidth, y: y, style: .plain, limit: room)
        }
    }

    static func helpHeight(lines: Int, body: Rect) -> Int { min(body.height, lines + 4) }

    /// Lines of help and how many show at a terminal size, for the view-model's scrolling bounds.
    public func helpArea(width: Int, height: Int) -> (rows: Int, lines: Int) {
        let body = Layout(width: width, height: height, focus: .calls).body
        let lines = keyMap.bindings.count
        return (max(1, Self.helpHeight(lines: lines, body: body) - 3), lines)
    }

    /// "12–30/84": the lines shown of all there are.
    public static func positionMark(first: Int, shown: Int, total: Int) -> String {
        "\(DisplayFormat.count(first + 1))–\(DisplayFormat.count(first + shown))/\(DisplayFormat.count(total))"
    }

    func helpLines(_ model: FrameModel) -> [(String, String)] {
        keyMap.bindings.map { binding in
            let keys = binding.keys.map(\.label).joined(separator: " / ")
            if case .toggleOutcome(let slot) = binding.command, let hint = model.filters.first(where: { $0.key == String(slot) }) {
                return (keys, "filter: \(hint.label)")
            }
            return (keys, binding.help)
        }
    }
}
