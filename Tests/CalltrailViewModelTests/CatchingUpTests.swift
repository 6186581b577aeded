import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// Keys pressed faster than pages arrive: owed motion, growing read-ahead, `G`
/// that Esc stops, and searches that go on past what is loaded.
@MainActor @Suite struct CatchingUpTests {
    /// Where ten PgDn land when every page is already there when asked for.
    private func landingOnAFastNetwork(pageDowns: Int) async -> Int? {
        let provider = ScriptedProvider(leads: [("L", 10_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        for _ in 0..<pageDowns {
            browser.send(.pageDown)
            await browser.settle()
        }
        return browser.state.timeline?.selectedOffset
    }

    @Test func tenPageDownsWhilePagesAreSlowLandWhereTheyWouldOnAFastNetwork() async throws {
        let fast = try #require(await landingOnAFastNetwork(pageDowns: 10))
        #expect(fast > 150, "ten pages of 20 rows go past the first page")

        let provider = ScriptedProvider(leads: [("L", 10_000)])
        await provider.holdAll(from: 100)
        let browser = Browser.opened(on: provider, lead: "L")
        #expect(await browser.wait { $0.timeline?.pages.first?.isHeld == true })
        for _ in 0..<10 { browser.send(.pageDown) }
        let owed = try #require(browser.state.timeline?.pendingMotion)
        #expect(owed > 0, "motion past the loaded end is remembered")
        #expect(browser.state.timeline?.isCatchingUp == true)
        await provider.releaseAll()
        await browser.settle()
        #expect(browser.state.timeline?.selectedOffset == fast)
        #expect(browser.state.timeline?.pendingMotion == 0)
    }

    @Test func motionUpAndDownWhileOwedAddsUpLikeOnAFastNetwork() async throws {
        let fastDowns = try #require(await landingOnAFastNetwork(pageDowns: 8))
        let provider = ScriptedProvider(leads: [("L", 10_000)])
        await provider.holdAll(from: 100)
        let browser = Browser.opened(on: provider, lead: "L")
        #expect(await browser.wait { $0.timeline?.pages.first?.isHeld == true })
        for _ in 0..<10 { browser.send(.pageDown) }
        browser.send(.pageUp)
        browser.send(.pageUp)
        await provider.releaseAll()
        await browser.settle()
        // Ten down and two up of 20 lines each, from the top: eight pages down.
        #expect(browser.state.timeline?.selectedOffset == fastDowns)
    }

    @Test func pagesGrowWhileTheReaderIsAheadAndShrinkBackWhenTheyWait() async throws {
        let provider = ScriptedProvider(leads: [("L", 100_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await provider.callLimits == [100])
        // Forty PgDn at once: 800 lines owed, far more than one page.
        await provider.holdAll(from: 100)
        for _ in 0..<40 { browser.send(.pageDown) }
        await provider.releaseAll()
        await browser.settle()
        let limits = await provider.callLimits
        #expect(limits.count >= 3)
        #expect(limits.dropFirst(2).contains { $0 > 100 }, "page sizes grew while catching up: \(limits)")
        #expect(limits.allSatisfy { $0 <= 1_000 })
        // One row at a time now: the next new page is the base size again.
        let asked = limits.count
        for _ in 0..<2_000 {
            browser.send(.moveDown)
            if await provider.callLimits.count > asked { break }
            if browser.state.timeline?.pending != nil { await browser.settle() }
        }
        await browser.settle()
        let after = await provider.callLimits
        #expect(after.count > asked)
        #expect(after.last == 100, "shrank back: \(after)")
        // Never a page asked for twice while held, none skipped: offsets strictly follow each other.
        let offsets = await provider.callRequests.map(\.offset)
        #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count, "\(offsets)")
    }

    @Test func bigJumpTakesFewLargeRequestsAndEndsOnTheLastCall() async throws {
        let provider = ScriptedProvider(leads: [("L", 20_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.last)
        let reached = await browser.wait(timeout: .seconds(60)) { $0.timeline?.selectedOffset == 19_999 }
        #expect(reached)
        // 100, 200, 400, 800, then the maximum of 1,000: 23 requests where fixed pages took 200.
        let requests = await provider.callRequests.count
        #expect(requests <= 25, "\(requests) requests for 20,000 calls")
        #expect(browser.state.timeline?.isCatchingUp == false)
    }

    @Test func escStopsAJumpToTheEndAndTheSelectionStays() async throws {
        let provider = ScriptedProvider(leads: [("L", 50_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        await provider.holdAll(from: 100)
        browser.send(.last)
        #expect(browser.state.timeline?.isCatchingUp == true)
        let before = try #require(browser.state.timeline?.selectedOffset)
        browser.send(.back)
        #expect(browser.state.timeline?.isCatchingUp == false)
        #expect(browser.state.focus == .calls, "Esc stopped the jump instead of leaving the pane")
        await provider.releaseAll()
        await browser.settle()
        #expect(browser.state.timeline?.selectedOffset == before)
        #expect(await provider.callRequests.count == 2, "the page in flight lands; nothing more is asked for")
    }

    @Test func anotherMotionStopsAJumpToTheEnd() async throws {
        let provider = ScriptedProvider(leads: [("L", 50_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        await provider.holdAll(from: 100)
        browser.send(.last)
        browser.send(.moveUp)
        #expect(browser.state.timeline?.isCatchingUp == false)
        let before = try #require(browser.state.timeline?.selectedOffset)
        await provider.releaseAll()
        await browser.settle()
        #expect(browser.state.timeline?.selectedOffset == before)
    }

    @Test func searchGoesOnThroughPagesNotLoadedYet() async throws {
        let provider = ScriptedProvider(leads: [("L", 3_000)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.searchStart)
        browser.send(.searchInsert("call 2950"))
        browser.send(.searchSubmit)
        let found = await browser.wait(timeout: .seconds(20)) { $0.timeline?.selectedOffset == 2_950 }
        #expect(found)
        #expect(browser.state.timeline?.pendingSearch == nil)
        #expect(browser.state.notice == nil)
    }

    @Test func aSearchWithNoMatchAnywhereSaysSoAndGoesBackToWhereItStarted() async throws {
        let provider = ScriptedProvider(leads: [("L", 1_500)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        for _ in 0..<5 { browser.send(.moveDown) }
        let origin = try #require(browser.state.timeline?.selectedOffset)
        browser.send(.searchStart)
        browser.send(.searchInsert("no such words"))
        browser.send(.searchSubmit)
        let ended = await browser.wait(timeout: .seconds(20)) { $0.notice?.contains("searched to the end") == true }
        #expect(ended, "notice: \(browser.state.notice ?? "none")")
        await browser.settle()
        #expect(browser.state.timeline?.selectedOffset == origin)
    }
}
