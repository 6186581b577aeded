import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

@MainActor @Suite struct FilterTests {
    /// Talked once in every 5,000 calls, No answer otherwise.
    static let rareTalk: @Sendable (LeadID, Int) -> CallOutcome = { _, index in index % 5_000 == 1_234 ? .talked : .noAnswer }

    @Test func aFilterMatchingOneIn5000LoadsToTheEndReportsWhatItExaminedAndClearingRestoresTheSelection() async throws {
        let provider = ScriptedProvider(leads: [("L", 20_000)], outcome: Self.rareTalk)
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 7))
        let selectedBefore = try #require(browser.state.timeline?.selectedCall?.id)

        browser.send(.toggleOutcomeFilter(slot: 1))  // Talked
        #expect(browser.state.filter.outcomes == [.talked])
        await browser.settle()
        let state = browser.state
        let timeline = try #require(state.timeline)
        let shown = timeline.lines.filter(\.isCall).compactMap { timeline.call(at: $0.ref)?.id.rawValue }
        #expect(shown == ["L-1234", "L-6234", "L-11234", "L-16234"])
        #expect(timeline.callsExamined == 20_000)
        #expect(timeline.callsMatched == 4)
        #expect(state.footer.examined == 20_000 && state.footer.matched == 4)
        #expect(state.timelineTail == .endOfHistory)
        #expect(await provider.callRequests.count == 200, "every page once")
        #expect(Set(await provider.callRequests.map(\.offset)).count == 200)
        #expect(timeline.heldPageCount <= 8)

        browser.send(.clearFilters)
        #expect(browser.state.timeline?.selectedCall?.id == selectedBefore)
        await browser.settle()
        #expect(browser.state.timeline?.selectedCall?.id == selectedBefore)
        #expect(browser.state.timeline?.selectedOffset == 7)
    }

    @Test func aFilterStopsLoadingOnceTheWindowIsFull() async throws {
        // One call in 50 talked: two screens of matches need about 40 × 50 = 2,000 calls.
        let provider = ScriptedProvider(leads: [("L", 1_000_000)]) { _, index in index % 50 == 0 ? .talked : .noAnswer }
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.toggleOutcomeFilter(slot: 1))
        await browser.settle()
        let requests = await provider.callRequests.count
        #expect(requests < 40, "loaded \(requests) pages for a screen of matches")
        let timeline = try #require(browser.state.timeline)
        #expect(timeline.lines.filter(\.isCall).count >= browser.state.viewport.listRows)
        #expect(browser.state.timelineTail == .none)
        #expect(timeline.callsExamined == requests * 100)
    }

    @Test func selectionStaysOnTheSameCallWhenItSurvivesAFilterAndFiltersCombine() async throws {
        let provider = ScriptedProvider(leads: [("L", 600)])  // outcome = known[index % 6]
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 14))  // 14 % 6 == 2: No answer
        browser.send(.toggleOutcomeFilter(slot: 3))
        #expect(browser.state.timeline?.selectedCall?.id == "L-14")
        browser.send(.toggleOutcomeFilter(slot: 1))  // Talked or No answer
        #expect(browser.state.timeline?.selectedCall?.id == "L-14")
        let outcomes = Set(browser.state.timeline?.lines.filter(\.isCall).compactMap { browser.state.timeline?.call(at: $0.ref)?.outcome } ?? [])
        #expect(outcomes == [.talked, .noAnswer])
        #expect(browser.state.footer.slots.filter(\.isOn).map(\.key) == ["1", "3"])

        browser.send(.toggleDirectionFilter)  // outbound only: index % 3 != 0, so L-14 stays
        #expect(browser.state.timeline?.selectedCall?.id == "L-14")
        browser.send(.toggleDirectionFilter)  // inbound only: L-14 hidden, the nearest shown call is selected
        let moved = try #require(browser.state.timeline?.selectedCall)
        #expect(moved.direction == .inbound && [.talked, .noAnswer].contains(moved.outcome))
        #expect(moved.id == "L-12", "L-12 is 2 calls away, L-18 is 4")
        browser.send(.clearFilters)
        #expect(browser.state.timeline?.selectedCall?.id == "L-14")
    }

    @Test func openVocabulariesPutTheSixMostFrequentOutcomesOnTheKeys() async throws {
        let names = ["completed", "no-answer", "voicemail", "busy", "failed", "callback", "transferred"]
        let provider = ScriptedProvider(leads: [("L", 700)], vocabulary: .open) { _, index in
            // completed most often, transferred least.
            let bucket = index % 28
            let position = bucket < 7 ? 0 : bucket < 13 ? 1 : bucket < 18 ? 2 : bucket < 22 ? 3 : bucket < 25 ? 4 : bucket < 27 ? 5 : 6
            return .other(names[position])
        }
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(browser.state.footer.slots.map(\.label) == Array(names.prefix(6)))
        browser.send(.toggleOutcomeFilter(slot: 2))
        #expect(browser.state.filter.outcomes == [.other("no-answer")])
    }

    @Test func anOutcomeNameFromTheServerIsShownSanitisedOnItsKey() async throws {
        let provider = ScriptedProvider(leads: [("L", 40)], vocabulary: .open) { _, index in
            index % 2 == 0 ? .other("done\u{1B}[2J") : .other("busy\u{202E}")
        }
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        let labels = browser.state.footer.slots.map(\.label)
        #expect(labels.count == 2)
        #expect(labels.allSatisfy { !$0.contains("\u{1B}") && !$0.contains("\u{202E}") })
        #expect(labels.contains { $0.hasPrefix("done") } && labels.contains { $0.hasPrefix("busy") })
        browser.send(.toggleOutcomeFilter(slot: 1))
        #expect(browser.state.footer.slots[0].isOn)
    }
}
