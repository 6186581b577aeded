import CalltrailModel
import Foundation
import Testing

@testable import CalltrailViewModel

/// List rows are formatted once per call, and again when the call changes.
@Suite struct CallRowCacheTests {
    let zone = TimeZone(identifier: "UTC") ?? .current

    @Test func aRowIsTheRowFormattedAfreshSelectedOrNot() {
        let call = Call(id: "row-1", outcome: .talked, note: "first note")
        for selected in [false, true, false] {
            let cached = CallRowCache.shared.row(for: call, zone: zone, lead: "", isSelected: selected)
            #expect(cached == CallRow(call: call, isSelected: selected, zone: zone))
        }
    }

    @Test func aCallThatChangedUnderTheSameIDIsFormattedAgain() {
        let before = Call(id: "row-2", outcome: .noAnswer, note: "before")
        let after = Call(id: "row-2", outcome: .talked, note: "after")
        _ = CallRowCache.shared.row(for: before, zone: zone, lead: "", isSelected: false)
        let row = CallRowCache.shared.row(for: after, zone: zone, lead: "", isSelected: false)
        #expect(row.note == "after")
        #expect(row.outcome == .talked)
    }

    @Test func anotherZoneOrLeadNameIsAnotherRow() {
        let call = Call(id: "row-3", startTime: Date(timeIntervalSince1970: 1_700_000_000))
        let utc = CallRowCache.shared.row(for: call, zone: zone, lead: "", isSelected: false)
        let tokyo = CallRowCache.shared.row(for: call, zone: TimeZone(identifier: "Asia/Tokyo") ?? zone, lead: "", isSelected: false)
        #expect(utc.time != tokyo.time)
        let named = CallRowCache.shared.row(for: call, zone: zone, lead: "Jane Cooper", isSelected: false)
        #expect(named.lead == "Jane Cooper")
    }
}
