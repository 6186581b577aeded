import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

/// What the frame builder keeps between frames is what it would build afresh, and
/// moving the selection within the screen hands back the same rows.
@MainActor
@Suite struct FrameBuilderMemoTests {
    static func storage(_ rows: [FrameRow]) -> UnsafePointer<FrameRow>? { rows.withUnsafeBufferPointer { $0.baseAddress } }

    @Test func movingWithinTheScreenKeepsTheCallsRowsAndMovesOnlyTheSelection() async {
        let browser = Browser(provider: DemoProvider(latency: .zero))
        browser.send(.resize(rows: 24, columns: 120))
        browser.start()
        #expect(await browser.wait { !($0.timeline?.lines.isEmpty ?? true) && $0.timeline?.pending == nil })
        browser.send(.focus(.calls))
        let memo = FrameBuilderMemo()
        let first = BrowserFrameBuilder.frame(browser.state, width: 120, height: 24, memo: memo)
        browser.send(.moveDown)
        let second = BrowserFrameBuilder.frame(browser.state, width: 120, height: 24, memo: memo)
        let fresh = BrowserFrameBuilder.frame(browser.state, width: 120, height: 24)
        #expect(second.calls == fresh.calls)
        #expect(Self.storage(second.calls.rows) == Self.storage(first.calls.rows))
        #expect(second.calls.selectedRow != first.calls.selectedRow)
        #expect(second.calls.selectedRow == fresh.calls.selectedRow)

        // Scrolling shows other lines: their rows are looked up again, and match a fresh build.
        for _ in 0..<30 { browser.send(.moveDown) }
        let scrolled = BrowserFrameBuilder.frame(browser.state, width: 120, height: 24, memo: memo)
        #expect(scrolled.calls == BrowserFrameBuilder.frame(browser.state, width: 120, height: 24).calls)
        #expect(Self.storage(scrolled.calls.rows) != Self.storage(first.calls.rows))

        // Another width lays the rows out again.
        let narrower = BrowserFrameBuilder.frame(browser.state, width: 110, height: 24, memo: memo)
        #expect(narrower.calls == BrowserFrameBuilder.frame(browser.state, width: 110, height: 24).calls)
    }
}
