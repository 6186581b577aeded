import CalltrailModel
import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

/// The position mark in the focused pane's bottom edge and the search prompt's hint and count.
@Suite struct NavigationDrawingTests {
    @Test func thePositionMarkSitsAtTheRightOfTheBottomEdge() {
        var model = FrameRendererTests.sample()
        model.calls.position = "2/≥100"
        var scroll = ScrollState()
        let lines = FrameRenderer().render(model, width: 100, height: 8, scroll: &scroll).lines
        let bottom = lines[6]
        #expect(bottom.contains("━ 2/≥100 ━┛"), "\(bottom)")
        // No room: no mark, the border stays whole.
        model.calls.position = String(repeating: "9", count: 80)
        let narrow = FrameRenderer().render(model, width: 100, height: 8, scroll: &scroll).lines[6]
        #expect(!narrow.contains("9"))
    }

    @Test func anEmptyPromptShowsThePreviousTermAsAHintAndTheMatchCount() {
        var model = FrameRendererTests.sample()
        model.searchPrompt = "/"
        model.searchHint = "Wrong"
        var scroll = ScrollState()
        let empty = FrameRenderer().render(model, width: 100, height: 8, scroll: &scroll).lines[7]
        #expect(empty.hasPrefix(" /▏Wrong (↑)  Enter done · Esc cancel"), "\(empty)")
        model.searchPrompt = "/jan"
        model.searchHint = nil
        model.searchMatches = "3 leads"
        let typed = FrameRenderer().render(model, width: 100, height: 8, scroll: &scroll).lines[7]
        #expect(typed.hasPrefix(" /jan▏  3 leads  Enter done · Esc cancel"), "\(typed)")
    }
}
