import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

@MainActor @Suite struct BoundedMemoryTests {
    @Test func scrollingToCallOneMillionAndBackHoldsAtMostTheWindowAndShowsTheSameCalls() async throws {
        let total = 1_000_000
        let window = 6
        let provider = ScriptedProvider(leads: [("M", total)])
        let browser = Browser.opened(on: provider, lead: "M", pageSize: 1_000, maximumHeldPages: window)
        await browser.settle()
        var seenDown = [CallID?](repeating: nil, count: total)
        var seenUp = [CallID?](repeating: nil, count: total)
        var mostHeld = 0

        func record(into seen: inout [CallID?]) {
            guard let timeline = browser.state.timeline else { return }
            mostHeld = max(mostHeld, timeline.heldPageCount)
            // The screen and a screen either side: what scrolling by a screen can pass over.
            let rows = browser.state.viewport.listRows
            let start = max(0, timeline.topLine - rows)
            let end = min(timeline.lines.count, timeline.topLine + 2 * rows)
            for line in timeline.lines[start..<end] where line.isCall {
                seen[timeline.offset(of: line.ref)] = timeline.call(at: line.ref)?.id
            }
        }

        // Pages by `action` until call `target` is selected, recording what is on screen;
        // a page that never comes fails the test instead of looping forever.
        func scroll(_ action: BrowserAction, to target: Int, recording seen: inout [CallID?]) async throws {
            record(into: &seen)
            var stalledTurns = 0
            while browser.state.timeline?.selectedOffset != target {
                let before = browser.state.timeline?.selectedOffset
                browser.send(action)
                if browser.state.timeline?.selectedOffset == before {
                    await browser.settle()
                    stalledTurns += 1
                } else {
                    stalledTurns = 0
                }
                try #require(stalledTurns < 5, "\(action) made no progress at offset \(before ?? -1)")
                record(into: &seen)
                try #require(browser.state.timeline?.failure == nil)
            }
        }

        try await scroll(.pageDown, to: total - 1, recording: &seenDown)
        #expect(browser.state.timelineTail == .endOfHistory)
        try await scroll(.pageUp, to: 0, recording: &seenUp)

        #expect(mostHeld <= window)
        #expect(seenDown.filter { $0 == nil }.count == 0, "every call was on screen on the way down")
        let differences = zip(seenUp, seenDown).filter { $0 != $1 }.count
        #expect(differences == 0, "the same calls, in the same places, on the way back")
        let offsets = await provider.callRequests.map(\.offset)
        let down = Array(offsets.prefix(1_000))
        #expect(down == Array(stride(from: 0, to: total, by: 1_000)), "down: every page once, in order")
        #expect(offsets.count < 2_000, "back up: refetched only the dropped pages, \(offsets.count - 1_000)")
    }
}
