import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// `R`: recent calls across leads, as a timeline with a lead timeline's
/// guarantees (lazy pages, owed motion, `G` that Esc stops, filters, no repeats),
/// the lead's name on each row, Enter for the call and `L` for its lead.
@MainActor @Suite struct InboxTests {
    static let leads: [(LeadID, Int)] = [("a", 300), ("b", 150), ("c", 40)]

    static func browser(_ provider: ScriptedProvider, team: Bool = false) -> Browser {
        let settings = BrowserSettings(pageSize: 100, timeZone: TimeZone(identifier: "UTC") ?? .current, teamView: team)
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        return browser
    }

    /// Waits for the leads and the first lead's calls.
    static func ready(_ browser: Browser) async {
        #expect(await browser.wait(timeout: .seconds(30)) { !$0.leads.leads.isEmpty })
        await browser.settle()
    }

    static func shownIDs(_ state: BrowserState) -> [CallID] {
        guard let timeline = state.timeline else { return [] }
        return timeline.lines.filter(\.isCall).compactMap { timeline.call(at: $0.ref)?.id }
    }

    @Test func rOpensTheInboxLazilyWithLeadNamesAndNoRepeats() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        let browser = Self.browser(provider)
        await Self.ready(browser)
        let leadRequests = await provider.callRequests.count
        browser.send(.openRecent)
        #expect(browser.state.timeline?.isInbox == true)
        #expect(browser.state.focus == .calls)
        await browser.settle()
        #expect(await provider.recentRequests.map(\.offset) == [0], "one page until the reader gets near its end")
        let rows = browser.state.timelineRows(from: 0, count: 10).compactMap { row -> CallRow? in
            if case .call(let call) = row { return call } else { return nil }
        }
        #expect(rows.prefix(4).map(\.lead) == ["Lead a", "Lead b", "Lead c", "Lead a"])
        // Down to the 250th call: pages come as they are needed, each once.
        #expect(await browser.moveDown(toOffset: 250))
        await browser.settle()
        let offsets = await provider.recentRequests.map(\.offset)
        #expect(offsets.starts(with: [0, 100, 200]) && offsets.count <= 4)
        #expect(Set(offsets).count == offsets.count)
        let ids = Self.shownIDs(browser.state)
        #expect(Set(ids).count == ids.count, "no call twice")
        #expect(await provider.callRequests.count == leadRequests, "the inbox never asks for a lead's calls")
    }

    @Test func gCatchesUpToTheEndAndEscStopsIt() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        await provider.holdAll(from: 200)
        let browser = Self.browser(provider)
        browser.send(.openRecent)
        await browser.settle()
        browser.send(.last)
        #expect(await browser.wait { $0.timeline?.pending != nil && $0.timeline?.isCatchingUp == true })
        browser.send(.back)
        #expect(browser.state.timeline?.isCatchingUp == false)
        #expect(browser.state.focus == .calls, "Esc stopped G first")
        await provider.releaseAll()
        await browser.settle()
        browser.send(.last)
        #expect(await browser.wait(timeout: .seconds(30)) { $0.timeline?.showsEndOfHistory == true })
        #expect(browser.state.timeline?.selectedCall?.id == CallID("a-299"))
        #expect(browser.state.inboxEndNote?.hasPrefix("no calls in the 360 days before ") == true, "the inbox says why it stopped")
        let offsets = await provider.recentRequests.map(\.offset)
        // Pages grow while the reader is ahead (read-ahead): each asked for once, the held one too.
        #expect(offsets.starts(with: [0, 100]) && Set(offsets).count == offsets.count, "\(offsets)")
        let ids = Self.shownIDs(browser.state)
        #expect(Set(ids).count == ids.count, "no call twice")
    }

    @Test func filtersEnterAndLOpenTheCallAndItsLead() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        let browser = Self.browser(provider)
        await Self.ready(browser)
        browser.send(.openRecent)
        await browser.settle()
        browser.send(.toggleOutcomeFilter(slot: 1))
        await browser.settle()
        let talked = browser.state.timeline.map { timeline in
            timeline.lines.filter(\.isCall).compactMap { timeline.call(at: $0.ref) }
        } ?? []
        #expect(!talked.isEmpty && talked.allSatisfy { $0.outcome == .talked })
        browser.send(.clearFilters)
        await browser.settle()
        browser.send(.first)
        browser.send(.moveDown)
        let selected = try #require(browser.state.timeline?.selectedCall)
        #expect(selected.id == CallID("b-0"))
        browser.send(.open)
        #expect(browser.state.overlay == .fullDetail)
        #expect(await browser.wait { $0.detail.fetched?.id == selected.id })
        browser.send(.openCallsLead)
        #expect(browser.state.overlay == .none)
        #expect(browser.state.timeline?.isInbox == false)
        #expect(browser.state.timeline?.lead.id == LeadID("b"))
        #expect(browser.state.timeline?.lead.displayName == "Lead b")
        await browser.settle()
        #expect(await provider.callRequests.last?.lead == LeadID("b"))
        browser.send(.openCallsLead)
        #expect(browser.state.notice == "L opens a call's lead from the recent calls (R)")
        // Back to the inbox: it starts again from the newest call.
        browser.send(.openRecent)
        #expect(browser.state.timeline?.isInbox == true)
    }

    @Test func slashFindsACallByItsLeadsName() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        let browser = Self.browser(provider)
        await Self.ready(browser)
        browser.send(.openRecent)
        await browser.settle()
        browser.send(.searchStart)
        browser.send(.searchInsert("lead c"))
        #expect(await browser.wait { $0.timeline?.selectedCall?.leadID == LeadID("c") })
        #expect(browser.state.timeline?.selectedCall?.id == CallID("c-0"))
    }

    @Test func leavingTheInboxCancelsItsPageInFlight() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        let browser = Self.browser(provider)
        await Self.ready(browser)
        await provider.holdAll(from: 0)
        browser.send(.openRecent)
        #expect(await browser.wait { $0.timeline?.pending != nil })
        browser.send(.focus(.leads))
        browser.send(.moveDown)
        browser.send(.open)
        #expect(browser.state.timeline?.isInbox == false)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        var cancelledRecent = false
        while !cancelledRecent, ContinuousClock.now < deadline {
            cancelledRecent = await provider.cancelled.contains { if case .recent = $0 { return true } else { return false } }
            if !cancelledRecent { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(cancelledRecent, "the inbox's page was cancelled when the lead opened")
        #expect(browser.state.timeline?.lead.id == LeadID("b"))
        await provider.releaseAll()
    }

    @Test func aRefusedTeamViewSaysWhichPermissionItNeeds() async throws {
        let provider = ScriptedProvider(leads: Self.leads)
        await provider.refuseTeamView()
        let browser = Self.browser(provider, team: true)
        await Self.ready(browser)
        browser.send(.openRecent)
        #expect(browser.state.timeline?.lead.displayName == "Recent calls · team")
        await browser.settle()
        #expect(browser.state.timelineStatus == .noAccess(RecentCallsQuery.teamDenied(provider: "Scripted")))
        #expect(await provider.requests.contains(.recent(offset: 0, limit: 100, team: true)))
    }
}
