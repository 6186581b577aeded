import Foundation
import Testing
@testable import CalltrailModel

@Suite struct RepresentableInstantTests {
    static let hostile: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 253_402_300_800]

    @Test func formattersNeverTrapOnTimesNoOneMeans() {
        for seconds in Self.hostile {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(!date.isRepresentable)
            #expect(UTCTimestamp.format(date) == UTCTimestamp.invalidTime)
            #expect(ISO8601Timestamp.format(date) == UTCTimestamp.invalidTime)
            #expect(Date(representableUnixSeconds: seconds) == nil)
        }
        #expect(Date(representableUnixSeconds: 1_776_852_900) != nil)
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31 23:59:59")
    }
}
