import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailHTTP

@Suite struct NectarDeskMappingTests {
    @Test func unwrapsAndMapsEveryDocumentedField() throws {
        let call = try NectarDeskMapping.wrappedCall(from: VendorFixtures.json(VendorFixtures.nectarDeskCall))
        #expect(call.id == "981234")
        #expect(call.leadID == "5501")
        #expect(call.direction == .inbound)
        #expect(call.status == .completed)
        #expect(call.outcome == .other("Interested"))
        #expect(call.note == "wants a viewing")
        #expect(call.startTime == Date(timeIntervalSince1970: 1_710_925_200))
        #expect(call.endTime == Date(timeIntervalSince1970: 1_710_925_425))
        #expect(call.duration == 225)
        #expect(call.leadPhoneNumber == "+14155550123")
        #expect(call.userPhoneNumber == "+18005550100")
        let details = Dictionary(uniqueKeysWithValues: call.details.map { ($0.key, $0.value) })
        #expect(details["agents"] == .list(["71", "72"]))
        #expect(details["answered_agents"] == .list(["Sam <sam@sip> (user 71) · agent · joined 2024-03-20 09:00:00 UTC"]))
        #expect(details["all_agents"] == .list(["Sam <sam@sip> (user 71) · agent · joined 2024-03-20 09:00:00 UTC · NORMAL_CLEARING"]))
        #expect(details["ring_group"] == .text("Sales team (id 2)"))
        #expect(details["ivr"] == .text("Main IVR (id 8)"))
        #expect(details["campaign"] == .text("Spring (id 4)"))
        #expect(details["tags"] == .list(["hot", "spring"]))
        #expect(details["recordings"] == .list(["https://rec.example/77.mp3"]))
        #expect(details["talk_time"] == .duration(200))
        #expect(details["external_numbers"] == .list(["+14155550999 (transfer)"]))
        #expect(details["number.alias"] == .text("Sales (18005550100)"))
        #expect(call.otherFields.map(\.key) == ["queue_wait_seconds"])
    }

    @Test(arguments: [#""nan""#, #""inf""#, "1e300", "-1e300", #""1e999""#])
    func aStartThatIsNoTimeIsKeptAsItCameNotTrusted(_ hostile: String) throws {
        let text = VendorFixtures.nectarDeskCall.replacingOccurrences(of: "\"started_at\": 1710925200", with: "\"started_at\": \(hostile)")
        #expect(text != VendorFixtures.nectarDeskCall)
        let call = try NectarDeskMapping.wrappedCall(from: VendorFixtures.json(text))
        #expect(call.startTime == nil && call.endTime == nil)
        #expect(call.otherFields.contains { $0.key == "started_at" })
        #expect(UTCTimestamp.format(call.startTime ?? Date(timeIntervalSince1970: .nan)) == UTCTimestamp.invalidTime)
    }

    @Test(arguments: [(true, false, CallStatus.missed), (false, false, .noAnswer), (false, true, .completed)])
    func answeredMapsOntoStatus(inbound: Bool, answered: Bool, expected: CallStatus) throws {
        let text = VendorFixtures.nectarDeskCall
            .replacingOccurrences(of: "\"is_inbound\": true", with: "\"is_inbound\": \(inbound)")
            .replacingOccurrences(of: "\"is_answered\": true", with: "\"is_answered\": \(answered)")
        let call = try NectarDeskMapping.wrappedCall(from: VendorFixtures.json(text))
        #expect(call.status == expected)
        #expect(call.direction == (inbound ? .inbound : .outbound))
    }

    @Test func mutatedPayloadsGiveACallOrATypedError() throws {
        let wrapped = try VendorFixtures.json(VendorFixtures.nectarDeskCall)
        let inner = try #require(wrapped["calls"])
        var mapped = 0, refused = 0
        let innerWrapped = VendorFixtures.mutations(of: inner).map { JSONValue.object([JSONField("calls", $0)]) }
        for payload in VendorFixtures.mutations(of: inner) + innerWrapped + VendorFixtures.mutations(of: wrapped) {
            do {
                VendorFixtures.renderEverywhere(try NectarDeskMapping.wrappedCall(from: payload))
                mapped += 1
            } catch {
                if case .badResponse = error { refused += 1 } else { Issue.record("unexpected \(error)") }
            }
        }
        #expect(mapped > 0 && refused > 0)
        for bad in [JSONValue.null, .array([]), .object([JSONField("calls", .array([]))])] {
            #expect(throws: ProviderError.self) { try NectarDeskMapping.wrappedCall(from: bad) }
        }
    }

    @Test func mapsContactsAsLeads() throws {
        let lead = try NectarDeskMapping.lead(from: VendorFixtures.json(
            #"{"id": 5501, "full_name": "高橋 美咲", "number": "819012345678", "list_ids": [3]}"#))
        #expect(lead.id == "5501")
        #expect(lead.displayName == "高橋 美咲")
        #expect(lead.phones == ["+819012345678"])
        // The contact's lists are its segments on the lead card, no longer an unknown field.
        #expect(lead.segments == ["list 3"])
        #expect(lead.otherFields.isEmpty)
    }
}
