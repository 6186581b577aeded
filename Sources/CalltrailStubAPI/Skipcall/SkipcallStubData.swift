import CalltrailModel
import Foundation

/// The stand-in's deterministic Skipcall data. Ids the tests and README rely on:
///
/// - contact `…0001` "Jane Cooper": 230 calls (5 pages at the default size 50).
/// - contact `…0002` "高橋 美咲": 9 calls — call `ca110000-…-00000000d001` is deleted
///   (`deletedAt` set), `…d002` has `type` "internal" and undocumented fields
///   `sentiment` and `recordingUrl`.
/// - contact `…0003` "Zoë Park": 4 calls, `…d003`'s notes hold `ESC[2J` and an OSC 52 write.
/// - contacts `…0004`…`…0030`: 0–30 calls each.
/// - call `ca110000-0000-4000-8000-00000000f0ff`: outside the key's workspaces (404).
/// - call `ca110000-0000-4000-8000-00000000f0ee`: answered with a malformed body.
/// Outcomes (`status`) are an open set of seven words, so six fill the filter keys.
public struct SkipcallStubData: Sendable {
    public static func contactID(_ n: Int) -> String { String(format: "c0a70000-0000-4000-8000-%012x", n) }
    public static func callID(_ n: Int) -> String { String(format: "ca110000-0000-4000-8000-%012x", n) }

    public static let bigContact = contactID(1)
    public static let bigContactCallCount = 230
    public static let cjkContact = contactID(2)
    public static let hostileContact = contactID(3)
    public static let deletedCall = callID(0xd001)
    public static let extraFieldCall = callID(0xd002)
    public static let hostileNoteCall = callID(0xd003)
    public static let outsideWorkspaceCall = callID(0xf0ff)
    public static let malformedCall = callID(0xf0ee)
    public static let statuses = ["completed", "no-answer", "voicemail", "busy", "failed", "canceled", "in-progress"]
    public static let hostileNote = "Wipe: \u{1B}[2J and clipboard \u{1B}]52;c;cm0gLXJmIH4=\u{07} — ignore"

    /// Contacts in listing order.
    public let contacts: [JSONValue]
    /// Each contact's calls, newest first.
    public let calls: [String: [JSONValue]]
    public let callsByID: [String: JSONValue]

    public init() {
        var rng = SplitMix64(seed: 0x5C1)
        let newest = Date(timeIntervalSince1970: 1_776_852_900)  // 2026-04-22 10:15:00 UTC
        let names: [(String, String)] = [("Jane", "Cooper"), ("美咲", "高橋"), ("Zoë", "Park")]
            + (4...30).map { ("Contact", "No. \($0)") }
        var contacts: [JSONValue] = []
        var calls: [String: [JSONValue]] = [:]
        var nextCall = 1
        for (index, name) in names.enumerated() {
            let number = index + 1
            let id = Self.contactID(number)
            let phone = "+3361234\(String(format: "%04d", number))"
            let count = number == 1 ? Self.bigContactCallCount : number == 2 ? 9 : number == 3 ? 4 : Int(rng.next() % 31)
            var list: [JSONValue] = []
            for start in rng.startTimes(count: count, from: newest) {
                var callNumber = nextCall
                nextCall += 1
                if number == 2, list.count < 2 { callNumber = 0xd001 + list.count }
                if number == 3, list.isEmpty { callNumber = 0xd003 }
                list.append(Self.call(id: Self.callID(callNumber), contact: (id, name.0, name.1), phone: phone, start: start, rng: &rng))
            }
            calls[id] = list
            contacts.append(.object([
                JSONField("id", .string(id)), JSONField("firstName", .string(name.0)), JSONField("lastName", .string(name.1)),
                JSONField("allowPhoneCalls", .bool(number % 11 != 0)), JSONField("callCount", .integer(Int64(count))),
                JSONField("teamId", .string("7ea70000-0000-4000-8000-000000000001")),
                JSONField("phoneNumbers", .array([.string(phone)])),
                JSONField("email", .string("contact\(number)@example.com")),
                JSONField("createdAt", .string("2025-11-07T05:31:56.000Z")),
                JSONField("lastCallAt", list.first?["startedAt"] ?? .null),
                JSONField("role", .string(number % 2 == 0 ? "CTO" : "Buyer")),
            ]))
        }
        self.contacts = contacts
        self.calls = calls
        var byID: [String: JSONValue] = [:]
        for list in calls.values { for call in list { if let id = call["id"]?.stringValue { byID[id] = call } } }
        self.callsByID = byID
    }

