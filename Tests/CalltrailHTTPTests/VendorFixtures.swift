import CalltrailModel
import CalltrailViewModel
import Foundation
@testable import CalltrailHTTP

/// Vendor payloads shaped like the vendors' documented examples, plus a field
/// neither vendor documents, to prove unknown fields survive.
enum VendorFixtures {
    static let skipcallCall = """
    {
      "id": "123e4567-e89b-12d3-a456-426614174000",
      "callType": "CALL_SESSION",
      "status": "completed",
      "type": "outbound",
      "startedAt": "2024-03-20T09:00:00.000Z",
      "endedAt": "2024-03-20T09:15:00.000Z",
      "createdAt": "2024-03-20T08:55:00.000Z",
      "contact": {"id": "123e4567-e89b-12d3-a456-426614174001", "firstName": "John", "lastName": "Doe", "isUnknown": false, "score": 7},
      "phoneNumber": {"value": "+33612345678"},
      "caller": {"firstName": "Alice", "lastName": "Martin"},
      "callerPhoneNumber": {"value": "+33698765432"},
      "phoneNumberId": "123e4567-e89b-12d3-a456-426614174002",
      "userProviderSid": "CA123456789",
      "adminProviderSid": "CA987654321",
      "providerConferenceId": "CF123456789",
      "transferred": false,
      "updatedAt": "2024-03-20T09:16:00.000Z",
      "sequenceRunId": "123e4567-e89b-12d3-a456-426614174003",
      "sequenceId": "123e4567-e89b-12d3-a456-426614174010",
      "syncedWithCrmDate": "2024-03-20T09:15:00.000Z",
      "deletedAt": null,
      "organizationId": "123e4567-e89b-12d3-a456-426614174004",
      "organizationMembershipId": "123e4567-e89b-12d3-a456-426614174005",
      "managedPhoneNumberId": "123e4567-e89b-12d3-a456-426614174006",
      "notes": "Call notes here",
      "sentiment": {"score": 0.8}
    }
    """

    static let nectarDeskCall = """
    {"calls": {
      "id": 981234,
      "is_inbound": true, "is_answered": true, "is_in_queue": false, "is_ended": true,
      "requested_callback": false, "is_answered_within_sla": true, "is_data_cached": false,
      "contact": {"id": 5501, "full_name": "Jane Cooper", "number_country_code": "1",
                  "national_number": "4155550123", "number": "14155550123", "list_ids": [3, 9]},
      "agents": [71, 72],
      "all_agents": [{"id": 1, "user_id": 71, "alias": "Sam", "sip": "sam@sip", "started_at": 1710925200,
                      "type": "agent", "is_any_transfer": false, "hangup_reason": "NORMAL_CLEARING"}],
      "answered_agents": [{"id": 1, "user_id": 71, "alias": "Sam", "sip": "sam@sip", "started_at": 1710925200,
                           "type": "agent", "is_any_transfer": false, "hangup_reason": ""}],
      "external_numbers": [{"number": "14155550999", "is_any_transfer": true}],
      "number": {"id": 12, "number": "18005550100", "numberWithAlias": "Sales (18005550100)", "alias": "Sales"},
      "started_at": 1710925200, "duration": 225, "talk_time": 200, "type": "answered",
      "original_call_id": 981200,
      "campaign": {"id": 4, "name": "Spring"}, "ring_group": {"id": 2, "name": "Sales team"}, "ivr": {"id": 8, "name": "Main IVR"},
      "disposition": {"id": 31, "code": "Interested", "note": "wants a viewing"},
      "recordings": [{"id": 77, "url": "https://rec.example/77.mp3"}],
      "tags": ["hot", "spring"],
      "queue_wait_seconds": 12
    }}
    """

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Every way of damaging one field that a careless or changed API might send.
    static let damagedValues: [JSONValue] = [
        .null, .bool(true), .integer(-1), .integer(Int64.max), .bigInteger("99999999999999999999"), .number(1e300),
        .number(-1e300), .string(""), .string("nan"), .string("1e300"), .string("\u{1B}[2J"), .array([]), .object([]),
    ]

    /// The payload with each top-level field removed, and replaced by each damaged value.
    static func mutations(of object: JSONValue, damaging values: [JSONValue] = damagedValues) -> [JSONValue] {
        guard case .object(let fields) = object else { return [] }
        var out: [JSONValue] = []
        for index in fields.indices {
            var removed = fields
            removed.remove(at: index)
            out.append(.object(removed))
            for damaged in values {
                var changed = fields
                changed[index].value = damaged
                out.append(.object(changed))
            }
        }
        return out
    }

    /// Formats every instant, number and duration of `call` the ways the commands and
    /// the screen do: where a hostile value that decoded would trap, if anywhere.
    static func renderEverywhere(_ call: Call) {
        let zone = TimeZone(identifier: "America/New_York") ?? .current
        var instants = [call.startTime, call.endTime].compactMap { $0 }
        for detail in call.details {
            switch detail.value {
            case .instant(let date): instants.append(date)
            case .money(let amount, _): _ = DisplayFormat.money(amount)
            case .number(let number): _ = DisplayFormat.money(number)
            case .duration(let seconds): _ = DisplayFormat.duration(seconds)
            default: break
            }
        }
        for date in instants {
            _ = UTCTimestamp.format(date)
            _ = ISO8601Timestamp.format(date)
            _ = DisplayFormat.instant(date, in: zone)
            _ = DisplayFormat.age(of: date, now: Date())
        }
        _ = DisplayFormat.duration(call.duration)
        _ = DisplayFormat.rating(call.rating)
    }
}
