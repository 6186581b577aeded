import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

@MainActor @Suite struct PagingTests {
    @Test func openingRequestsOnePageScrollingTo950RequestsTenOrElevenNeverTwiceAndTheEndStops() async throws {
        let provider = ScriptedProvider(leads: [("L", 10_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await provider.callRequests.count == 1)
        #expect(browser.state.timeline?.selectedOffset == 0)

        #expect(await browser.moveDown(toOffset: 950))
        await browser.settle()
        let offsets = await provider.callRequests.map(\.offset)
        #expect((10...11).contains(offsets.count), "requested \(offsets)")
        #expect(Set(offsets).count == offsets.count)
        #expect(offsets == Array(stride(from: 0, to: offsets.count * 100, by: 100)))

        #expect(await browser.moveDown(toOffset: 9_999))
        await browser.settle()
        #expect(browser.state.timelineTail == .endOfHistory)
        let atEnd = await provider.callRequests.map(\.offset)
        #expect(atEnd == Array(stride(from: 0, to: 10_000, by: 100)))
        for _ in 0..<50 { browser.send(.moveDown) }
        browser.send(.last)
        await browser.settle()
        #expect(await provider.callRequests.count == 100)
    }
}
