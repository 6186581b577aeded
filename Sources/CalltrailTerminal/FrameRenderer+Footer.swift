import CalltrailModel
import CalltrailViewModel

/// The footer line. What it says depends on what shows (main view, full-screen
/// detail, help); when it does not all fit, the least important pieces go first:
/// `?` (or how to close help) always stays, then the filters that are on, then
/// `q`, the direction key, `0`, and the outcome keys from 6 down.
extension FrameRenderer {
    struct FooterItem {
        var text: String
        var style: CellStyle
        /// Lower is more important.
        var priority: Int
        var onRight = false
    }

    func drawFooter(_ model: FrameModel, _ rect: Rect, into screen: inout ScreenBuffer) {
        let base = CellStyle(.footer)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: base)
        if let prompt = model.searchPrompt {
            drawSearchPrompt(prompt, model, rect, into: &screen)
            return
        }
        if let message = model.footerMessage {
            let style = model.footerMessageIsError ? CellStyle(.error, bold: true) : CellStyle(.footer, bold: true)
            screen.put(" " + message, x: rect.x, y: rect.y, style: style, limit: rect.width)
            return
        }
        let items = Self.fitting(footerItems(model), width: rect.width)
        var column = rect.x + 1
        for item in items where !item.onRight {
            column = screen.put(item.text, x: column, y: rect.y, style: item.style, limit: rect.x + rect.width - column)
            column += Self.leftGap
        }
        let right = items.filter(\.onRight)
        var x = rect.x + rect.width - 1 - Self.width(of: right, gap: Self.rightGap)
        for item in right {
            x = screen.put(item.text, x: x, y: rect.y, style: item.style) + Self.rightGap
        }
    }

    static let leftGap = 1
    static let rightGap = 2

    func footerItems(_ model: FrameModel) -> [FooterItem] {
        let key = CellStyle(.footerKey)
        let active = CellStyle(.footerActive, bold: true)
        if model.helpScroll != nil {
            return [
                FooterItem(text: "j/k PgDn/PgUp g/G scroll", style: key, priority: 3),
                FooterItem(text: "q/Esc/? close", style: key, priority: 0, onRight: true),
                FooterItem(text: "Q quit", style: key, priority: 2, onRight: true),
            ]
        }
        if model.transcript != nil {
            return [
                FooterItem(text: "j/k PgDn/PgUp g/G scroll", style: key, priority: 4),
                FooterItem(text: "/ search", style: key, priority: 3),
                FooterItem(text: "n/N match", style: key, priority: 5),
                FooterItem(text: "q/Esc close", style: key, priority: 0, onRight: true),
                FooterItem(text: "?help", style: key, priority: 1, onRight: true),
            ]
        }
        if model.leadInfo != nil {
            return [
                FooterItem(text: "j/k PgDn/PgUp g/G scroll", style: key, priority: 4),
                FooterItem(text: "q/Esc close", style: key, priority: 0, onRight: true),
                FooterItem(text: "?help", style: key, priority: 1, onRight: true),
            ]
        }
        var items: [FooterItem] = []
        if let summary = model.filterSummary { items.append(FooterItem(text: summary, style: active, priority: 1)) }
        if model.recordingHint, model.overlay == .fullDetail || model.focus != .leads {
            // In the full-screen detail it fits at 80 columns; beside the filter keys only when wide.
            items.append(FooterItem(text: "o play", style: key, priority: model.overlay == .fullDetail ? 3 : 20))
        }
        if model.transcriptHint, model.overlay == .fullDetail || model.focus != .leads {
            items.append(FooterItem(text: "t transcript", style: key, priority: model.overlay == .fullDetail ? 3 : 21))
        }
        if model.overlay == .fullDetail {
            items.append(FooterItem(text: "j/k scroll", style: key, priority: 4))
            items.append(FooterItem(text: "q/Esc back", style: key, priority: 2, onRight: true))
        } else {
            for (index, hint) in model.filters.enumerated() {
                // With a filter on, the summary says what 0 does.
                if hint.key == "0", model.filterSummary != nil { continue }
                let priority: Int
                switch hint.key {
                case "d": priority = 3
                case "0": priority = 4
                default: priority = 5 + index
                }
                items.append(FooterItem(text: "[\(hint.key)]\(hint.label)", style: hint.isActive ? active : key, priority: priority))
            }
        }
        // The lead view: in the full-screen detail it fits at 80 columns; beside the filter keys only when wide.
        items.append(FooterItem(text: "i lead", style: key, priority: model.overlay == .fullDetail ? 5 : 22))
        items.append(FooterItem(text: "?help", style: key, priority: 0, onRight: true))
        if model.overlay == .none { items.append(FooterItem(text: "q quit", style: key, priority: 2, onRight: true)) }
        return items
    }

    /// Drops the least important items until the rest fit in `width`; an item
    /// that cannot fit even alone beside the essentials is cut with an ellipsis.
    static func fitting(_ items: [FooterItem], width: Int) -> [FooterItem] {
        var kept = items
        func total(_ list: [FooterItem]) -> Int {
            let left = list.filter { !$0.onRight }
            let right = list.filter(\.onRight)
            var sum = 2 + Self.width(of: left, gap: leftGap) + Self.width(of: right, gap: rightGap)
            if !left.isEmpty, !right.isEmpty { sum += rightGap }
            return sum
        }
        while total(kept) > width, let worst = kept.indices.filter({ kept[$0].priority > 0 }).max(by: { kept[$0].priority < kept[$1].priority }) {
            // The most important piece still too long on its own: cut it rather than lose it.
            if kept.filter({ $0.priority > 0 }).count == 1 {
                let room = width - total(kept.filter { $0.priority == 0 }) - rightGap
                if room >= 8 {
                    kept[worst].text = DisplayText.truncate(kept[worst].text, to: room)
                    break
                }
            }
            kept.remove(at: worst)
        }
        return kept
    }

    static func width(of items: [FooterItem], gap: Int) -> Int {
        guard !items.isEmpty else { return 0 }
        return items.reduce(0) { $0 + DisplayText.width($1.text) } + gap * (items.count - 1)
    }
}
