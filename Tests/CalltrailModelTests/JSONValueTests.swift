import Foundation
import Testing
@testable import CalltrailModel

@Suite struct JSONValueTests {
    @Test func keepsIntegersAbove2To53Exactly() throws {
        let data = Data(#"{"id": 9007199254740993, "big": 18446744073709551615, "f": 1.5, "s": "x", "n": null}"#.utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(value["id"] == .integer(9_007_199_254_740_993))
        #expect(value["big"] == .bigInteger("18446744073709551615"))
        #expect(value["f"] == .number(1.5))
        #expect(value["n"]?.isNull == true)
        #expect(value.compactJSON.contains("9007199254740993"))
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func quotesControlCharacters() {
        #expect(JSONValue.string("a\u{1B}[2J\n").compactJSON == #""a\u001b[2J\n""#)
    }

    @Test func outcomesKeepUnknownValues() {
        #expect(CallOutcome(rawValue: "Talked") == .talked)
        #expect(CallOutcome(rawValue: "LeftGroupMessage") == .other("LeftGroupMessage"))
        #expect(CallOutcome(rawValue: "LeftGroupMessage").rawValue == "LeftGroupMessage")
        #expect(CallOutcome(argument: "no-answer") == .noAnswer)
        #expect(CallOutcome(argument: "VoiceMessage") == .voiceMessage)
    }
}
