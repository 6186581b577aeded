import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import CalltrailViewModel
import Foundation
import Testing

@testable import CalltrailHTTP
@testable import CalltrailTerminal
@testable import calltrail

/// Generated and mutated bodies (numbers, ids, times, nesting, sizes, duplicate
/// keys) through decoding, every formatter of the commands and the browser's frame
/// building. Deterministic (seeded), and each case bounded in time: a case that
/// traps, hangs or loses a record fails.
@MainActor @Suite struct HostileBodyFuzzTests {
    /// SplitMix64: the same cases on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Raw JSON texts a hostile server may put where a value goes.
    static let hostileValues: [String] = [
        "null", "true", "0", "-1", "1e400", "-1e400", "1.5e-400", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890", "0.1", "\"\"", "\"12345\"", "\"0000-00-00 00:00:00\"",
        "\"0000-01-01 00:00:00\"", "\"2026-04-22 10:15:00\"", "\"2026-04-22T10:15:00Z\"", "\"2026-04-22T10:15:00.123+02:00\"",
        "\"2026-04-22 10:15:00.5\"", "1776852900", "1776852900000", "\"1776852900\"", "\"1776852900000\"", "\"9999-12-31 23:59:59\"",
        "\"\\u001b[2J\\u0007\"", "\"高橋\\u200b美咲🚀\"", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
        "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}", "\"" + String(repeating: "長", count: 30_000) + "\"",
        "\"" + String(repeating: "x", count: 200_000) + "\"",
    ]

    static let keys = [
        "id", "leadId", "direction", "status", "callingOutcome", "startTime", "endTime", "duration", "rateScore",
        "note", "leadPhoneNumber", "userPhoneNumber", "dialerCallRecordId", "price", "createTime", "unknownField",
    ]

    /// One call object as text: a known-good base with some values replaced and
    /// some keys sent twice (the second value must win everywhere).
    static func callText(_ rng: inout Generator, id: Int) -> (text: String, duplicated: [String: String]) {
        var fields: [(String, String)] = [
            ("id", "\(9_000_000 - id)"), ("leadId", "100001"), ("direction", "\"Outbound\""), ("status", "\"Completed\""),
            ("callingOutcome", "\"Talked\""), ("startTime", "\"2026-04-22 10:15:00\""), ("duration", "61"),
            ("rateScore", "4"), ("note", "\"hello\""), ("dialerCallRecordId", "\(7_000_000 + id)"),
        ]
        var duplicated: [String: String] = [:]
        for _ in 0..<Int(rng.next() % 4) {
            let key = rng.pick(keys)
            let value = rng.pick(hostileValues)
            if let index = fields.firstIndex(where: { $0.0 == key }), rng.next() % 2 == 0 {
                fields[index].1 = value
            } else {
                fields.append((key, value))
            }
        }
        if rng.next() % 3 == 0 {
            let key = rng.pick(["note", "status", "unknownField", "duration"])
            let second = rng.pick(["\"second\"", "7", "null"])
            fields.append((key, second))
            duplicated[key] = second
        }
        let text = "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        return (text, duplicated)
    }

