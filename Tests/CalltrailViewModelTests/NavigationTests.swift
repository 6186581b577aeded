import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

@MainActor @Suite struct NavigationTests {
    @Test func leadsPageLazilyKeepTheirSelectionAndSearchByName() async throws {
        let leads = (0..<250).map { (LeadID("\(1000 + $0)"), $0 % 5) }
        let provider = ScriptedProvider(leads: leads)
        let browser = Browser(provider: provider, settings: BrowserSettings(leadsPageSize: 50))
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        #expect(await browser.wait { $0.leads.leads.count == 50 && $0.leads.pending == nil })
        #expect(browser.state.timeline?.lead.id == "1000", "the first lead opens by itself")
        for _ in 0..<12 { browser.send(.moveDown) }
        #expect(browser.state.leads.selectedLead?.id == "1012")
        // Near the end of what is loaded, the next page is asked for; the selection stays put.
        for _ in 0..<20 { browser.send(.moveDown) }
        #expect(await browser.wait { $0.leads.leads.count == 100 })
        #expect(browser.state.leads.selectedLead?.id == "1032")
        #expect(browser.state.leadsTitle == "Leads 100")

        browser.send(.searchStart)
        browser.type("1207")
        #expect(browser.state.footer.searchPrompt == "/1207")
        browser.send(.searchSubmit)
        #expect(await browser.wait { $0.leads.ended && $0.leads.pending == nil })
        #expect(browser.state.leads.leads.map(\.id) == ["1207"])
        #expect(await provider.requests.contains(.leads(query: "1207", cursor: nil)))
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1207" && browser.state.focus == .calls)
        browser.send(.focus(.leads))
        browser.send(.back)  // Esc clears the lead search
        #expect(await browser.wait { $0.leads.leads.count >= 50 && $0.leads.query == nil })
    }

    @Test func timelineSearchFindsNextAndPreviousAmongLoadedCalls() async throws {
        let provider = ScriptedProvider(leads: [("L", 300)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.searchStart)
        browser.type("call 5")
        browser.send(.searchSubmit)
        #expect(browser.state.timeline?.selectedCall?.id == "L-5")
        browser.send(.searchNext)
        #expect(browser.state.timeline?.selectedCall?.id == "L-50")
        browser.send(.searchNext)
        #expect(browser.state.timeline?.selectedCall?.id == "L-51")
        browser.send(.searchPrevious)
        #expect(browser.state.timeline?.selectedCall?.id == "L-50")
        browser.send(.searchStart)
        browser.send(.searchInsert("zzz"))
        browser.send(.searchSubmit)
        // No loaded call matches: the search goes on through the rest of the
        // history, says so when it ends, and the selection comes back.
        #expect(await browser.wait { $0.footer.notice?.contains("searched to the end") == true })
        await browser.settle()
        #expect(browser.state.timeline?.selectedCall?.id == "L-50")
    }

    @Test func fullScreenDetailFetchesTheCallAndEscGoesBack() async throws {
        let provider = ScriptedProvider(leads: [("L", 50)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.moveDown)
        browser.send(.open)
        #expect(browser.state.overlay == .fullDetail)
        #expect(browser.state.detailCall?.id == "L-1", "the list's copy shows at once")
        #expect(await browser.wait { $0.detail.fetched != nil })
        #expect(await provider.requests.contains(.call("L-1")))
        browser.send(.moveDown)  // scrolls the detail, not the timeline
        #expect(browser.state.timeline?.selectedCall?.id == "L-1")
        browser.send(.back)
        #expect(browser.state.overlay == .none && browser.state.focus == .calls)
        browser.send(.toggleHelp)
        #expect(browser.state.help.isShown)
        browser.send(.back)
        #expect(!browser.state.help.isShown && browser.state.overlay == .none)
    }

    @Test func resizingKeepsTheSelectedCallOnScreen() async throws {
        let provider = ScriptedProvider(leads: [("L", 500)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 60))
        browser.send(.resize(rows: 8, columns: 40))
        let timeline = try #require(browser.state.timeline)
        let selected = try #require(timeline.selectedLine)
        #expect(timeline.selectedCall?.id == "L-60")
        #expect(selected >= timeline.topLine && selected < timeline.topLine + browser.state.viewport.listRows)
        browser.send(.resize(rows: 60, columns: 200))
        #expect(browser.state.timeline?.selectedCall?.id == "L-60")
    }

    @Test func jumpingToTheTopAfterScrollingFarFetchesPageZeroByItsCursor() async throws {
        let provider = ScriptedProvider(leads: [("L", 5_000)])
        let browser = Browser.opened(on: provider, lead: "L", maximumHeldPages: 4)
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 2_000))
        await browser.settle()
        let before = await provider.callRequests.count
        browser.send(.first)
        await browser.settle()
        #expect(browser.state.timeline?.selectedOffset == 0)
        let after = await provider.callRequests.map(\.offset)
        #expect(after.count - before <= 2, "jumped straight back instead of walking \(after.suffix(after.count - before))")
        #expect(browser.state.timeline?.heldPageCount ?? 99 <= 4)
    }

