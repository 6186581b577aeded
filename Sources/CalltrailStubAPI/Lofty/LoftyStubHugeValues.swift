import CalltrailModel
import Foundation

/// Opt-in data (`calltrail-stub-api --lofty-huge-values`) for the browser's
/// long-text cases, kept out of the default data so lead counts stay as they are:
///
/// - lead 100061 "Long Text": 2 calls. The newest, 200612, has a 30,000-character
///   CJK note without a single space and an unknown field `transcriptBlob` of
///   10 MiB (no spaces either); 200611 is an ordinary call.
extension LoftyStubData {
    public static let hugeValuesLead: Int64 = 100061
    public static let hugeValuesCall: Int64 = 200612
    public static let hugeNoteCharacters = 30_000
    public static let hugeFieldBytes = 10 * 1_048_576

    /// The note: CJK ideographs cycling through a short sentence, no spaces or line breaks.
    public static var hugeNote: String {
        let sentence = Array("長い通話記録の要約を表示します改行も空白もない文章です")
        return String((0..<hugeNoteCharacters).map { sentence[$0 % sentence.count] })
    }

    /// The field: printable ASCII without spaces, starting with a recognisable word.
    public static var hugeField: String {
        let unit = "TRANSCRIPT-" + String(repeating: "0123456789abcdef", count: 63) + "-"
        var text = ""
        text.reserveCapacity(hugeFieldBytes)
        while text.utf8.count + unit.utf8.count <= hugeFieldBytes { text += unit }
        text += String(repeating: "z", count: hugeFieldBytes - text.utf8.count)
        return text
    }

    static func hugeValuesRecord(newest: Date, rng: inout SplitMix64) -> LeadRecord {
        let lead = hugeValuesLead
        let phone = "+14155550161"
        let ordinary = dialerCall(id: hugeValuesCall - 1, lead: lead, phone: phone,
                                  start: newest.addingTimeInterval(-7_200), outcome: "Talked", rng: &rng)
        let huge = appending(
            replacing(dialerCall(id: hugeValuesCall, lead: lead, phone: phone,
                                 start: newest.addingTimeInterval(-3_600), outcome: "Talked", rng: &rng),
                      ["note": .string(hugeNote)]),
            [JSONField("transcriptBlob", .string(hugeField))])
        let calls = [huge, ordinary]
        let json = JSONValue.object([
            JSONField("leadId", .integer(lead)), JSONField("firstName", .string("Long")),
            JSONField("lastName", .string("Text")), JSONField("phones", .array([.string(phone)])),
            JSONField("emails", .array([.string("lead\(lead)@example.com")])),
            JSONField("lastTouch", huge["startTime"] ?? .null), JSONField("createTime", .string("2024-03-01 09:00:00")),
            JSONField("cannotCall", .bool(false)), JSONField("stage", .string("Active")),
        ])
        return LeadRecord(json: json, id: lead, calls: calls, callIDs: [hugeValuesCall, hugeValuesCall - 1])
    }
}