    /// Calls one page at a time, as the fuzz generated them.
    final class FixedProvider: CallProvider {
        let descriptor = ProviderDescriptor(
            name: "Fuzz", accountLabel: nil, outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 100)
        let calls: [Call]
        init(calls: [Call]) { self.calls = calls }
        func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
            LeadPage(leads: [Lead(id: "F", firstName: "Fuzz", lastName: "Lead")], next: nil)
        }
        func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
            CallPage(calls: calls, next: nil)
        }
        func call(id: CallID) async throws -> Call { calls.first { $0.id == id } ?? Call(id: id) }
    }

    @Test func generatedAndMutatedBodiesDecodeFormatAndDrawInBoundedTime() async throws {
        var rng = Generator(state: 0xCA11_7EA1)
        let clock = ContinuousClock()
        for round in 0..<40 {
            let started = clock.now
            let count = 1 + Int(rng.next() % 12)
            let generated = (0..<count).map { Self.callText(&rng, id: round * 100 + $0) }
            // Sometimes the records sit under a repeated "calls" key: the last list wins.
            var body = "{\"calls\":[" + generated.map(\.text).joined(separator: ",") + "]}"
            if round % 7 == 3 { body = "{\"calls\":[{\"id\":1}]," + body.dropFirst() }
            let calls = try LoftyCallDecoder.page(from: Array(body.utf8))
            // Record by record: every record comes back, readable or not.
            #expect(calls.count == count, "round \(round)")
            for (call, source) in zip(calls, generated) {
                for (key, value) in source.duplicated {
                    let last = try JSONValue.parse(Array(value.utf8))
                    #expect(call.raw?[key] == last, "round \(round): the last \(key) wins in raw")
                    if case .object(let fields)? = call.raw { #expect(fields.filter { $0.key == key }.count == 1) }
                }
                if call.unreadable == nil, let note = source.duplicated["note"], note == "\"second\"" {
                    #expect(call.note == "second")
                }
                for format in [OutputFormat.table, .json, .csv] {
                    let line = CallFormatting.line(call, format, width: 100, idWidth: 12)
                    #expect(!line.contains("invalidT"), "round \(round): \(line.prefix(200))")
                    if format == .json {
                        // Each line is JSON a script can read back.
                        #expect((try? JSONValue.parse(Array(line.dropLast().utf8))) != nil, "round \(round)")
                    }
                }
                #expect(!CallFormatting.detailLines(call).contains("invalidT"))
            }
            // And the browser draws them: list, detail of each, at two sizes.
            let browser = Browser(provider: FixedProvider(calls: calls), settings: BrowserSettings(
                pageSize: 100, timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current, initialLead: "F"))
            browser.send(.resize(rows: 30, columns: 120))
            browser.start()
            #expect(await browser.wait { $0.timeline?.pending == nil && !($0.timeline?.lines.isEmpty ?? true) })
            browser.send(.focus(.calls))
            for _ in 0..<count {
                for (width, height) in [(120, 30), (50, 12)] {
                    var scroll = ScrollState()
                    _ = FrameRenderer().render(
                        BrowserFrameBuilder.frame(browser.state, width: width, height: height),
                        width: width, height: height, scroll: &scroll)
                }
                browser.send(.moveDown)
            }
            let elapsed = clock.now - started
            // A hang guard, not a speed claim: a case that takes this long is stuck.
            #expect(elapsed < .seconds(20), "round \(round) took \(elapsed)")
        }
    }

    @Test func everyPlausibleTimeFormatReadsToTheSameInstant() {
        var rng = Generator(state: 42)
        for _ in 0..<500 {
            // From 1973: before it, epoch milliseconds are indistinguishable from seconds.
            let seconds = 100_000_000 + Int64(rng.next() % 3_900_000_000)
            let date = Date(timeIntervalSince1970: Double(seconds))
            let plain = UTCTimestamp.format(date)
            let iso = plain.replacingOccurrences(of: " ", with: "T")
            let forms: [JSONValue] = [
                .string(plain), .string(iso + "Z"), .string(iso + ".000Z"), .string(iso + "+00:00"),
                .string(plain + ".0"), .integer(seconds), .integer(seconds * 1000), .string(String(seconds)),
                .string(String(seconds * 1000)), .number(Double(seconds)),
            ]
            for form in forms {
                #expect(VendorTimestamp.parse(form) == date, "\(form) for \(plain)")
            }
            let shifted = VendorTimestamp.parse(.string(iso + "-02:30"))
            #expect(shifted == date.addingTimeInterval(9_000))
        }
        for never in ["0000-01-01 00:00:00", "0000-00-00 00:00:00", "10000-01-01 00:00:00", "nan", "inf", "1e400", ""] {
            #expect(VendorTimestamp.parse(.string(never)) == nil, "\(never)")
        }
    }

    @Test func specAllowedEmptyBodiesAreEmptyPages() throws {
        for body in ["{}", "{\"calls\": null}", "{\"calls\": []}"] {
            #expect(try LoftyCallDecoder.page(from: Array(body.utf8)).isEmpty)
        }
        let unreadable = try LoftyCallDecoder.page(from: Array(#"{"calls":[{"id":"12"},{"id":5,"x":1e400},7]}"#.utf8))
        #expect(unreadable.map { $0.unreadable != nil } == [true, false, true])
        #expect(unreadable[1].otherFields.first?.value == .bigInteger("1e400"))
        #expect(CallFormatting.line(unreadable[0], .json, width: 80, idWidth: 12).contains(#""unreadable":"#))
    }
}
