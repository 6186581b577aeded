import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

@Suite struct PresentationTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? .current

    static func state(zone: TimeZone = tokyo) -> BrowserState {
        let descriptor = ProviderDescriptor(name: "Lofty", accountLabel: "team 4411", outcomes: .fixed(CallOutcome.known),
                                            defaultPageSize: 100, maximumPageSize: 1_000)
        return BrowserState(descriptor: descriptor, settings: BrowserSettings(timeZone: zone, initialLead: "L"),
                            now: ContinuousClock.now, wallClock: Date(timeIntervalSince1970: 1_790_000_000))
    }

    /// A state with `calls` as the open lead's first (and only) page.
    static func loaded(_ calls: [Call], zone: TimeZone = tokyo) -> BrowserState {
        var state = state(zone: zone)
        let now = state.now
        _ = BrowserReducer.start(&state)
        _ = BrowserReducer.reduce(&state, .resize(rows: 24, columns: 100), now: now, wallClock: state.wallClock)
        let ticket = state.timeline?.pending?.ticket ?? LoadTicket(0)
        _ = BrowserReducer.reduce(&state, .callsLoaded(ticket, CallPage(calls: calls, next: nil)), now: now, wallClock: state.wallClock)
        return state
    }

    @Test func timelineRowsGroupUnderLocalDaysWithGlyphsDurationsRatingsAndSanitisedNotes() throws {
        // 2026-04-21 23:30 UTC is already the 22nd in Tokyo; 14:00 UTC on the 21st is 23:00 there.
        let late = try #require(UTCTimestamp.parse("2026-04-21 23:30:00"))
        let earlier = try #require(UTCTimestamp.parse("2026-04-21 14:00:00"))
        let calls = [
            Call(id: "1", direction: .outbound, status: .completed, outcome: .talked, startTime: late, duration: 225, rating: 4,
                 note: "Called\u{1B}[2J back\u{202E}txt"),
            Call(id: "2", direction: .inbound, outcome: .noAnswer, startTime: earlier, isManual: true),
        ]
        let state = Self.loaded(calls)
        let rows = state.visibleTimelineRows
        #expect(rows.count == 4)
        #expect(rows[0] == .day("Wed 22 Apr 2026"))
        guard case .call(let first) = rows[1], case .day(let secondDay) = rows[2], case .call(let second) = rows[3] else {
            Issue.record("unexpected rows \(rows)")
            return
        }
        #expect(secondDay == "Tue 21 Apr 2026")
        #expect(first.glyph == "↗" && first.time == "08:30" && first.duration == "3:45" && first.rating == "★★★★☆")
        #expect(first.isSelected && !second.isSelected)
        #expect(!first.note.contains("\u{1B}") && !first.note.contains("\u{202E}"))
        #expect(second.glyph == "↙" && second.time == "23:00" && second.duration == "—" && second.status == "manual")
        #expect(second.rating == "" && second.outcomeLabel == "No answer")
    }

    @Test func detailLeavesOutAbsentFieldsShowsOtherFieldsAndWrapsTheNote() throws {
        let start = try #require(UTCTimestamp.parse("2026-04-22 01:15:00"))
        let call = Call(
            id: "9007199254740993", leadID: "100001", direction: .outbound, outcome: .other("Rescheduled"),
            startTime: start, note: "one two three four five six seven eight nine ten", isManual: true,
            details: [CallDetail(key: "userId", label: "Agent", value: .integer(7001))],
            otherFields: [JSONField("sentiment", .number(0.5)), JSONField("tags", .array([.string("vip")]))]
        )
        let state = Self.loaded([call], zone: TimeZone(identifier: "UTC") ?? .current)
        let rows = state.detailRows(width: 60)
        let labels = rows.compactMap { if case .field(let label, _) = $0 { label } else { nil } }
        #expect(labels.contains("Outcome") && labels.contains("Started") && labels.contains("Agent"))
        #expect(!labels.contains("Duration") && !labels.contains("Ended") && !labels.contains("Rating") && !labels.contains("Agent phone"))
        #expect(rows.contains(.field(label: "Call id", value: "9007199254740993")))
        #expect(rows.contains(.field(label: "Outcome", value: "Rescheduled")))
        #expect(rows.contains(.field(label: "Logged", value: "manually (no dialer record)")))
        // The side pane: one short line, the zone once in its title.
        #expect(rows.contains(.field(label: "Started", value: "Wed 22 Apr 01:15:00")))
        #expect(state.detailZone == "UTC+00:00")
        let other = try #require(rows.firstIndex(of: .heading("Other fields")))
        #expect(rows[(other + 1)...].contains(.field(label: "sentiment", value: "0.5")))
        #expect(rows[(other + 1)...].contains(.field(label: "tags", value: "[\"vip\"]")))
        let noteLines = state.detailRows(width: 12).compactMap { if case .text(let line) = $0 { line } else { nil } }
        #expect(noteLines.count > 1)
        #expect(noteLines.allSatisfy { DisplayText.width($0) <= 12 })
        #expect(noteLines.joined(separator: " ") == call.note)
    }

    @Test func longValuesWrapUnderTheirLabelInsteadOfBeingCut() throws {
        let start = try #require(UTCTimestamp.parse("2026-04-22 01:15:00"))
        let call = Call(id: "7", direction: .outbound, startTime: start,
                        otherFields: [JSONField("campaign", .object([JSONField("id", .integer(28)), JSONField("name", .string("Spring open house"))]))])
        let state = Self.loaded([call], zone: TimeZone(identifier: "UTC") ?? .current)
        let width = 30
        let rows = state.detailRows(width: width)
        let labelWidth = DetailRow.labelWidth(of: rows)
        var values: [String: String] = [:]
        var current = ""
        for row in rows {
            guard case .field(let label, let value) = row else { continue }
            #expect(DisplayText.width(value) <= width - 3 - labelWidth, "the row is one space, the label column, two spaces, the value")
            if !label.isEmpty { current = label }
            values[current, default: ""] += value
        }
        // Wrapping breaks at spaces (dropped) or inside a word too long for the column.
        #expect(values["Started"]?.replacingOccurrences(of: " ", with: "") == "Wed 22 Apr 01:15:00".replacingOccurrences(of: " ", with: ""))
        #expect(values["campaign"]?.replacingOccurrences(of: " ", with: "") == #"{"id":28,"name":"Spring open house"}"#.replacingOccurrences(of: " ", with: ""))
        #expect(rows.filter { if case .field("", _) = $0 { true } else { false } }.count >= 1, "the campaign goes on under its label (the side pane's short times no longer need to)")
    }

    @Test func loadingMarkShowsOnlyAfterTheGracePeriod() {
        var state = Self.state()
        let start = state.now
        _ = BrowserReducer.start(&state)
        #expect(state.timeline?.pending != nil)
        #expect(!state.showsLoadingMark && state.header.spinner == nil)
        _ = BrowserReducer.reduce(&state, .tick, now: start.advanced(by: .milliseconds(200)), wallClock: state.wallClock)
        #expect(!state.showsLoadingMark)
        _ = BrowserReducer.reduce(&state, .tick, now: start.advanced(by: .milliseconds(350)), wallClock: state.wallClock)
        #expect(state.showsLoadingMark && state.header.spinner != nil)
        #expect(state.timelineStatus == .loading)
    }

    @Test func headerAndFooterFacts() {
        var state = Self.loaded((0..<30).map { ScriptedProvider.call(lead: "L", index: $0, outcome: CallOutcome.known[$0 % 6]) })
        _ = BrowserReducer.reduce(&state, .toggleOutcomeFilter(slot: 2), now: state.now, wallClock: state.wallClock)
        let header = state.header
        #expect(header.providerName == "Lofty" && header.accountLabel == "team 4411" && header.callsLoaded == 30 && header.isComplete)
        let footer = state.footer
        #expect(footer.slots.map(\.label) == ["Talked", "Voice msg", "No answer", "Bad number", "DNC number", "DNC contact"])
        #expect(footer.slots.map(\.isOn) == [false, true, false, false, false, false])
        #expect(footer.filterIsActive && footer.examined == 30 && footer.matched == 5)
        _ = BrowserReducer.reduce(&state, .toggleOutcomeFilter(slot: 7), now: state.now, wallClock: state.wallClock)
        #expect(state.footer.notice == "no outcome on key 7 yet")
    }

    @Test func formats() {
        #expect(DisplayFormat.duration(0) == "0:00")
        #expect(DisplayFormat.duration(3_723) == "1:02:03")
        #expect(DisplayFormat.rating(0) == "☆☆☆☆☆")
        #expect(DisplayFormat.count(1_204) == "1,204")
        #expect(DisplayFormat.count(999) == "999")
        #expect(DisplayFormat.day(0) == "Thu 1 Jan 1970")
        #expect(DisplayFormat.day(20_565) == "Wed 22 Apr 2026")
    }
}

extension PresentationTests {
    @Test func detailScrollingStopsAtTheLastRowAndComesStraightBack() {
        let long = String(repeating: "word ", count: 200)
        var state = Self.loaded([Call(id: "1", outcome: .talked, startTime: Date(timeIntervalSince1970: 0), note: long)])
        func send(_ action: BrowserAction) { _ = BrowserReducer.reduce(&state, action, now: state.now, wallClock: state.wallClock) }
        send(.focus(.detail))
        send(.detailArea(rows: 10, columns: 30))
        let total = state.detailRows(width: 30).count
        #expect(total > 20)
        send(.last)
        #expect(state.detail.scroll == total - 10)
        #expect(state.visibleDetailRows(width: 30, height: 10).last == state.detailRows(width: 30).last)
        for _ in 0..<50 { send(.moveDown) }
        #expect(state.detail.scroll == total - 10)
        send(.moveUp)
        #expect(state.detail.scroll == total - 11)
        send(.first)
        #expect(state.detail.scroll == 0)
    }
}
