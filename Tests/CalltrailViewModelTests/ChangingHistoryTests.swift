import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// Reducer-level: pages answered by hand, so the provider can change its mind.
@Suite struct ChangingHistoryTests {
    struct Harness {
        var state: BrowserState
        /// The cursor the next page after page n is given; "changed" models new history.
        var nextCursor: (Int) -> String? = { "c\($0 + 1)" }

        init(maximumHeldPages: Int = 3) {
            let descriptor = ProviderDescriptor(name: "Hand", outcomes: .fixed(CallOutcome.known), defaultPageSize: 10, maximumPageSize: 10)
            state = BrowserState(
                descriptor: descriptor,
                settings: BrowserSettings(maximumHeldPages: maximumHeldPages, timeZone: TimeZone(identifier: "UTC") ?? .current, initialLead: "L"),
                now: ContinuousClock.now, wallClock: Date()
            )
            _ = BrowserReducer.start(&state)
            send(.resize(rows: 9, columns: 80))  // 5 list rows
        }

        mutating func send(_ action: BrowserAction) {
            _ = BrowserReducer.reduce(&state, action, now: state.now, wallClock: state.wallClock)
        }

        /// Answers the pending calls request, if any; the page number is read from its cursor.
        mutating func answer() -> Bool {
            guard let pending = state.timeline?.pending else { return false }
            let number = pending.page
            let calls = (0..<10).map { i in
                Call(id: CallID("p\(number)-\(i)"), outcome: .talked,
                     startTime: Date(timeIntervalSince1970: 1_790_000_000 - Double(number * 10 + i) * 60))
            }
            let next = number < 9 ? nextCursor(number).map(PageCursor.init) : nil
            send(.callsLoaded(pending.ticket, CallPage(calls: calls, next: next)))
            return true
        }

        mutating func settle() { while answer() {} }
    }

    @Test func aRefetchedPageThatPointsElsewhereDropsWhatFollowedWithoutLosingTheSelection() throws {
        var harness = Harness()
        harness.settle()
        for _ in 0..<55 {
            harness.send(.moveDown)
            harness.settle()
        }
        #expect(harness.state.timeline?.selectedCall?.id == "p5-5")
        #expect(harness.state.timeline?.heldPageCount ?? 99 <= 3)
        // Scrolling back up refetches dropped pages; by now the provider's history has moved on.
        harness.nextCursor = { "changed\($0)" }
        for _ in 0..<40 {
            harness.send(.moveUp)
            harness.settle()
        }
        let timeline = try #require(harness.state.timeline)
        #expect(timeline.selectedCall != nil)
        #expect(timeline.pages.allSatisfy { $0.number < timeline.pages.count })
        #expect(timeline.pages.last?.cursor?.token.hasPrefix("changed") == true)
        #expect(!timeline.historyEnded)
        #expect(timeline.heldPageCount <= 3)
    }

    @Test func anEmptyPageThatPointsAtItselfEndsTheHistory() {
        var harness = Harness()
        guard let pending = harness.state.timeline?.pending else { Issue.record("no request"); return }
        harness.send(.callsLoaded(pending.ticket, CallPage(calls: [], next: PageCursor("c1"))))
        let second = harness.state.timeline?.pending
        #expect(second?.page == 1)
        if let second {
            harness.send(.callsLoaded(second.ticket, CallPage(calls: [], next: PageCursor("c1"))))
        }
        #expect(harness.state.timeline?.pending == nil)
        #expect(harness.state.timeline?.historyEnded == true)
        #expect(harness.state.timelineStatus == .empty)
    }
}
