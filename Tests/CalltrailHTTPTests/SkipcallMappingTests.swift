import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailHTTP

@Suite struct SkipcallMappingTests {
    @Test func mapsEveryDocumentedField() throws {
        let call = try SkipcallMapping.call(from: VendorFixtures.json(VendorFixtures.skipcallCall))
        #expect(call.id == "123e4567-e89b-12d3-a456-426614174000")
        #expect(call.leadID == "123e4567-e89b-12d3-a456-426614174001")
        #expect(call.direction == .outbound)
        #expect(call.outcome == .other("completed"))
        #expect(call.startTime == ISO8601Timestamp.parse("2024-03-20T09:00:00Z"))
        #expect(call.duration == 900)
        #expect(call.note == "Call notes here")
        #expect(call.leadPhoneNumber == "+33612345678")
        #expect(call.userPhoneNumber == "+33698765432")
        #expect(call.isDeleted == false)
        let labels = Dictionary(uniqueKeysWithValues: call.details.map { ($0.key, $0) })
        #expect(labels["callType"]?.value == .text("CALL_SESSION"))
        #expect(labels["sequenceId"]?.value == .text("123e4567-e89b-12d3-a456-426614174010"))
        #expect(labels["organizationId"]?.value == .text("123e4567-e89b-12d3-a456-426614174004"))
        #expect(labels["caller"]?.value == .text("Alice Martin"))
        #expect(labels["contact"]?.value == .text("John Doe"))
        #expect(labels["userProviderSid"]?.value == .text("CA123456789"))
        #expect(labels["transferred"]?.value == .bool(false))
        // Unknown fields, also inside known objects, are kept.
        #expect(call.otherFields.map(\.key).sorted() == ["contact.score", "sentiment"])
        #expect(call.raw?["sentiment"]?["score"] == .number(0.8))
    }

    @Test func deletedCallsAreMarkedNotHidden() throws {
        let text = VendorFixtures.skipcallCall.replacingOccurrences(of: "\"deletedAt\": null", with: "\"deletedAt\": \"2024-03-21T10:00:00.000Z\"")
        let call = try SkipcallMapping.call(from: VendorFixtures.json(text))
        #expect(call.isDeleted)
        #expect(call.details.contains { $0.key == "deletedAt" && $0.value == .instant(Date(timeIntervalSince1970: 1_711_015_200)) })
    }

    @Test func unknownTypeAndStatusKeepTheirSpelling() throws {
        let text = VendorFixtures.skipcallCall
            .replacingOccurrences(of: "\"type\": \"outbound\"", with: "\"type\": \"internal\"")
            .replacingOccurrences(of: "\"status\": \"completed\"", with: "\"status\": \"no-answer\"")
        let call = try SkipcallMapping.call(from: VendorFixtures.json(text))
        #expect(call.direction == .other("internal"))
        #expect(call.outcome?.label == "no-answer")
    }

    @Test func endBeforeStartGivesNoDuration() throws {
        let text = VendorFixtures.skipcallCall.replacingOccurrences(of: "2024-03-20T09:15:00.000Z\",\n  \"createdAt", with: "2024-03-20T08:00:00.000Z\",\n  \"createdAt")
        let call = try SkipcallMapping.call(from: VendorFixtures.json(text))
        #expect(call.endTime != nil)
        #expect(call.duration == nil)
    }

    @Test func mutatedPayloadsGiveACallOrATypedError() throws {
        let original = try VendorFixtures.json(VendorFixtures.skipcallCall)
        var mapped = 0, refused = 0
        for payload in VendorFixtures.mutations(of: original) {
            do {
                let call = try SkipcallMapping.call(from: payload)
                VendorFixtures.renderEverywhere(call)
                // Nothing the API sent is lost: each top-level key is typed, detailed, or kept.
                if case .object(let fields) = payload {
                    for field in fields where !field.value.isNull {
                        let kept = call.otherFields.contains { $0.key == field.key } || call.raw?[field.key] == field.value
                        #expect(kept)
                    }
                }
                mapped += 1
            } catch {
                if case .badResponse = error { refused += 1 } else { Issue.record("unexpected \(error)") }
            }
        }
        #expect(mapped > 0 && refused > 0)
        for bad in [JSONValue.null, .array([]), .string("call"), .object([])] {
            #expect(throws: ProviderError.self) { try SkipcallMapping.call(from: bad) }
        }
    }

    @Test func wrongTypedKnownFieldsAreKeptAsOtherFields() throws {
        let text = VendorFixtures.skipcallCall.replacingOccurrences(of: "\"startedAt\": \"2024-03-20T09:00:00.000Z\"", with: "\"startedAt\": true")
        let call = try SkipcallMapping.call(from: VendorFixtures.json(text))
        #expect(call.startTime == nil)
        #expect(call.otherFields.contains { $0.key == "startedAt" && $0.value == .bool(true) })
    }

    @Test func mapsContactsAsLeads() throws {
        let lead = try SkipcallMapping.lead(from: VendorFixtures.json("""
            {"id": "550e8400-e29b-41d4-a716-446655440000", "firstName": "John", "lastName": "Doe", "allowPhoneCalls": false,
             "callCount": 5, "phoneNumbers": ["+33612345678"], "email": "john.doe@example.com",
             "createdAt": "2023-11-07T05:31:56Z", "lastCallAt": "2023-11-07T05:31:56Z", "role": "CTO"}
            """))
        #expect(lead.id == "550e8400-e29b-41d4-a716-446655440000")
        #expect(lead.displayName == "John Doe")
        #expect(lead.phones == ["+33612345678"])
        #expect(lead.cannotCall == true)
        #expect(lead.lastTouch == ISO8601Timestamp.parse("2023-11-07T05:31:56Z"))
        #expect(lead.otherFields.map(\.key).sorted() == ["callCount", "role"])
    }

    @Test func listBodiesAcceptTheUsualShapes() throws {
        let wrapped = try SkipcallMapping.listBody(VendorFixtures.json(#"{"data": [{"id": "a"}], "meta": {"total": 3}}"#), what: "list")
        #expect(wrapped.items.count == 1)
        #expect(wrapped.hasNextPage(itemsBefore: 0, pageSize: 1))
        #expect(!wrapped.hasNextPage(itemsBefore: 2, pageSize: 1))
        let bare = try SkipcallMapping.listBody(VendorFixtures.json(#"[{"id": "a"}, {"id": "b"}]"#), what: "list")
        #expect(bare.hasNextPage(itemsBefore: 0, pageSize: 2))
        #expect(!bare.hasNextPage(itemsBefore: 0, pageSize: 3))
        #expect(throws: ProviderError.self) { try SkipcallMapping.listBody(.object([JSONField("data", .string("x"))]), what: "list") }
    }
}
