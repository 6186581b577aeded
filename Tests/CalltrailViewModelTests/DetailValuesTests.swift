import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// What the detail says matches what was sent: money unrounded, one duration
/// style, yes/no, counts with the right noun, and in the side pane each time
/// on one short line with the zone once in the title.
@Suite struct DetailValuesTests {
    @Test func moneyIsShownAsSentWithAtLeastTwoDecimals() {
        #expect(DisplayFormat.money(0.013) == "0.013")
        #expect(DisplayFormat.money(0.039) == "0.039")
        #expect(DisplayFormat.money(12.5) == "12.50")
        #expect(DisplayFormat.money(3) == "3.00")
        #expect(DisplayFormat.money(-0.5) == "-0.50")
        #expect(DisplayFormat.money(1234.5678) == "1234.5678")
        #expect(DisplayFormat.money(1e300) == "1e+300")
    }

    @Test func countsTakeTheSingularOnlyForOne() {
        #expect(DisplayFormat.count(1, "call") == "1 call")
        #expect(DisplayFormat.count(0, "call") == "0 calls")
        #expect(DisplayFormat.count(1_204, "call") == "1,204 calls")
        #expect(DisplayFormat.count(999) == "999")
        #expect(DisplayFormat.count(1_000) == "1,000")
        #expect(DisplayFormat.count(123_456_789) == "123,456,789")
        #expect(DisplayFormat.count(-45_000) == "-45,000")
        #expect(DisplayFormat.count(Int.min) == "-9,223,372,036,854,775,808")
        #expect(DisplayFormat.count(Int.max) == "9,223,372,036,854,775,807")
        #expect(DisplayFormat.count(-1) == "-1")
        #expect(DisplayFormat.count(-100) == "-100")
        #expect(DisplayFormat.count(10_000) == "10,000")
        #expect(DisplayFormat.count(1, "entry", plural: "entries") == "1 entry")
        #expect(DisplayFormat.count(2, "entry", plural: "entries") == "2 entries")
    }

    @Test func detailValuesReadOneWay() {
        let utc = { (date: Date) in DisplayFormat.instant(date, in: TimeZone(identifier: "UTC") ?? .current) }
        #expect(DisplayFormat.detailValue(.bool(true), instant: utc) == "yes")
        #expect(DisplayFormat.detailValue(.bool(false), instant: utc) == "no")
        #expect(DisplayFormat.detailValue(.duration(4), instant: utc) == "0:04")
        #expect(DisplayFormat.detailValue(.duration(22), instant: utc) == DisplayFormat.duration(22))
        #expect(DisplayFormat.detailValue(.money(0.013, currency: "USD"), instant: utc) == "0.013 USD")
    }

    @Test func shortInstantsDropTheZoneAndTheCurrentYear() throws {
        let date = try #require(UTCTimestamp.parse("2026-11-17 01:06:34"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(DisplayFormat.shortInstant(date, in: utc, currentYear: 2026) == "Tue 17 Nov 01:06:34")
        #expect(DisplayFormat.shortInstant(date, in: utc, currentYear: 2027) == "Tue 17 Nov 2026 01:06:34")
        // A narrow column: the weekday gives way, then the seconds.
        #expect(DisplayFormat.shortInstant(date, in: utc, currentYear: 2026, width: 18) == "17 Nov 01:06:34")
        #expect(DisplayFormat.shortInstant(date, in: utc, currentYear: 2026, width: 14) == "17 Nov 01:06")
        #expect(DisplayFormat.shortInstant(date, in: utc, currentYear: 2026, width: 3) == "17 Nov 01:06")
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(DisplayFormat.shortInstant(date, in: tokyo, currentYear: 2026) == "Tue 17 Nov 10:06:34")
        #expect(DisplayFormat.zoneOffset(at: date, in: tokyo) == "UTC+09:00")
    }

    @Test func theSidePaneGivesEachTimeOneLineAndTheFullDetailSpellsItOut() throws {
        let start = try #require(UTCTimestamp.parse("2026-04-22 01:15:00"))
        let call = Call(id: "7", direction: .outbound, startTime: start, endTime: start.addingTimeInterval(22), duration: 22,
                        details: [CallDetail(key: "createTime", label: "Logged", value: .instant(start.addingTimeInterval(26))),
                                  CallDetail(key: "elapsedTime", label: "Ringing", value: .duration(4))])
        var state = PresentationTests.loaded([call])
        // 38 columns is the side pane at 120 wide: every time fits on its one row.
        let rows = state.detailRows(width: 36)
        let values = Dictionary(rows.compactMap { if case .field(let l, let v) = $0 { (l, v) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(values["Started"] == "Wed 22 Apr 10:15:00")
        #expect(values["Ended"] == "Wed 22 Apr 10:15:22")
        #expect(values["Logged"] == "Wed 22 Apr 10:15:26")
        #expect(values["Ringing"] == "0:04" && values["Duration"] == "0:22")
        #expect(!rows.contains(.field(label: "", value: "UTC+09:00")), "no time wraps")
        #expect(state.detailZone == "UTC+09:00")
        #expect(state.detailView(width: 36, height: 20).zone == "UTC+09:00", "the title's zone comes with the rows")
        // The side pane at 120 columns with a long label (Lofty's and the demo's "Machine answered"): still one line.
        var labelled = call
        labelled.details.append(CallDetail(key: "isMachineAnswered", label: "Machine answered", value: .bool(false)))
        let narrow = CallDetailRows.rows(for: labelled, width: 34, zone: PresentationTests.tokyo, times: .short(currentYear: 2026))
        #expect(narrow.contains(.field(label: "Started", value: "22 Apr 10:15:00")))
        #expect(!narrow.contains { if case .field("", _) = $0 { true } else { false } }, "nothing wraps: \(narrow)")
        state.focus = .calls
        _ = BrowserReducer.reduce(&state, .open, now: state.now, wallClock: state.wallClock)
        try #require(state.overlay == .fullDetail)
        #expect(state.detailZone == nil)
        #expect(state.detailView(width: 100, height: 20).zone == nil)
        let full = state.detailRows(width: 100)
        #expect(full.contains(.field(label: "Started", value: "Wed 22 Apr 2026 10:15:00 UTC+09:00")))
    }

    @Test func aCallWithoutAStartTimeTitlesItsDetailWithTheZoneAsItIsNow() throws {
        // New York: the offset differs between January and July, so the wall clock decides.
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let call = Call(id: "undated", direction: .inbound, startTime: nil, duration: 10)
        var state = PresentationTests.loaded([call], zone: zone)
        let july = try #require(UTCTimestamp.parse("2026-07-01 12:00:00"))
        let january = try #require(UTCTimestamp.parse("2026-01-15 12:00:00"))
        _ = BrowserReducer.reduce(&state, .tick, now: state.now, wallClock: july)
        #expect(state.detailView(width: 36, height: 20).zone == "UTC-04:00")
        _ = BrowserReducer.reduce(&state, .tick, now: state.now, wallClock: january)
        #expect(state.detailView(width: 36, height: 20).zone == "UTC-05:00", "not kept from the frame before")
        #expect(state.detailView(width: 36, height: 20).zone == state.detailZone)
    }
}
