import CalltrailModel
import Foundation
import Testing

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test func keepsKeyOrderAndExactIntegers() throws {
        let value = try parse(#" {"z":1,"a":[true,false,null],"id":9007199254740993,"big":123456789012345678901234,"n":-0.5e1} "#)
        #expect(value.compactJSON == #"{"z":1,"a":[true,false,null],"id":9007199254740993,"big":123456789012345678901234,"n":-5}"#)
        #expect(value["id"] == .integer(9_007_199_254_740_993))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#"["\u001b[2J","\ud83d\ude80","\"\\\/\b\f\n\r\t","高橋"]"#)
        #expect(value == .array([.string("\u{1B}[2J"), .string("🚀"), .string("\"\\/\u{08}\u{0C}\n\r\t"), .string("高橋")]))
    }

    @Test func refusesBadInputWithAnError() {
        let bad: [[UInt8]] = [
            [], Array("{".utf8), Array("[1,]".utf8), Array("{\"a\" 1}".utf8), Array("01".utf8), Array("1.".utf8),
            Array("\"\\ud800\"".utf8), Array("\"\\x\"".utf8), Array("tru".utf8),
            Array("\"a\nb\"".utf8), [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x28, 0x22], Array("[1] 2".utf8),
            Array(repeating: UInt8(ascii: "["), count: 100_000),
        ]
        for body in bad {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(body) }
        }
    }
}
