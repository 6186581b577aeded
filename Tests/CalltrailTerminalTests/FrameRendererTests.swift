import CalltrailModel
import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

@Suite struct FrameRendererTests {
    static func sample(focus: Pane = .calls, overlay: Overlay = .none, helpScroll: Int? = nil) -> FrameModel {
        FrameModel(
            headerLeft: "calltrail · Demo · demo data", headerRight: "12 calls loaded", focus: focus, overlay: overlay,
            leads: PaneFrame(
                title: "Leads 2",
                rows: [
                    FrameRow([Span(" "), Span("Jane Cooper", width: .fill), Span("2h ago", width: .fixed(7), alignRight: true)]),
                    FrameRow([Span(" "), Span("高橋 美咲", width: .fill), Span("1d ago", width: .fixed(7), alignRight: true)]),
                ], selectedRow: 0),
            calls: PaneFrame(
                title: "Calls · Jane Cooper",
                rows: [
                    FrameRow([Span(" Wed 22 Apr 2026", CellStyle(.heading))], isSelectable: false),
                    FrameRow([Span(" ↗ 10:15  3:45  "), Span("Talked", CellStyle(.outcomeTalked), width: .fixed(12)), Span("Discussed the offer", width: .fill)]),
                    FrameRow([Span(" ↙ 09:02  0:00  "), Span("No answer", CellStyle(.outcomeNoAnswer), width: .fixed(12)), Span("", width: .fill)]),
                ], selectedRow: 1),
            detail: PaneFrame(title: "Call", rows: [FrameRow([Span(" Outbound · Completed")])]),
            filters: [FrameModel.FilterHint(key: "1", label: "Talked", isActive: true), FrameModel.FilterHint(key: "0", label: "All", isActive: false)],
            helpScroll: helpScroll)
    }

    @Test func drawsHeaderThreePanesAndFooter() {
        var scroll = ScrollState()
        let screen = FrameRenderer().render(Self.sample(), width: 100, height: 8, scroll: &scroll)
        let lines = screen.lines
        #expect(lines[0].hasPrefix(" calltrail · Demo · demo data"))
        #expect(lines[0].hasSuffix("12 calls loaded"))
        #expect(lines[1].hasPrefix("┌ Leads 2 ─"))
        #expect(lines[1].contains("┏ Calls · Jane Cooper ━"))
        #expect(lines[2].hasPrefix("│▌Jane Cooper"))
        #expect(lines[3].hasPrefix("│ 高橋 美咲"))
        #expect(lines[3].contains("1d ago│"))
        #expect(lines[2].contains("2h ago│"))
        #expect(lines[3].firstRange(of: "1d ago") != nil)
        #expect(lines[7].hasPrefix(" [1]Talked [0]All"))
        #expect(lines[7].hasSuffix("?help  q quit"))
    }

    @Test func wideNamesKeepTheirRowsColumnsAligned() {
        var scroll = ScrollState()
        let screen = FrameRenderer().render(Self.sample(), width: 100, height: 8, scroll: &scroll)
        // The age column ends at the same cell for a Latin and a CJK name.
        func endOfAge(_ y: Int) -> Int? { (0..<screen.width).last { x in screen[x, y].character == "o" && screen[x + 1, y].character == "│" } }
        #expect(endOfAge(2) != nil)
        #expect(endOfAge(2) == endOfAge(3))
    }

    @Test func focusedSelectionUsesTheSelectionStyle() {
        var scroll = ScrollState()
        let screen = FrameRenderer().render(Self.sample(), width: 100, height: 8, scroll: &scroll)
        let callsX = screen.lines[1].distance(of: "┏")
        let row = 3  // header, border, heading, first call
        #expect(screen[callsX + 5, row].style.role == .selection)
        #expect(screen[callsX + 5, row + 1].style.role != .selection)
    }

    @Test func tooSmallSaysSo() {
        var scroll = ScrollState()
        let screen = FrameRenderer().render(Self.sample(), width: 20, height: 6, scroll: &scroll)
        #expect(screen.lines.contains { $0.contains("terminal too small") })
    }

    @Test func helpListsEveryBindingWithOutcomeNames() {
        var scroll = ScrollState()
        let screen = FrameRenderer().render(Self.sample(helpScroll: 0), width: 100, height: 40, scroll: &scroll)
        let text = screen.lines.joined(separator: "\n")
        #expect(text.contains("Help"))
        #expect(text.contains("filter: Talked"))
        #expect(text.contains("move down"))
        #expect(text.contains("quit"))
    }

    @Test func scrollingKeepsTheSelectionInView() {
        var model = Self.sample()
        model.calls.rows = (0..<50).map { FrameRow([Span(" call \($0)")]) }
        model.calls.selectedRow = 30
        var scroll = ScrollState()
        let screen = FrameRenderer().render(model, width: 100, height: 10, scroll: &scroll)
        #expect(screen.lines.contains { $0.contains("▌call 30") })
        #expect(scroll.top[.calls] == 30 - 6 + 1)
        model.calls.selectedRow = 28
        let again = FrameRenderer().render(model, width: 100, height: 10, scroll: &scroll)
        #expect(scroll.top[.calls] == 25)  // did not jump: 28 is still in view
        #expect(again.lines.contains { $0.contains("▌call 28") })
    }
}

extension String {
    func distance(of needle: String) -> Int {
        guard let range = range(of: needle) else { return -1 }
        return DisplayText.width(String(self[..<range.lowerBound]))
    }
}
