import CalltrailModel
import CalltrailProviders
import Testing
@testable import CalltrailHTTP

/// Vendor values as a person should read them: Lofty's rateScore 0 is "not
/// rated", its elapsedTime a duration like every other; NectarDesk says "Ended" once.
@Suite struct DetailValueMappingTests {
    static func lofty(_ fields: String) throws -> Call {
        try LoftyCallDecoder.single(from: Array(#"{"id": 5, "dialerCallRecordId": 9, \#(fields)}"#.utf8))
    }

    @Test func loftyRateScoreZeroIsNotARating() throws {
        #expect(try Self.lofty(#""rateScore": 0"#).rating == nil)
        #expect(try Self.lofty(#""rateScore": 4"#).rating == 4)
        let unrated = try Self.lofty(#""rateScore": 0"#)
        #expect(unrated.raw?["rateScore"] == .integer(0), "the raw object keeps what was sent")
        #expect(unrated.otherFields.isEmpty)
    }

    @Test func loftyElapsedTimeIsADurationWhenItReadsAsOne() throws {
        func elapsed(_ text: String) throws -> CallDetailValue? {
            try Self.lofty(#""elapsedTime": "\#(text)""#).details.first { $0.key == "elapsedTime" }?.value
        }
        #expect(try elapsed("00:04") == .duration(4))
        #expect(try elapsed("01:30") == .duration(90))
        #expect(try elapsed("1:02:03") == .duration(3_723))
        #expect(try elapsed("4s") == .text("4s"))
        #expect(try elapsed("00:75") == .text("00:75"))
        #expect(try elapsed("::") == .text("::"))
    }

    static func nectarDesk(isEnded: String, duration: String = #""duration": 22,"#) throws -> Call {
        try NectarDeskMapping.call(from: JSONValue.parse(Array(
            #"{"id": 1, "started_at": 1790000000, \#(duration) "is_ended": \#(isEnded), "is_answered": true}"#.utf8)))
    }

    @Test func nectarDeskSaysEndedOnce() throws {
        let ended = try Self.nectarDesk(isEnded: "true")
        #expect(ended.endTime != nil)
        #expect(!ended.details.contains { $0.key == "is_ended" }, "the end time already says it")
        let noDuration = try Self.nectarDesk(isEnded: "true", duration: "")
        #expect(noDuration.endTime == nil)
        #expect(noDuration.details.filter { $0.label == "Ended" }.map(\.value) == [.bool(true)])
        let running = try Self.nectarDesk(isEnded: "false")
        #expect(running.endTime == nil, "a call not over has no end")
        #expect(running.details.contains { $0.label == "In progress" && $0.value == .bool(true) })
        #expect(!running.details.contains { $0.label == "Ended" })
    }
}
