import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// Issue 10 items 2–5: filter keys that keep their meaning, the highlighted lead
/// being the open one, a visible selection after a filter, and a search prompt
/// that starts empty.
@MainActor @Suite struct NavigationFixTests {
    /// Sends `.tick` (as the front end does when `debounceDeadline` passes) until `condition` holds.
    static func tick(_ browser: Browser, until condition: (BrowserState) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !condition(browser.state) {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
            browser.send(.tick)
        }
        return true
    }

    /// A browser at 24×100 listing leads 50 at a time, opened at `initialLead` if given.
    static func listing(_ provider: ScriptedProvider, initialLead: LeadID? = nil) -> Browser {
        let browser = Browser(provider: provider, settings: BrowserSettings(leadsPageSize: 50, initialLead: initialLead))
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        return browser
    }

    @Test func outcomeKeysKeepTheirOutcomeWhileLaterPagesChangeTheCounts() async throws {
        // The first page has mostly "early" and some "rare"; from call 100 on, "late" dominates.
        let provider = ScriptedProvider(leads: [("L", 400), ("M", 50)], vocabulary: .open) { lead, index in
            if lead == "M" { return .other(index % 2 == 0 ? "other-lead" : "late") }
            if index < 100 { return .other(index % 10 == 0 ? "rare" : "early") }
            return .other(index % 20 == 0 ? "rare" : "late")
        }
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(browser.state.footer.slots.map(\.label) == ["early", "rare"])
        browser.send(.toggleOutcomeFilter(slot: 2))
        #expect(browser.state.filter.outcomes == [.other("rare")])
        browser.send(.clearFilters)
        #expect(await browser.moveDown(toOffset: 250))
        await browser.settle()
        let counts = try #require(browser.state.timeline?.outcomeCounts)
        #expect(counts[.other("late")] ?? 0 > counts[.other("early")] ?? 0, "late now outnumbers early")
        #expect(browser.state.footer.slots.map(\.label) == ["early", "rare", "late"], "new outcomes take free keys")
        // Pressing 2 twice turns the same outcome on and off.
        browser.send(.toggleOutcomeFilter(slot: 2))
        #expect(browser.state.filter.outcomes == [.other("rare")])
        browser.send(.toggleOutcomeFilter(slot: 2))
        #expect(browser.state.filter.outcomes.isEmpty)

        // Another lead starts its keys over, but a filter that is on keeps its key.
        browser.send(.toggleOutcomeFilter(slot: 3))  // late
        browser.send(.focus(.leads))
        #expect(await browser.wait { $0.leads.leads.count == 2 })
        browser.send(.moveDown)
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "M")
        await browser.settle()
        let slots = browser.state.footer.slots
        #expect(slots.first { $0.key == "3" }?.label == "late" && slots.first { $0.key == "3" }?.isOn == true)
        #expect(Set(slots.map(\.label)) == ["late", "other-lead"])
        browser.send(.toggleOutcomeFilter(slot: 3))
        #expect(browser.state.filter.outcomes.isEmpty)
    }

    @Test func afterASearchOpenedALeadClearingTheSearchHighlightsThatLead() async throws {
        let provider = ScriptedProvider(leads: (0..<120).map { (LeadID("\(1000 + $0)"), 3) })
        let browser = Self.listing(provider)
        #expect(await browser.wait { $0.leads.leads.count == 50 && $0.timeline?.lead.id == "1000" })
        // `/1012 Enter Enter Esc Esc`
        browser.send(.searchStart)
        browser.type("1012")
        browser.send(.searchSubmit)
        #expect(await browser.wait { $0.leads.query == "1012" && $0.leads.ended })
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1012" && browser.state.focus == .calls)
        browser.send(.back)
        #expect(browser.state.focus == .leads)
        browser.send(.back)
        #expect(await browser.wait { $0.leads.query == nil && $0.leads.leads.count >= 50 && $0.leads.pending == nil })
        #expect(browser.state.leads.selectedLead?.id == "1012", "the open lead is the highlighted one")
        let visible = browser.state.visibleLeadRows
        #expect(visible.contains { $0.isSelected && $0.isOpen })
        // The next Enter keeps the open lead.
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1012" && browser.state.focus == .calls)
    }

    @Test func anOpenLeadOutsideTheLoadedLeadsHighlightsNothingAndEnterKeepsIt() async throws {
        let provider = ScriptedProvider(leads: (0..<300).map { (LeadID("\(1000 + $0)"), 3) })
        let browser = Self.listing(provider, initialLead: "1290")
        #expect(await browser.wait { $0.leads.leads.count >= 50 && $0.leads.pending == nil })
        #expect(browser.state.leads.selected == nil)
        #expect(!browser.state.visibleLeadRows.contains { $0.isSelected })
        browser.send(.focus(.leads))
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1290" && browser.state.focus == .calls)
        // The first move in the list selects its top row.
        browser.send(.focus(.leads))
        browser.send(.moveDown)
        #expect(browser.state.leads.selectedLead?.id == "1000")
    }

    @Test func dashDashLeadHighlightsThatLead() async throws {
        let provider = ScriptedProvider(leads: (0..<60).map { (LeadID("\(1000 + $0)"), 3) })
        let browser = Self.listing(provider, initialLead: "1030")
        #expect(await browser.wait { $0.leads.leads.count >= 50 && $0.leads.pending == nil })
        #expect(browser.state.leads.selectedLead?.id == "1030")
        let rows = browser.state.visibleLeadRows
        #expect(rows.contains { $0.isSelected && $0.isOpen && $0.id == "1030" }, "scrolled into view")
        #expect(browser.state.focus == .calls)
        browser.send(.focus(.leads))
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1030")
    }

    @Test func aFilterHidingTheSelectionSelectsTheNearestShownCallNeverAHeading() async throws {
        let provider = ScriptedProvider(leads: [("L", 300)])  // outcome = known[index % 6], 30 min apart
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        let timeline = try #require(browser.state.timeline)
        // The last call of a day: the next call (one index on) sits under a heading.
        let heading = try #require(timeline.lines.indices.dropFirst().first { !timeline.lines[$0].isCall })
        let lastOfDay = try #require(timeline.call(at: timeline.lines[heading - 1].ref))
        let firstOfNext = try #require(timeline.call(at: timeline.lines[heading + 1].ref))
        #expect(await browser.moveDown(toOffset: timeline.offset(of: timeline.lines[heading - 1].ref)))
        #expect(browser.state.timeline?.selectedCall?.id == lastOfDay.id)
        let slot = try #require(browser.state.filterSlots.firstIndex { $0 == firstOfNext.outcome }) + 1
        browser.send(.toggleOutcomeFilter(slot: slot))
        let filtered = try #require(browser.state.timeline)
        let line = try #require(filtered.selectedLine)
        #expect(filtered.lines[line].isCall)
        #expect(filtered.selectedCall?.id == firstOfNext.id, "one call away, not five")
        #expect(browser.state.visibleTimelineRows.contains { if case .call(let row) = $0 { row.isSelected } else { false } })
        // The first `j` moves to the next shown call.
        browser.send(.moveDown)
        let next = try #require(browser.state.timeline?.selectedCall)
        #expect(next.id != firstOfNext.id && next.outcome == firstOfNext.outcome)
    }

    @Test func theSearchPromptStartsEmptyWithThePreviousTermAsAHint() async throws {
        let provider = ScriptedProvider(leads: [("L", 50)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.searchStart)
        browser.type("Wrong")
        browser.send(.searchSubmit)
        #expect(browser.state.footer.notice?.contains("no loaded call matches") == true)
        browser.send(.searchStart)
        #expect(browser.state.footer.notice == nil, "a stale message goes when the prompt opens")
        #expect(browser.state.footer.searchPrompt == "/")
        #expect(browser.state.footer.searchHint == "Wrong")
        browser.type("zzzz")
        #expect(browser.state.search.text == "zzzz", "typing replaces, never appends to the old term")
        #expect(browser.state.footer.searchHint == nil)
        browser.send(.searchClear)
        #expect(browser.state.search.text.isEmpty)
        browser.type("call 4")
        browser.send(.searchDeleteWord)
        #expect(browser.state.search.text == "call ")
        browser.send(.searchDeleteWord)
        #expect(browser.state.search.text.isEmpty)
        browser.send(.searchRecall)
        #expect(browser.state.search.text == "Wrong")
        browser.send(.searchCancel)

        // A timeline search's "no match" does not outlive a lead search.
        browser.send(.searchStart)
        browser.send(.searchInsert("zzz"))
        browser.send(.searchSubmit)
        #expect(browser.state.footer.notice != nil)
        browser.send(.focus(.leads))
        browser.send(.searchStart)
        browser.send(.searchInsert("L"))
        browser.send(.searchSubmit)
        #expect(browser.state.footer.notice == nil)
    }

    @Test func typingInTheCallsPaneSelectsMatchesAsYouTypeAndEscGoesBack() async throws {
        let provider = ScriptedProvider(leads: [("L", 100)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.moveDown)
        browser.send(.searchStart)
        browser.type("call 4")
        #expect(browser.state.timeline?.selectedCall?.id == "L-4")
        #expect(browser.state.footer.searchMatches == "11 of 100 loaded calls")  // 4, 40…49
        browser.send(.searchInsert("7"))
        #expect(browser.state.timeline?.selectedCall?.id == "L-47")
        #expect(browser.state.footer.searchMatches == "1 of 100 loaded calls")
        browser.send(.searchCancel)
        #expect(browser.state.timeline?.selectedCall?.id == "L-1", "Esc goes back to where the prompt opened")
    }

    @Test func typingInTheLeadsPaneSearchesAfterAPauseWithTheMatchCount() async throws {
        let provider = ScriptedProvider(leads: (0..<120).map { (LeadID("\(1000 + $0)"), 3) })
        let browser = Self.listing(provider)
        #expect(await browser.wait { $0.leads.leads.count == 50 && $0.leads.pending == nil })
        browser.send(.searchStart)
        browser.type("101")
        #expect(browser.state.debounceDeadline != nil, "a search waits for the typing to pause")
        #expect(await provider.requests.filter { if case .leads(let query?, _) = $0 { query.hasPrefix("1") } else { false } }.isEmpty)
        #expect(await Self.tick(browser) { $0.leads.query == "101" && $0.leads.ended })
        #expect(browser.state.debounceDeadline == nil || browser.state.leads.previewDue != nil)
        #expect(browser.state.footer.searchMatches == "11 leads")  // 1010…1019 and 1101
        #expect(browser.state.leads.leads.count == 11)
        let leadQueries = await provider.requests.compactMap { if case .leads(let query?, _) = $0 { query } else { nil } }
        #expect(leadQueries == ["101"], "one request for the whole word, not one per key")
        browser.send(.searchCancel)
        #expect(await browser.wait { $0.leads.query == nil && $0.leads.leads.count == 50 })
    }

    @Test func movingInLeadsPreviewsTheLeadAfterAPauseWithoutTakingFocus() async throws {
        let provider = ScriptedProvider(leads: (0..<20).map { (LeadID("\(1000 + $0)"), 3) })
        let browser = Self.listing(provider)
        #expect(await browser.wait { $0.leads.ended && $0.timeline?.lead.id == "1000" && $0.timeline?.pending == nil })
        #expect(browser.state.debounceDeadline == nil, "idle: nothing due")
        for _ in 0..<3 { browser.send(.moveDown) }
        #expect(browser.state.timeline?.lead.id == "1000", "not at once")
        #expect(browser.state.debounceDeadline != nil)
        #expect(await Self.tick(browser) { $0.timeline?.lead.id == "1003" })
        #expect(browser.state.focus == .leads)
        #expect(browser.state.debounceDeadline == nil, "one-shot: nothing due once it ran")
        let requested = await provider.callRequests.map(\.lead)
        #expect(!requested.contains("1001") && !requested.contains("1002"), "the leads passed over were never asked for")
        // Moving back to the open lead forgets the waiting preview; Enter opens at once.
        browser.send(.moveDown)
        browser.send(.moveUp)
        #expect(browser.state.leads.previewDue == nil)
        browser.send(.moveDown)
        browser.send(.open)
        #expect(browser.state.timeline?.lead.id == "1004" && browser.state.focus == .calls)
        #expect(browser.state.debounceDeadline == nil)
    }

    @Test func capitalJAndKStepThroughCallsInsideTheFullScreenDetail() async throws {
        let provider = ScriptedProvider(leads: [("L", 50)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        browser.send(.focus(.calls))
        browser.send(.open)
        #expect(browser.state.overlay == .fullDetail && browser.state.detailCall?.id == "L-0")
        browser.send(.moveDown)  // j scrolls
        #expect(browser.state.timeline?.selectedCall?.id == "L-0")
        browser.send(.nextCall)
        #expect(browser.state.overlay == .fullDetail)
        #expect(browser.state.timeline?.selectedCall?.id == "L-1" && browser.state.detailCall?.id == "L-1")
        #expect(browser.state.detail.scroll == 0)
        #expect(await browser.wait { $0.detail.fetched?.id == "L-1" })
        #expect(await provider.requests.contains(.call("L-1")))
        browser.send(.nextCall)
        browser.send(.previousCall)
        #expect(browser.state.detailCall?.id == "L-1")
        #expect(await browser.wait { $0.detail.fetched?.id == "L-1" && $0.detail.pending == nil })
    }

    @Test func thePositionMarkCountsTheSelectionAndSaysWhenTheEndIsUnknown() async throws {
        let provider = ScriptedProvider(leads: [("L", 2_400)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 122))
        await browser.settle()
        let mark = try #require(browser.state.positionMark(for: .calls))
        #expect(mark.hasPrefix("123/≥"))
        browser.send(.last)
        await browser.settle()
        #expect(browser.state.positionMark(for: .calls) == "2,400/2,400")
        browser.send(.first)
        await browser.settle()
        browser.send(.toggleOutcomeFilter(slot: 1))  // every sixth call
        browser.send(.moveDown)
        await browser.settle()
        #expect(browser.state.timeline?.selectedCall?.id == "L-6")
        #expect(browser.state.positionMark(for: .calls)?.hasPrefix("2/") == true)
    }

    @Test func theTopCallsDayHeadingStaysPinned() async throws {
        let provider = ScriptedProvider(leads: [("L", 300)])
        let browser = Browser.opened(on: provider, lead: "L")
        await browser.settle()
        #expect(await browser.moveDown(toOffset: 30))
        let rows = browser.state.visibleTimelineRows
        guard case .day = rows.first else {
            Issue.record("first row is not a heading: \(String(describing: rows.first))")
            return
        }
        #expect(rows.count == browser.state.viewport.listRows)
        #expect(rows.contains { if case .call(let row) = $0 { row.isSelected } else { false } })
    }
}

@MainActor
extension Browser {
    /// Types `text` into the open search prompt, a key at a time.
    func type(_ text: String) {
        for character in text { send(.searchInsert(String(character))) }
    }
}
