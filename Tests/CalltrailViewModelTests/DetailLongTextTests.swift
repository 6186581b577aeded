import CalltrailModel
import Foundation
import Testing

@testable import CalltrailViewModel

/// The detail with text that used to freeze it or got cut: long runs without
/// spaces, values of megabytes, long labels and ids wider than the value column.
/// Serialized, and the field 1 MiB here (10 MiB end to end in `BrowserLongTextTests`):
/// these are synchronous, and in parallel they would hold the shared test threads.
@Suite(.serialized) struct DetailLongTextTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static func rows(_ call: Call, width: Int) -> [DetailRow] {
        CallDetailRows.rows(for: call, width: width, zone: utc)
    }

    static func texts(_ rows: [DetailRow]) -> [String] {
        rows.compactMap { if case .text(let line) = $0 { line } else { nil } }
    }

    @Test func aLongRunWithoutSpacesWrapsWholeByColumns() {
        let note = String(repeating: "長い通話記録", count: 5_000)  // 30,000 wide characters
        let lines = DisplayText.wrap(note, to: 35)
        #expect(lines.allSatisfy { DisplayText.width($0) <= 35 })
        #expect(lines.count == (30_000 + 16) / 17)  // 17 characters (34 columns) a line: a wide one does not fit the 35th
        #expect(lines.joined() == note)
        // The old rules still hold around it.
        #expect(DisplayText.wrap("ab " + String(repeating: "x", count: 10) + " cd", to: 4) == ["ab", "xxxx", "xxxx", "xx", "cd"])
        #expect(DisplayText.wrap("abcdefghij k", to: 4) == ["abcd", "efgh", "ij k"])
    }

    @Test func theHugeNoteIsShownWholeWithinItsLimit() {
        let note = String(repeating: "長い通話記録", count: 5_000)
        let rows = Self.rows(Call(id: "1", note: note), width: 36)
        #expect(Self.texts(rows).joined() == note)
    }

    @Test func aMegabyteFieldIsCutWithAMarkerNamingTheWholeValue() throws {
        let huge = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB without a space
        let call = Call(id: "200612", details: [CallDetail(key: "transcript", label: "Transcript", value: .text(huge))],
                        otherFields: [JSONField("transcriptBlob", .string(huge)),
                                      JSONField("nested", .object([JSONField("parts", .array([.string(huge), .string(huge)]))]))])
        let rows = Self.rows(call, width: 36)
        var byLabel: [String: String] = [:]
        var current = ""
        for row in rows {
            guard case .field(let label, let value) = row else { continue }
            if !label.isEmpty { current = label }
            // Wrapping drops the spaces it breaks at: compare without any.
            byLabel[current, default: ""] += value.replacingOccurrences(of: " ", with: "")
        }
        let transcript = try #require(byLabel["Transcript"])
        #expect(transcript.hasPrefix("0123456789abcdef"))
        #expect(transcript.utf8.count < DetailValueCut.fieldBytes + 200)
        #expect(transcript.contains("[cutfordisplay:1,048,576bytesinall;calltrailcall200612--formatjsonprintsitwhole]"))
        let blob = try #require(byLabel["transcriptBlob"])
        #expect(blob.hasPrefix("\"0123456789abcdef") && blob.hasSuffix("[cutfordisplay:1,048,576bytesinall;calltrailcall200612--formatjsonprintsitwhole]"), "one marker, the JSON one")
        let nested = try #require(byLabel["nested"])
        #expect(nested.hasPrefix(#"{"parts":["0123"#) && nested.contains("cutfordisplay"))
        // Three cut values of about 4 KB in a 17-column value column, not 1 MiB / 17 each.
        #expect(rows.count < 3 * (DetailValueCut.fieldBytes / 17 + 10) + 30, "a huge field costs a bounded number of rows")
    }

    @Test func aBoundedJSONPrefixIsTheStartOfTheWholeText() {
        let value = JSONValue.object([
            JSONField("a", .array([.integer(1), .string("two \"quoted\"\n"), .null])),
            JSONField("b", .object([JSONField("c", .bool(true)), JSONField("d", .string(String(repeating: "é", count: 50)))])),
        ])
        let whole = value.compactJSON
        #expect(value.compactJSONPrefix(maximumUTF8: 10_000) == (whole, true))
        for budget in [1, 5, 17, 40, 80, whole.utf8.count / 2] {
            let (text, complete) = value.compactJSONPrefix(maximumUTF8: budget)
            #expect(!complete, "budget \(budget)")
            #expect(whole.hasPrefix(text) && text.count < whole.count, "budget \(budget): \(text)")
            #expect(text.utf8.count >= min(budget, 1), "budget \(budget): nothing written")
        }
    }

    @Test func longLabelsAreNotCut() {
        let call = Call(id: "1", details: [
            CallDetail(key: "callbackAt", label: "Requested callback", value: .text("Tue 17 Nov 10:00")),
            CallDetail(key: "x", label: "Disposition reason code", value: .text("7")),
        ])
        for width in [36, 60, 118] {
            let rows = Self.rows(call, width: width)
            let labels = rows.compactMap { if case .field(let label, _) = $0 { label } else { nil } }.filter { !$0.isEmpty }
            #expect(!labels.contains { $0.contains("…") }, "width \(width): \(labels)")
            let joined = labels.joined(separator: " ")
            #expect(joined.contains("Requested callback") || joined.contains("Requested") && joined.contains("callback"))
            #expect(labels.allSatisfy { DisplayText.width($0) <= DetailRow.labelWidth(of: rows) })
            let column = DetailRow.labelWidth(of: rows)
            for row in rows {
                if case .field(_, let value) = row { #expect(DisplayText.width(value) <= width - 3 - column) }
            }
        }
        // With room (the full-screen detail), a label takes one row.
        #expect(Self.rows(call, width: 118).contains(.field(label: "Requested callback", value: "Tue 17 Nov 10:00")))
    }

    @Test func idsAreNeverBrokenInTheMiddle() {
        let uuid = "3f2b8c1e-9a4d-4e7b-8f1a-2c6d9e0b5a17"
        let call = Call(id: CallID(uuid), leadID: LeadID("lead-" + uuid), leadPhoneNumber: "+44 20 7123 4567",
                        details: [CallDetail(key: "recordingUrl", label: "Recording",
                                             value: .text("https://records.example.com/r/" + uuid))])
        for width in [44, 60] {
            let rows = Self.rows(call, width: width)
            let all = rows.map { row -> String in
                switch row {
                case .field(_, let value): return value
                case .fullWidthValue(let value): return value
                default: return ""
                }
            }
            for id in [uuid, "lead-" + uuid] where DisplayText.width(id) <= width - 2 {
                #expect(all.contains { $0.contains(id) }, "width \(width): \(id) broken in \(all)")
            }
        }
        // The id goes under its label, at full width.
        let rows = Self.rows(call, width: 44)
        let index = rows.firstIndex(of: .field(label: "Call id", value: "")) ?? -1
        #expect(index >= 0 && rows[index + 1] == .fullWidthValue(uuid))
    }

    @Test func theSameCallAndWidthGiveTheSameRowsFromTheCache() {
        let call = Call(id: "5", note: String(repeating: "ab ", count: 2_000))
        let first = Self.rows(call, width: 40)
        #expect(Self.rows(call, width: 40) == first)
        var changed = call
        changed.note = "other"
        #expect(Self.rows(changed, width: 40) != first, "a changed call is not served from the cache")
        #expect(Self.rows(call, width: 41) != first)
    }
}
