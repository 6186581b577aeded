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

extension PagingTests {
    @Test func aSlowPageDoesNotHoldUpMoves() async throws {
        let provider = ScriptedProvider(leads: [("L", 1_000)])
        await provider.hold(offset: 100)
        let browser = Browser.opened(on: provider, lead: "L")
        // The first page arrives; the second is asked for as the selection nears the end, and hangs.
        #expect(await browser.wait { $0.timeline?.pages.first?.isHeld == true })
        for _ in 0..<80 { browser.send(.moveDown) }
        #expect(await browser.wait { $0.timeline?.pending?.page == 1 })
        let before = try #require(browser.state.timeline?.selectedOffset)
        for _ in 0..<10 { browser.send(.moveDown) }
        #expect(browser.state.timeline?.selectedOffset == before + 10)
        browser.send(.pageUp)
        #expect((browser.state.timeline?.selectedOffset ?? .max) < before)
        browser.send(.first)
        #expect(browser.state.timeline?.selectedOffset == 0)
        #expect(browser.state.timeline?.pending?.page == 1, "the slow page is still on its way")
        await provider.release(offset: 100)
        #expect(await browser.wait { $0.timeline?.pages[1].isHeld == true })
        #expect(browser.state.timeline?.selectedOffset == 0)
    }

    @Test func switchingLeadCancelsTheOldRequestAndItsLateAnswerChangesNothing() async throws {
        let provider = ScriptedProvider(leads: [("A", 500), ("B", 300)])
        await provider.hold(offset: 0)
        let browser = Browser.opened(on: provider, lead: "A")
        #expect(await browser.wait { $0.timeline?.pending != nil && $0.leads.leads.count == 2 })
        let staleTicket = try #require(browser.state.timeline?.pending?.ticket)
        // The state says "pending" as soon as the request is made; the provider sees it a moment later.
        #expect(await provider.wait(untilRequested: .calls(lead: "A", offset: 0, limit: 100)))
        #expect(await provider.callRequests.filter { $0.lead == "A" }.count == 1)

        browser.send(.focus(.leads))
        browser.send(.moveDown)
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "B")
        // A's request is cancelled on the provider side even though its page is still held back.
        #expect(await provider.wait(untilCancelled: .calls(lead: "A", offset: 0, limit: 100)))
        await provider.release(offset: 0)
        await browser.settle()
        #expect(browser.state.timeline?.lead.id == "B")
        let shown = try #require(browser.state.timeline?.lines.filter(\.isCall).count)
        #expect(shown == 100)

        // Even if the old answer did arrive, its ticket is no longer awaited.
        let before = try #require(browser.state.timeline)
        let late = CallPage(calls: [ScriptedProvider.call(lead: "A", index: 0, outcome: .talked)], next: nil)
        browser.send(.callsLoaded(staleTicket, late))
        let after = try #require(browser.state.timeline)
        #expect(after.lines == before.lines)
        #expect(after.selectedCall?.id == before.selectedCall?.id)
        #expect(after.callsLoaded == 100)
        #expect(await provider.callRequests.filter { $0.lead == "A" }.count == 1)
    }

    @Test func aFailedPageKeepsTheRowsShownAndRetryLoadsIt() async throws {
        let provider = ScriptedProvider(leads: [("L", 1_000)])
        await provider.fail(offset: 200, with: .server(status: 503, message: "try later"))
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 180))
        #expect(await browser.wait { $0.timeline?.failure != nil })
        let state = browser.state
        #expect(state.timelineTail == .failed("provider error (HTTP 503): try later"))
        #expect(state.footer.error == "provider error (HTTP 503): try later")
        #expect(state.footer.retryHint != nil)
        #expect(state.timelineStatus == .rows)
        #expect(state.timeline?.selectedOffset == 180)
        let shownIDs = state.timeline?.lines.filter(\.isCall).compactMap { state.timeline?.call(at: $0.ref)?.id }
        #expect(shownIDs?.count == 200)
        // Moving still works while failed, and nothing is asked for until retry.
        browser.send(.moveDown)
        #expect(browser.state.timeline?.selectedOffset == 181)
        #expect(await provider.callRequests.count == 3)

        browser.send(.reload)  // `r` retries when something failed
        await browser.settle()
        #expect(browser.state.timeline?.failure == nil)
        #expect(browser.state.timeline?.selectedOffset == 181)
        #expect(await provider.callRequests.map(\.offset) == [0, 100, 200, 200])
        #expect(await browser.moveDown(toOffset: 250))
    }

    @Test func aRefusedLeadSaysNoAccessInItsPane() async throws {
        let provider = ScriptedProvider(leads: [("L", 10)])
        await provider.refuse("L")
        let browser = Browser.opened(on: provider, lead: "L")
        #expect(await browser.wait { $0.timeline?.failure != nil })
        #expect(browser.state.timelineStatus == .noAccess("no access to lead L or it does not exist"))
    }

    @Test func emptyLeadAndEndOfHistoryAreDistinctStates() async throws {
        let provider = ScriptedProvider(leads: [("E", 0), ("S", 3)])
        let empty = Browser.opened(on: provider, lead: "E")
        await empty.settle()
        #expect(empty.state.timelineStatus == .empty)
        let short = Browser.opened(on: provider, lead: "S")
        await short.settle()
        #expect(short.state.timelineStatus == .rows)
        #expect(short.state.timelineTail == .endOfHistory)
        #expect(short.state.header.callsLoaded == 3)
        #expect(short.state.header.isComplete)
    }
}

extension ScriptedProvider {
    /// Polls until `request` has been cancelled, with a deadline.
    func wait(untilCancelled request: Request, timeout: Duration = .seconds(10)) async -> Bool {
        await poll(timeout) { cancelled.contains(request) }
    }

    /// Polls until `request` has reached the provider, with a deadline.
    func wait(untilRequested request: Request, timeout: Duration = .seconds(10)) async -> Bool {
        await poll(timeout) { requests.contains(request) }
    }

    private func poll(_ timeout: Duration, until condition: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while !condition() {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return true
    }
}
