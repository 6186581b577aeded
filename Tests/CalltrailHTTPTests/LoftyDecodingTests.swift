import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// Decoding never traps: every mutation of real payloads gives a value or a typed error.
@Suite struct LoftyDecodingTests {
    static let sample: JSONValue = {
        let data = LoftyStubData()
        return data.leads[1].calls[0]
    }()

    static let replacements: [JSONValue] = [
        .null, .bool(true), .integer(0), .integer(-1), .integer(Int64.max), .integer(Int64.min),
        .bigInteger("123456789012345678901234567890"), .number(1e308), .number(-0.5), .string(""),
        .string("not a time"), .string("9999-99-99 99:99:99"), .array([]), .object([]),
        .string(String(repeating: "x", count: 10_000)),
    ]

    /// Every field removed, and every field replaced by every odd value.
    static func mutations() -> [JSONValue] {
        VendorFixtures.mutations(of: sample, damaging: replacements)
    }

    @Test func mutatedCallsDecodeOrFailTyped() throws {
        var decoded = 0
        var refused = 0
        for mutation in Self.mutations() {
            let body = Array(JSONValue.object([JSONField("calls", .array([mutation]))]).compactJSON.utf8)
            do {
                let calls = try LoftyCallDecoder.page(from: body)
                #expect(calls.count == 1)
                VendorFixtures.renderEverywhere(calls[0])
                if calls[0].unreadable != nil {
                    // Refused, but kept whole: the record as sent is its raw.
                    #expect(calls[0].raw == mutation)
                    refused += 1
                    continue
                }
                // Nothing the API sent is lost: typed, detailed, or kept as other.
                if case .object(let fields) = mutation {
                    for field in fields where !field.value.isNull {
                        let kept = LoftyCallDecoder.typedKeys.contains(field.key)
                            || calls[0].details.contains { $0.key == field.key }
                            || calls[0].otherFields.contains { $0.key == field.key }
                        #expect(kept, "field \(field.key) was lost")
                    }
                }
                decoded += 1
            } catch {
                refused += 1
            }
        }
        #expect(decoded > 300)
        // Only mutations of "id" may be refused.
        #expect(refused <= Self.replacements.count + 1)
    }

    @Test func truncatedAndCorruptBodiesFailTyped() {
        let full = Array(JSONValue.object([JSONField("calls", .array([Self.sample, Self.sample]))]).compactJSON.utf8)
        var bodies: [[UInt8]] = (0..<full.count).map { Array(full.prefix($0)) }
        // Invalid UTF-8 inside a string value.
        let note = Array(#""note":""#.utf8)
        if let at = (0..<full.count - note.count).first(where: { Array(full[$0..<$0 + note.count]) == note }) {
            bodies.append(Array(full.prefix(at + note.count)) + [0xFF, 0xFE] + Array(full.dropFirst(at + note.count)))
        }
        bodies.append(Array(full.prefix(40)) + [0xC3, 0x28] + Array(full.dropFirst(40)))
        bodies.append(Array(#"{"calls":[{"id":1e400}]}"#.utf8))
        bodies.append(Array(#"{"calls":[{"id":123456789012345678901234567890}]}"#.utf8))
        bodies.append(Array(#"{"calls":{"id":1}}"#.utf8))
        bodies.append(Array(#"[1,2,3]"#.utf8))
        bodies.append(Array(#""PERMISSION_DENIED""#.utf8))
        for body in bodies {
            do {
                _ = try LoftyCallDecoder.page(from: body)
            } catch {
                #expect(!error.message.isEmpty)
            }
            do {
                _ = try LoftyCallDecoder.single(from: body)
            } catch {
                #expect(!error.message.isEmpty)
            }
            do {
                _ = try LoftyLeadDecoder.page(from: body)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        #expect(throws: ProviderError.self) { try LoftyCallDecoder.page(from: Array(full.prefix(full.count - 1))) }
    }

    @Test func idsKeepEveryDigit() throws {
        let body = Array(#"{"calls":[{"id":9007199254740993,"leadId":9223372036854775807,"duration":5}]}"#.utf8)
        let call = try #require(try LoftyCallDecoder.page(from: body).first)
        #expect(call.id.rawValue == "9007199254740993")
        #expect(call.leadID?.rawValue == "9223372036854775807")
        #expect(call.isManual)
        #expect(call.status == nil)
    }

    @Test func wrongTypesGoToOtherFieldsNotToZero() throws {
        let body = Array(#"{"id":5,"duration":"3:45","status":7,"price":"free","startTime":"yesterday"}"#.utf8)
        let call = try LoftyCallDecoder.single(from: body)
        #expect(call.duration == nil && call.status == nil && call.startTime == nil)
        #expect(call.otherFields.map(\.key) == ["duration", "status", "price", "startTime"], "in the order sent")
    }

    @Test func leadsReadEitherMetadataKeyAndKeepUnknownFields() throws {
        let spec = Array(#"{"leads":[{"leadId":7,"firstName":"Ann","phones":[{"phone":"+15550001"}],"stage":"Hot","lastTouch":1700000000000,"pondId":3}],"get_metadata":{"total":41}}"#.utf8)
        let (leads, total) = try LoftyLeadDecoder.page(from: spec)
        #expect(total == 41)
        #expect(leads.first?.phones == ["+15550001"])
        #expect(leads.first?.stage == "Hot")
        #expect(leads.first?.otherFields.map(\.key) == ["pondId"])
        #expect(leads.first?.lastTouch == Date(timeIntervalSince1970: 1_700_000_000))
        let prose = Array(#"{"leads":[],"_metadata":{"total":0}}"#.utf8)
        #expect(try LoftyLeadDecoder.page(from: prose).total == 0)
        #expect(throws: ProviderError.self) { try LoftyLeadDecoder.page(from: Array(#"{"leads":[{"firstName":"x"}]}"#.utf8)) }
    }
}
