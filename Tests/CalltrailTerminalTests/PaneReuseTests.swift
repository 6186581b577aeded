import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

/// Frames drawn reusing the panes that did not change, rows laid out for earlier
/// frames and rows drawn before are the frames drawn afresh.
@MainActor
@Suite struct PaneReuseTests {
    /// Three panes at 120 columns; two at 80, where the focus picks which.
    @Test(arguments: [120, 80]) func everyFrameDrawnByReuseEqualsTheFrameDrawnAfresh(width: Int) async {
        let browser = Browser(provider: DemoProvider(latency: .zero))
        browser.send(.resize(rows: 24, columns: width))
        browser.start()
        #expect(await browser.wait { !($0.timeline?.lines.isEmpty ?? true) })
        let renderer = FrameRenderer()
        // The running browser's renderer: rows drawn before are pasted as cells.
        let caching = FrameRenderer(keepsDrawnRows: true)
        var reusedScroll = ScrollState()
        var freshScroll = ScrollState()
        var previous: FrameRenderer.Drawn?
        // Moves, pages, filters that reshape the list, a search, the stats strip
        // completing, help over the panes, other leads and back.
        let actions: [BrowserAction] = [.focus(.calls)] + Array(repeating: .moveDown, count: 30)
            + [.pageDown, .pageDown, .pageUp, .toggleOutcomeFilter(slot: 1), .moveDown, .moveDown, .toggleDirectionFilter,
               .moveUp, .clearFilters, .searchStart, .searchInsert("a"), .searchSubmit, .searchNext, .last, .first,
               .completeStats, .tick, .moveDown]
            + [.focus(.leads), .moveDown, .open, .toggleHelp, .toggleHelp, .moveDown, .open, .back, .moveUp]
            // The inbox names each call's lead; back to a lead opened before (a new timeline, same lead).
            + [.openRecent, .moveDown, .moveDown, .pageDown, .toggleOutcomeFilter(slot: 1), .clearFilters, .moveUp]
            + [.focus(.leads), .first, .open, .focus(.calls), .moveDown]
            // Overlays over the body and back: the full-screen detail, the lead view, a
            // transcript, help over the calls; and a search typed into the footer.
            + [.open, .moveDown, .nextCall, .back, .moveDown, .openLeadInfo, .moveDown, .close, .openTranscript, .close]
            + [.toggleHelp, .moveDown, .toggleHelp, .moveUp, .searchStart, .searchInsert("o"), .searchCancel, .moveDown]
        let memo = FrameBuilderMemo()
        var reusedAtLeastOnce = false
        var drawnInPlace = 0
        // The bytes for each frame: looking only at the rows a frame drawn in place wrote to,
        // and looking at every row of an equal screen that cannot say how it was drawn.
        let writer = ScreenWriterTests.writer(), everyRowWriter = ScreenWriterTests.writer()
        for action in actions {
            browser.send(action)
            _ = await browser.wait { $0.timeline?.pending == nil }
            let model = BrowserFrameBuilder.frame(browser.state, width: width, height: 24)
            // Rows the builder kept from earlier frames are the rows it would lay out now.
            let builtWithMemo = BrowserFrameBuilder.frame(browser.state, width: width, height: 24, memo: memo)
            let memoKeptTheSameRows = builtWithMemo == model
            #expect(memoKeptTheSameRows, "after \(action)")
            let before = previous
            let reused = caching.render(builtWithMemo, width: width, height: 24, scroll: &reusedScroll, reusing: &previous)
            let fresh = renderer.render(model, width: width, height: 24, scroll: &freshScroll)
            let sameScreen = reused == fresh
            #expect(sameScreen, "after \(action): \(zip(reused.lines, fresh.lines).filter { $0 != $1 }.prefix(2))")
            if let before, reused.isDrawn(over: before.screen) { drawnInPlace += 1 }
            var unknown = ScreenBuffer(width: width, height: 24)
            unknown.copy(Rect(x: 0, y: 0, width: width, height: 24), from: fresh)
            let sameBytes = writer.bytes(from: before?.screen, to: reused) == everyRowWriter.bytes(from: before?.screen, to: unknown)
            #expect(sameBytes, "after \(action)")
            if let before, before.model.leads == model.leads, before.model.overlay == .none, model.overlay == .none { reusedAtLeastOnce = true }
        }
        #expect(reusedAtLeastOnce, "the leads pane stayed the same while moving in the calls")
        #expect(drawnInPlace > actions.count / 2, "most frames are drawn over the frame before last: \(drawnInPlace) of \(actions.count)")
    }
}
