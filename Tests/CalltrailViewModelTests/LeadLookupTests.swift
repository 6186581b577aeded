import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// Leads fetched one by one with `lead(id:)`: `--lead` (and `L` from the inbox)
/// for a lead the lead list does not bring, so its card has its fields; and `i`
/// in the inbox, which shows the highlighted call's lead.
@MainActor @Suite struct LeadLookupTests {
    /// Two listed leads and one, "u", that only `lead(id:)` finds (a lead further
    /// down a long list, or one the list does not show).
    static func provider() -> ScriptedProvider {
        ScriptedProvider(leads: [("a", 300), ("b", 150)], unlisted: [("u", 40)])
    }

    @Test func aLeadOnTheListIsNotFetchedAgain() async throws {
        let provider = Self.provider()
        let browser = Browser.opened(on: provider, lead: "b")
        #expect(await browser.wait(timeout: .seconds(30)) { !$0.leads.leads.isEmpty })
        await browser.settle()
        #expect(browser.state.timeline?.lead.displayName == "Lead b", "the list's lead, named")
        #expect(await provider.leadRequests.isEmpty)
    }

    @Test func dashDashLeadOffTheListIsFetchedOnceTheListHasAnswered() async throws {
        let provider = Self.provider()
        let browser = Browser.opened(on: provider, lead: "u")
        #expect(await browser.wait(timeout: .seconds(30)) { $0.timeline?.lead.stage == "Fetched" })
        let lead = try #require(browser.state.timeline?.lead)
        #expect(lead.id == "u" && lead.displayName == "Lead u")
        #expect(LeadCardFacts(lead).parts == ["Fetched", "Scripted"], "the card has the fetched fields")
        await browser.settle()
        #expect(browser.state.timeline?.lead.id == "u" && browser.state.focus == .calls, "still the lead asked for")
        let requests = await provider.requests
        #expect(await provider.leadRequests == ["u"], "fetched once")
        let listed = try #require(requests.firstIndex(of: .leads(query: nil, cursor: nil)))
        let fetched = try #require(requests.firstIndex(of: .lead("u")))
        #expect(listed < fetched, "only after the list answered without it")
        // `i` shows the fetched lead, without asking again.
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo?.leadID == "u")
        #expect(browser.state.leadInfo?.rows.contains { $0.hasPrefix("Stage") && $0.hasSuffix("Fetched") } == true)
        #expect(await provider.leadRequests == ["u"])
    }

    /// Opens the inbox and selects its first call of `lead`.
    static func inboxAt(_ lead: LeadID, _ browser: Browser) async {
        #expect(await browser.wait(timeout: .seconds(30)) { !$0.leads.leads.isEmpty })
        await browser.settle()
        browser.send(.openRecent)
        await browser.settle()
        for _ in 0..<10 where browser.state.timeline?.selectedCall?.leadID != lead { browser.send(.moveDown) }
        #expect(browser.state.timeline?.selectedCall?.leadID == lead)
    }

    static func inboxBrowser(_ provider: ScriptedProvider) -> Browser {
        let settings = BrowserSettings(pageSize: 100, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        return browser
    }

    @Test func iInTheInboxShowsTheHighlightedCallsLead() async throws {
        let provider = Self.provider()
        let browser = Self.inboxBrowser(provider)
        await Self.inboxAt("b", browser)
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo?.leadID == "b", "a listed lead at once")
        #expect(browser.state.leadInfo?.name == "Lead b")
        #expect(await provider.leadRequests.isEmpty)
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo == nil)

        // A call of a lead no list brought: fetched, then shown.
        for _ in 0..<10 where browser.state.timeline?.selectedCall?.leadID != "u" { browser.send(.moveDown) }
        #expect(browser.state.timeline?.selectedCall?.leadID == "u")
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo == nil || browser.state.leadInfo?.leadID == "u")
        #expect(await browser.wait(timeout: .seconds(30)) { $0.leadInfo?.leadID == "u" })
        #expect(browser.state.leadInfo?.rows.contains { $0.hasSuffix("Fetched") } == true)
        #expect(browser.state.notice == nil, "the loading notice goes with the view's arrival")
        #expect(browser.state.timeline?.isInbox == true, "the inbox stays underneath")
        // The inbox's rows name the fetched lead now.
        #expect(browser.state.leadNames["u"] == "Lead u")
        browser.send(.openLeadInfo)
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo?.leadID == "u", "again at once, from what was fetched")
        #expect(await provider.leadRequests == ["u"])
    }

    @Test func iOnARefusedLeadSaysWhy() async throws {
        let provider = Self.provider()
        await provider.refuse("u")
        let browser = Self.inboxBrowser(provider)
        await Self.inboxAt("u", browser)
        browser.send(.openLeadInfo)
        #expect(await browser.wait(timeout: .seconds(30)) { $0.notice?.hasPrefix("cannot show lead u") == true })
        #expect(browser.state.notice == "cannot show lead u: no access to lead u or it does not exist")
        #expect(browser.state.leadInfo == nil)
    }

    @Test func lFromTheInboxFetchesTheCardOfALeadOffTheList() async throws {
        let provider = Self.provider()
        let browser = Self.inboxBrowser(provider)
        await Self.inboxAt("u", browser)
        browser.send(.openCallsLead)
        #expect(browser.state.timeline?.lead.id == "u" && browser.state.timeline?.isInbox == false)
        #expect(await browser.wait(timeout: .seconds(30)) { $0.timeline?.lead.stage == "Fetched" })
        await browser.settle()
        #expect(await provider.leadRequests == ["u"])
    }

    /// Pure reducer: an answer that comes after the reader moved to another lead's
    /// call, or pressed Esc, is kept but opens nothing.
    @Test func aLeadThatArrivesAfterTheReaderMovedOnOpensNothing() throws {
        let descriptor = ProviderDescriptor(name: "Scripted", outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 1_000)
        var state = BrowserState(descriptor: descriptor, settings: BrowserSettings(), now: ContinuousClock().now, wallClock: Date())
        func send(_ action: BrowserAction) -> [BrowserEffect] {
            BrowserReducer.reduce(&state, action, now: state.now, wallClock: state.wallClock)
        }
        _ = send(.resize(rows: 24, columns: 100))
        let listTicket = try #require(state.leads.pending?.ticket)
        _ = send(.leadsLoaded(listTicket, LeadPage(leads: [Lead(id: "a")], next: nil)))
        _ = send(.openRecent)
        let page = try #require(state.timeline?.pending?.ticket)
        let calls = ["x", "y", "x"].enumerated().map { index, lead in
            ScriptedProvider.call(lead: LeadID(lead), index: index, outcome: .talked)
        }
        _ = send(.callsLoaded(page, CallPage(calls: calls, next: nil)))
        #expect(state.timeline?.selectedCall?.leadID == "x")

        let effects = send(.openLeadInfo)
        guard case .loadLead(let ticket, "x")? = effects.first(where: { if case .loadLead = $0 { true } else { false } }) else {
            Issue.record("no fetch of lead x in \(effects)")
            return
        }
        #expect(state.notice == "loading the call's lead…")
        _ = send(.moveDown)
        #expect(state.timeline?.selectedCall?.leadID == "y")
        _ = send(.leadLoaded(ticket, Lead(id: "x", firstName: "Xena")))
        #expect(state.leadInfo == nil, "the reader moved to another lead's call")
        #expect(state.knownLead("x")?.displayName == "Xena", "kept for later")
        _ = send(.moveDown)
        _ = send(.openLeadInfo)
        #expect(state.leadInfo?.name == "Xena", "at once now")
        _ = send(.close)

        // Esc while it loads: nothing opens.
        _ = send(.moveUp)
        let again = send(.openLeadInfo)
        let second = again.compactMap { if case .loadLead(let ticket, _) = $0 { ticket } else { nil } }.first
        _ = send(.back)
        _ = send(.leadLoaded(try #require(second), Lead(id: "y", firstName: "Yara")))
        #expect(state.leadInfo == nil, "Esc gave up waiting")
        #expect(state.knownLead("y")?.displayName == "Yara")
    }
}
