import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// A provider whose server pages badly, the ways issue 9 found: the same page for
/// ever, a loop back to an earlier page, or pages overlapping the previous one.
actor HostilePagingProvider: CallProvider {
    enum Behaviour: Sendable { case samePageForEver, loopsBackToFirst, overlapsByThree }

    nonisolated let descriptor = ProviderDescriptor(
        name: "Hostile", accountLabel: nil, outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 100)
    let behaviour: Behaviour
    let total = 450
    private(set) var requests = 0

    init(_ behaviour: Behaviour) { self.behaviour = behaviour }

    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        LeadPage(leads: [Lead(id: "H", firstName: "Hostile", lastName: "Server")], next: nil)
    }

    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        requests += 1
        let asked = cursor.flatMap { Int($0.token) } ?? 0
        var start: Int
        switch behaviour {
        case .samePageForEver: start = 0
        case .loopsBackToFirst: start = asked >= 2 * limit ? 0 : asked
        case .overlapsByThree: start = max(0, asked - 3)
        }
        start = min(start, total)
        let end = min(start + limit, total)
        let calls = (start..<end).map { Call(id: CallID("H-\($0)"), startTime: Date(timeIntervalSince1970: 1_800_000_000 - Double($0) * 600)) }
        return CallPage(calls: calls, next: calls.isEmpty ? nil : PageCursor(String(asked + limit)))
    }

    func call(id: CallID) async throws -> Call { Call(id: id) }
}

@MainActor @Suite struct HostilePagingBrowserTests {
    func shownIDs(_ browser: Browser) -> [CallID] {
        guard let timeline = browser.state.timeline else { return [] }
        return timeline.lines.filter(\.isCall).compactMap { timeline.call(at: $0.ref)?.id }
    }

    @Test(arguments: [HostilePagingProvider.Behaviour.samePageForEver, .loopsBackToFirst])
    func capitalGStopsWithAnErrorWhenPagingDoesNotAdvance(_ behaviour: HostilePagingProvider.Behaviour) async throws {
        let provider = HostilePagingProvider(behaviour)
        let browser = Browser.opened(on: provider, lead: "H")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.last)
        await browser.settle()
        guard case .pagingBroken(let what)? = browser.state.timeline?.failure?.error else {
            Issue.record("no paging error: \(String(describing: browser.state.timeline?.failure))")
            return
        }
        #expect(what.contains("already shown") || what.contains("loop"), "\(what)")
        // The error ends the G: the header no longer says "to the end · Esc stops".
        #expect(browser.state.timeline?.isCatchingUp == false)
        #expect(browser.state.header.catchingUp == nil)
        #expect(await provider.requests <= 4)
        let shown = shownIDs(browser)
        #expect(Set(shown).count == shown.count, "no call shown twice")
        #expect(shown.count == (behaviour == .samePageForEver ? 100 : 200), "what was shown stays")
    }

    /// A search looking beyond what is loaded, and motion owed past it, end with the
    /// paging error instead of waiting for pages that will never come.
    @Test func aSearchOrMotionOwedEndsWithThePagingError() async throws {
        for owe in ["search", "motion"] {
            let provider = HostilePagingProvider(.samePageForEver)
            let browser = Browser.opened(on: provider, lead: "H")
            await browser.settle()
            browser.send(.focus(.calls))
            if owe == "search" {
                browser.send(.searchStart)
                browser.send(.searchInsert("no such call"))
                browser.send(.searchSubmit)
            } else {
                for _ in 0..<150 { browser.send(.moveDown) }
            }
            await browser.settle()
            #expect(browser.state.timeline?.failure != nil, "\(owe)")
            #expect(browser.state.timeline?.isCatchingUp == false, "\(owe): nothing stays owed")
            #expect(browser.state.header.catchingUp == nil, "\(owe)")
            #expect(await provider.requests <= 3, "\(owe)")
        }
    }

    @Test func overlappingPagesShowEveryCallOnce() async throws {
        let provider = HostilePagingProvider(.overlapsByThree)
        let browser = Browser.opened(on: provider, lead: "H", pageSize: 100, maximumHeldPages: 20)
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.last)
        await browser.settle()
        #expect(browser.state.timeline?.failure == nil)
        #expect(shownIDs(browser) == (0..<450).map { CallID("H-\($0)") })
    }
}