    @Test func theDemoProviderDrivesTheBrowser() async throws {
        let browser = Browser(provider: DemoProvider(seed: 1, latency: .milliseconds(1)), settings: BrowserSettings(timeZone: TimeZone(identifier: "UTC") ?? .current))
        browser.send(.resize(rows: 30, columns: 120))
        browser.start()
        #expect(await browser.wait { $0.leads.ended && $0.timeline?.lines.isEmpty == false })
        #expect(browser.state.header.providerName == "Demo")
        #expect(browser.state.visibleLeadRows.first?.name == "Jane Cooper")
        #expect(browser.state.visibleTimelineRows.count == 26)
        // The restricted demo lead (the seventh) says so in its pane.
        browser.send(.focus(.leads))
        for _ in 0..<6 { browser.send(.moveDown) }
        browser.send(.open)
        #expect(await browser.wait { $0.timeline?.failure != nil })
        if case .noAccess = browser.state.timelineStatus {} else { Issue.record("\(browser.state.timelineStatus)") }
    }
}

extension NavigationTests {
    @Test func capitalGKeepsLoadingAndFollowsToTheLastCall() async throws {
        let provider = ScriptedProvider(leads: [("L", 2_345)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.last)
        await browser.settle()
        #expect(browser.state.timeline?.selectedCall?.id == "L-2344")
        #expect(browser.state.timelineTail == .endOfHistory)
        // Each page once, in order, none skipped; pages grow while `G` is owed, so fewer than 24.
        let offsets = await provider.callRequests.map(\.offset)
        #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count, "\(offsets)")
        #expect(offsets.count < 24, "\(offsets)")
        #expect(browser.state.timeline?.heldPageCount ?? 99 <= BrowserSettings.defaultMaximumHeldPages)
        // A move cancels the pursuit; g goes back to the newest call.
        browser.send(.first)
        await browser.settle()
        #expect(browser.state.timeline?.selectedCall?.id == "L-0")
    }

    @Test func aLeadsAnswerForAnAbandonedSearchIsDropped() async throws {
        let provider = ScriptedProvider(leads: [("1", 1), ("2", 1)])
        let browser = Browser(provider: provider, settings: BrowserSettings())
        browser.start()
        let stale = try #require(browser.state.leads.pending?.ticket)
        browser.send(.searchStart)
        browser.send(.searchInsert("2"))
        browser.send(.searchSubmit)
        #expect(await browser.wait { $0.leads.ended && $0.leads.pending == nil })
        #expect(browser.state.leads.leads.map(\.id) == ["2"])
        browser.send(.leadsLoaded(stale, LeadPage(leads: [Lead(id: "1")], next: nil)))
        #expect(browser.state.leads.leads.map(\.id) == ["2"])
    }
}
