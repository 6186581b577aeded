import Foundation
import Testing
@testable import CalltrailModel

@Suite struct UTCTimestampTests {
    @Test func parsesLoftyTimesAsUTC() throws {
        let date = try #require(UTCTimestamp.parse("2026-04-22 10:15:00"))
        #expect(date.timeIntervalSince1970 == 1_776_852_900)
        #expect(UTCTimestamp.format(date) == "2026-04-22 10:15:00")
    }

    @Test(arguments: ["", "2026-04-22", "2026-13-01 00:00:00", "2026-02-30 00:00:00", "2026-04-22 24:00:00",
                      "2026-04-22 10:15:0x", "2026/04/22 10:15:00", "２０２６-04-22 10:15:00"])
    func rejectsMalformedTimes(_ text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
    }

    @Test func roundTripsAcrossLeapYears() throws {
        for text in ["2024-02-29 23:59:59", "2000-02-29 00:00:00", "1970-01-01 00:00:00", "2099-12-31 12:00:00"] {
            let date = try #require(UTCTimestamp.parse(text))
            #expect(UTCTimestamp.format(date) == text)
        }
        #expect(UTCTimestamp.parse("2100-02-29 00:00:00") == nil)
    }
}