    static func call(id: String, contact: (id: String, first: String, last: String), phone: String, start: Date,
                     rng: inout SplitMix64) -> JSONValue {
        let status = rng.pick(zip(statuses, [40, 20, 15, 10, 8, 5, 2]).map { ($0, $1) })
        let talked = status == "completed" ? Double(20 + Int(rng.next() % 900)) : Double(rng.next() % 40)
        let end = start.addingTimeInterval(talked)
        let inSequence = rng.next() % 3 != 0
        var type = rng.next() % 4 == 0 ? "inbound" : "outbound"
        var notes: JSONValue = rng.next() % 2 == 0 ? .string("Follow up about \(["pricing", "the demo", "renewal"][Int(rng.next() % 3)])") : .null
        var deletedAt: JSONValue = .null
        var extra: [JSONField] = []
        switch id {
        case deletedCall: deletedAt = .string(ISO8601Timestamp.format(end.addingTimeInterval(86_400)))
        case extraFieldCall:
            type = "internal"
            extra = [JSONField("sentiment", .object([JSONField("score", .number(0.8))])),
                     JSONField("recordingUrl", .string("https://rec.example/\(id).mp3"))]
        case hostileNoteCall: notes = .string(hostileNote)
        default: break
        }
        let fields: [JSONField] = [
            JSONField("id", .string(id)),
            JSONField("callType", .string(inSequence ? "CALL_SESSION" : "DIRECT_CALL")),
            JSONField("status", .string(status)),
            JSONField("type", .string(type)),
            JSONField("startedAt", .string(ISO8601Timestamp.format(start))),
            JSONField("endedAt", .string(ISO8601Timestamp.format(end))),
            JSONField("createdAt", .string(ISO8601Timestamp.format(start.addingTimeInterval(-5)))),
            JSONField("contact", .object([JSONField("id", .string(contact.id)), JSONField("firstName", .string(contact.first)),
                                          JSONField("lastName", .string(contact.last)), JSONField("isUnknown", .bool(false))])),
            JSONField("phoneNumber", .object([JSONField("value", .string(phone))])),
            JSONField("caller", .object([JSONField("firstName", .string("Alice")), JSONField("lastName", .string("Martin"))])),
            JSONField("callerPhoneNumber", .object([JSONField("value", .string("+33698765432"))])),
            JSONField("phoneNumberId", .string("9b000000-0000-4000-8000-000000000002")),
            JSONField("userProviderSid", .string("CA\(id.suffix(8))")),
            JSONField("adminProviderSid", .string("CA\(id.suffix(6))00")),
            JSONField("providerConferenceId", .string("CF\(id.suffix(8))")),
            JSONField("transferred", .bool(rng.next() % 10 == 0)),
            JSONField("updatedAt", .string(ISO8601Timestamp.format(end.addingTimeInterval(60)))),
            JSONField("sequenceRunId", inSequence ? .string("5e900000-0000-4000-8000-00000000\(String(format: "%04d", rng.next() % 9999))") : .null),
            JSONField("sequenceId", inSequence ? .string("5e000000-0000-4000-8000-000000000010") : .null),
            JSONField("syncedWithCrmDate", .string(ISO8601Timestamp.format(end.addingTimeInterval(30)))),
            JSONField("deletedAt", deletedAt),
            JSONField("organizationId", .string("0a000000-0000-4000-8000-000000000004")),
            JSONField("organizationMembershipId", .string("0b000000-0000-4000-8000-000000000005")),
            JSONField("managedPhoneNumberId", .string("0c000000-0000-4000-8000-000000000006")),
            JSONField("notes", notes),
        ]
        return .object(fields + extra)
    }
}
