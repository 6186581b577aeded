import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// The stats strip's figures: kept as running totals as pages arrive (never
/// recounted), equal to a recount of the calls at every step, completed by `S`
/// (cancellable with Esc), started again for another lead or a reload.
@MainActor @Suite struct LeadStatsTests {
    private static let utc = TimeZone(identifier: "UTC") ?? .current

    private func browser(on provider: any CallProvider, lead: LeadID, pageSize: Int = 100, rows: Int = 24) -> Browser {
        let settings = BrowserSettings(pageSize: pageSize, timeZone: Self.utc, initialLead: lead, showsLeadSummary: true)
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: rows, columns: 120))
        browser.start()
        return browser
    }

    /// Every figure counted from scratch, independently of `CallStats.add`.
    private struct Recount: Equatable {
        var calls = 0, talk = 0, talked = 0
        var outcomes: [String: Int] = [:]
        var weeks: [Int: Int] = [:]
        init(_ calls: [Call]) {
            self.calls = calls.count
            for call in calls {
                talk += max(0, call.duration ?? 0)
                // Talked; or, with no outcome or a vendor's own, time on the line and no miss.
                if let outcome = call.outcome, CallOutcome.known.contains(outcome) {
                    if outcome == .talked { talked += 1 }
                } else if (call.duration ?? 0) > 0, ![CallStatus.missed, .failed, .busy, .noAnswer, .voiceMail].contains(call.status) {
                    talked += 1
                }
                outcomes[call.outcome?.rawValue ?? "-", default: 0] += 1
                if let start = call.startTime {
                    // Monday-based: 1970-01-05 was a Monday.
                    let day = Int((start.timeIntervalSince1970 / 86_400).rounded(.down))
                    weeks[Int((Double(day - 4) / 7).rounded(.down)), default: 0] += 1
                }
            }
        }
        init(_ stats: CallStats) {
            calls = stats.calls
            talk = stats.talkSeconds
            talked = stats.connected
            for (outcome, count) in stats.outcomes { outcomes[outcome?.rawValue ?? "-"] = count }
            // Shift to the recount's week numbering (weeks since Monday 1970-01-05).
            for (week, count) in stats.weeks { weeks[week - 1] = count }
        }
    }

    /// The calls of every page loaded so far, in history order (each page once).
    private func loadedCalls(_ provider: ScriptedProvider, lead: LeadID, count: Int) async -> [Call] {
        var offsets = Set<Int>()
        var calls: [Call] = []
        for request in await provider.requests {
            guard case .calls(_, let offset, let limit) = request, offsets.insert(offset).inserted else { continue }
            let end = min(count, offset + limit)
            if offset < end { calls += (offset..<end).map { ScriptedProvider.call(lead: lead, index: $0, outcome: CallOutcome.known[$0 % 6]) } }
        }
        return calls
    }

    @Test func runningTotalsEqualARecountAfterEveryPageAndCompleteWithS() async throws {
        let provider = ScriptedProvider(leads: [("L", 437)])
        let browser = browser(on: provider, lead: "L", pageSize: 20)
        await browser.settle()
        var pagesSeen = 0
        // Walk down a page at a time: after each page the figures are a recount of what arrived.
        while let timeline = browser.state.timeline, !timeline.historyEnded, pagesSeen < 40 {
            let loaded = await loadedCalls(provider, lead: "L", count: 437)
            #expect(Recount(timeline.stats) == Recount(loaded), "after \(timeline.callsLoaded) calls")
            #expect(timeline.stats.calls == timeline.callsLoaded)
            #expect(browser.state.statsStrip?.isComplete == false)
            browser.send(.pageDown)
            await browser.settle()
            pagesSeen += 1
            if pagesSeen == 3 { break }
        }
        let before = browser.state.timeline?.selectedOffset
        browser.send(.completeStats)
        #expect(browser.state.timeline?.isCatchingUp == true)
        #expect(await browser.wait(timeout: .seconds(30)) { $0.timeline?.historyEnded == true })
        await browser.settle()
        let timeline = try #require(browser.state.timeline)
        let all = (0..<437).map { ScriptedProvider.call(lead: "L", index: $0, outcome: CallOutcome.known[$0 % 6]) }
        #expect(Recount(timeline.stats) == Recount(all))
        #expect(timeline.stats.calls == 437)
        #expect(timeline.completingStats == false)
        #expect(browser.state.statsStrip?.isComplete == true)
        #expect(timeline.selectedOffset == before, "S does not move the selection")
        #expect(timeline.heldPageCount <= browser.state.settings.maximumHeldPages, "memory stays bounded")
        // Every page asked for once: offsets strictly increase.
        let offsets = await provider.callRequests.map(\.offset)
        #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count, "\(offsets)")
        // S again says so instead of loading anything.
        browser.send(.completeStats)
        #expect(browser.state.notice?.contains("437") == true)
    }

    @Test func pagesDroppedAndFetchedAgainAreNotCountedTwice() async throws {
        let provider = ScriptedProvider(leads: [("L", 2_000)])
        let browser = Browser(provider: provider, settings: BrowserSettings(
            pageSize: 20, maximumHeldPages: 3, timeZone: Self.utc, initialLead: "L", showsLeadSummary: true))
        browser.send(.resize(rows: 24, columns: 120))
        browser.start()
        await browser.settle()
        for _ in 0..<8 { browser.send(.pageDown); await browser.settle() }
        browser.send(.first)
        await browser.settle()
        let refetched = await provider.callRequests.map(\.offset)
        #expect(Set(refetched).count < refetched.count, "the top was fetched again: \(refetched)")
        let loaded = await loadedCalls(provider, lead: "L", count: 2_000)
        let timeline = try #require(browser.state.timeline)
        #expect(Recount(timeline.stats) == Recount(loaded))
        #expect(timeline.stats.calls == timeline.callsLoaded)
    }

    @Test func escapeStopsCompletingAndTheFiguresStayThoseOfWhatArrived() async throws {
        let provider = ScriptedProvider(leads: [("L", 5_000)])
        let browser = browser(on: provider, lead: "L", pageSize: 50)
        await browser.settle()
        await provider.holdAll(from: 400)
        browser.send(.completeStats)
        #expect(browser.state.header.catchingUp == nil || browser.state.header.catchingUp?.contains("Esc") == true)
        #expect(await browser.wait(timeout: .seconds(30)) { ($0.timeline?.callsLoaded ?? 0) >= 400 && $0.timeline?.pending != nil })
        browser.send(.back)
        #expect(browser.state.timeline?.completingStats == false)
        #expect(browser.state.timeline?.isCatchingUp == false)
        await provider.releaseAll()
        await browser.settle()
        let timeline = try #require(browser.state.timeline)
        #expect(!timeline.historyEnded, "stopped before the end")
        #expect(timeline.stats.calls == timeline.callsLoaded)
        #expect(Recount(timeline.stats) == Recount(await loadedCalls(provider, lead: "L", count: 5_000)))
        // Esc stopped the loading, not the view: focus is still on the calls.
        #expect(browser.state.focus == .calls)
    }

    @Test func anotherLeadOrAReloadStartsTheFiguresAgain() async throws {
        let provider = ScriptedProvider(leads: [("A", 30), ("B", 7)])
        let browser = browser(on: provider, lead: "A")
        await browser.settle()
        #expect(browser.state.timeline?.stats.calls == 30)
        browser.send(.reload)
        #expect(browser.state.timeline?.stats.calls == 0)
        await browser.settle()
        #expect(browser.state.timeline?.stats.calls == 30, "reloaded, not added twice")
        browser.send(.focus(.leads))
        _ = await browser.wait { $0.leads.leads.count == 2 }
        browser.send(.moveDown)
        browser.send(.open)
        await browser.settle()
        #expect(browser.state.timeline?.lead.id == "B")
        #expect(browser.state.timeline?.stats.calls == 7)
    }

    @Test func theStripTakesARowFromTheCallsListOnly() async throws {
        let provider = ScriptedProvider(leads: [("L", 500)])
        let browser = browser(on: provider, lead: "L")
        await browser.settle()
        #expect(browser.state.leadSummaryRows == 2, "figures and graphs at 24 rows")
        #expect(browser.state.timelineRows == browser.state.viewport.listRows - 2)
        #expect(browser.state.visibleTimelineRows.count == browser.state.timelineRows)
        for _ in 0..<3 { browser.send(.pageDown) }
        // The selection stays within the rows the list has.
        let timeline = try #require(browser.state.timeline)
        let selected = try #require(timeline.selectedLine)
        #expect(selected - timeline.topLine < browser.state.timelineRows)
    }

    @Test func callsAServerRepeatsAreCountedOnceAndALoopEndsS() async throws {
        // Pages overlapping the previous one by three calls: the repeats the view-model drops are not counted.
        let overlapping = browser(on: HostilePagingProvider(.overlapsByThree), lead: "H")
        await overlapping.settle()
        overlapping.send(.completeStats)
        #expect(await overlapping.wait(timeout: .seconds(30)) { $0.timeline?.historyEnded == true })
        let stats = try #require(overlapping.state.timeline?.stats)
        #expect(stats.calls == 450, "each call once")
        #expect(stats.calls == overlapping.state.timeline?.callsLoaded)
        // A server looping back to its first page: S stops with the error instead of loading for ever.
        let looping = browser(on: HostilePagingProvider(.loopsBackToFirst), lead: "H")
        await looping.settle()
        looping.send(.completeStats)
        #expect(await looping.wait(timeout: .seconds(30)) { $0.timeline?.failure != nil })
        #expect(looping.state.timeline?.completingStats == false)
        #expect(looping.state.statsStrip?.isComplete == false)
    }

    @Test func aVendorsOwnOutcomesReadByTheirFirstLetter() {
        #expect(CallStats.barLetter(.talked) == "T" && CallStats.barLetter(nil) == "-")
        #expect(CallStats.barLetter(.other("Interested")) == "i")
        #expect(CallStats.barLetter(.other("Callback")) == "c")
        #expect(CallStats.barLetter(.other("  sale")) == "s")
        #expect(CallStats.barLetter(.other("✓ done")) == "o")
        #expect(CallStats.barLetter(.other("")) == "o")
    }

    @Test func theDemoDataMatchesARecount() async throws {
        let (demo, lead) = DemoProvider(seed: 7, latency: .zero).addingLead(callCount: 1_234)
        let browser = browser(on: demo, lead: lead, pageSize: 100)
        await browser.settle()
        browser.send(.completeStats)
        #expect(await browser.wait(timeout: .seconds(60)) { $0.timeline?.historyEnded == true })
        var all: [Call] = []
        var cursor: PageCursor?
        repeat {
            let page = try await demo.calls(forLead: lead, after: cursor, limit: 77)
            all += page.calls
            cursor = page.next
        } while cursor != nil
        #expect(all.count == 1_234)
        let stats = try #require(browser.state.timeline?.stats)
        #expect(Recount(stats) == Recount(all))
        #expect(stats == CallStats(all, zone: Self.utc), "the same figures whatever the page size")
    }
}

