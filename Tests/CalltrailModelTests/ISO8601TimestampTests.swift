import Foundation
import Testing
@testable import CalltrailModel

@Suite struct ISO8601TimestampTests {
    @Test func parsesMillisecondsAndZ() throws {
        let date = try #require(ISO8601Timestamp.parse("2024-03-20T09:00:00.250Z"))
        #expect(date.timeIntervalSince1970 == 1_710_925_200.25)
        #expect(ISO8601Timestamp.format(date) == "2024-03-20T09:00:00.250Z")
    }

    @Test func parsesWithoutFractionAndWithOffsets() throws {
        let utc = try #require(ISO8601Timestamp.parse("2024-03-20T09:00:00Z"))
        #expect(ISO8601Timestamp.parse("2024-03-20T11:00:00+02:00") == utc)
        #expect(ISO8601Timestamp.parse("2024-03-20T04:30:00-0430") == utc)
    }

    @Test(arguments: ["", "2024-03-20", "2024-03-20 09:00:00Z", "2024-03-20T09:00:00", "2024-03-20T09:00:00.Z",
                      "2024-03-20T09:00:00.000", "2024-03-20T09:00:00.000Zjunk", "2024-02-30T09:00:00Z",
                      "2024-03-20T09:00:00+2", "2024-03-20T09:00:00+25:00"])
    func rejectsMalformedInstants(_ text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }
}