/// The lead card above the stats strip: the lead's stage, source, agent, score
/// and tags, sanitised; only for a lead that has them and a pane tall enough.
@MainActor @Suite struct LeadCardTests {
    @Test func theCardShowsTheLeadsFieldsSanitisedAndTakesItsRow() async throws {
        let lead = Lead(id: "100001", firstName: "Jane", stage: "Nurture\u{1B}[2J", source: "Zillow", assignedTo: "Maya Patel",
                        score: "87", tags: ["buyer", "hot"])
        let (demo, _) = DemoProvider(seed: 1, latency: .zero).addingLead(callCount: 10)
        let settings = BrowserSettings(timeZone: TimeZone(identifier: "UTC") ?? .current, showsLeadSummary: true)
        var state = BrowserState(descriptor: demo.descriptor, settings: settings, now: ContinuousClock().now, wallClock: Date())
        _ = BrowserReducer.reduce(&state, .resize(rows: 24, columns: 80), now: state.now, wallClock: state.wallClock)
        _ = BrowserReducer.open(lead: lead, in: &state)
        let card = try #require(state.leadCard)
        #expect(card.parts.first?.contains("\u{1B}") == false, "sanitised")
        #expect(card.parts.dropFirst() == ["Zillow", "→ Maya Patel", "score 87", "#buyer #hot"])
        #expect(state.leadSummaryRows == 3, "card and a two-row strip at 80×24")
        // A lead without card fields gives its row back to the list.
        _ = BrowserReducer.open(lead: Lead(id: "100002", firstName: "Plain"), in: &state)
        #expect(state.leadCard == nil)
        #expect(state.leadSummaryRows == 2)
        // A short terminal keeps the list: no card.
        _ = BrowserReducer.open(lead: lead, in: &state)
        _ = BrowserReducer.reduce(&state, .resize(rows: 14, columns: 80), now: state.now, wallClock: state.wallClock)
        #expect(state.leadCard == nil)
    }

    @Test func demoLeadsHaveCardFieldsTheSameEveryTime() async throws {
        let first = try await DemoProvider(seed: 1, latency: .zero).lead(id: "100001")
        let again = try await DemoProvider(seed: 1, latency: .zero).lead(id: "100001")
        #expect(first == again)
        #expect(first.hasCardFields && first.stage != nil && first.source != nil && first.score != nil)
    }
}
