import CalltrailModel
import Foundation

/// The stand-in's deterministic NectarDesk data. Ids the tests and README rely on:
///
/// - contact 5501 "Jane Cooper": 230 calls (5 pages at the default size 50).
/// - contact 5502 "高橋 美咲": 9 calls — call 990001 has no disposition, 990002 carries
///   undocumented fields `queue_wait_seconds` and `sentiment`.
/// - contact 5503 "Zoë Park": 4 calls, 990003's disposition note holds `ESC[2J`.
/// - contacts 5504…5530: 0–30 calls each.
/// - call 990999: does not exist (404). Call 990998: answered with a malformed body.
/// Outcomes (`disposition.code`) are an open set of seven words.
public struct NectarDeskStubData: Sendable {
    public static let bigContact: Int64 = 5501
    public static let bigContactCallCount = 230
    public static let cjkContact: Int64 = 5502
    public static let hostileContact: Int64 = 5503
    public static let noDispositionCall: Int64 = 990001
    public static let extraFieldCall: Int64 = 990002
    public static let hostileNoteCall: Int64 = 990003
    public static let missingCall: Int64 = 990999
    public static let malformedCall: Int64 = 990998
    public static let dispositions = ["Interested", "Callback", "Voicemail", "Not interested", "Wrong number", "Sale", "Do not call"]

    public let contacts: [JSONValue]
    /// Each contact's calls, newest first.
    public let calls: [Int64: [JSONValue]]
    public let callsByID: [Int64: JSONValue]

    public init() {
        var rng = SplitMix64(seed: 0x4EC)
        let newest = Date(timeIntervalSince1970: 1_776_852_900)  // 2026-04-22 10:15:00 UTC
        let names = ["Jane Cooper", "高橋 美咲", "Zoë Park"] + (4...30).map { "Contact No. \($0)" }
        var contacts: [JSONValue] = []
        var calls: [Int64: [JSONValue]] = [:]
        var nextCall: Int64 = 980_001
        for (index, name) in names.enumerated() {
            let id = 5501 + Int64(index)
            let national = "415555" + String(format: "%04d", index + 1)
            let count = index == 0 ? Self.bigContactCallCount : index == 1 ? 9 : index == 2 ? 4 : Int(rng.next() % 31)
            let contact = JSONValue.object([
                JSONField("id", .integer(id)), JSONField("full_name", .string(name)),
                JSONField("number_country_code", .string("1")), JSONField("national_number", .string(national)),
                JSONField("number", .string("1" + national)), JSONField("list_ids", .array([.integer(3), .integer(Int64(index % 4 + 4))])),
            ])
            var list: [JSONValue] = []
            for start in rng.startTimes(count: count, from: newest) {
                var callID = nextCall
                nextCall += 1
                if index == 1, list.count < 2 { callID = Self.noDispositionCall + Int64(list.count) }
                if index == 2, list.isEmpty { callID = Self.hostileNoteCall }
                list.append(Self.call(id: callID, contact: contact, start: start, rng: &rng))
            }
            calls[id] = list
            contacts.append(contact)
        }
        self.contacts = contacts
        self.calls = calls
        var byID: [Int64: JSONValue] = [:]
        for list in calls.values { for call in list { if let id = call["id"]?.int64Value { byID[id] = call } } }
        self.callsByID = byID
    }

    static func call(id: Int64, contact: JSONValue, start: Date, rng: inout SplitMix64) -> JSONValue {
        let inbound = rng.next() % 3 == 0
        let answered = rng.next() % 4 != 0
        let duration = Int64(answered ? 30 + rng.next() % 600 : rng.next() % 30)
        let agent = Int64(71 + rng.next() % 3)
        let alias = ["Sam", "Priya", "Lee"][Int(agent - 71)]
        let started = Int64(start.timeIntervalSince1970)
        let leg = JSONValue.object([
            JSONField("id", .integer(id * 10)), JSONField("user_id", .integer(agent)), JSONField("alias", .string(alias)),
            JSONField("sip", .string("\(alias.lowercased())@acme.sip.example")), JSONField("started_at", .integer(started + 3)),
            JSONField("type", .string("agent")), JSONField("is_any_transfer", .bool(false)),
            JSONField("hangup_reason", .string(answered ? "NORMAL_CLEARING" : "NO_ANSWER")),
        ])
        var disposition: JSONValue = .object([
            JSONField("id", .integer(Int64(30 + rng.next() % 7))),
            JSONField("code", .string(rng.pick(zip(dispositions, [30, 20, 15, 12, 8, 10, 5]).map { ($0, $1) }))),
            JSONField("note", rng.next() % 2 == 0 ? .string("Spoke about \(["the listing", "financing", "a viewing"][Int(rng.next() % 3)])") : .null),
        ])
        var extra: [JSONField] = []
        switch id {
        case noDispositionCall: disposition = .null
        case extraFieldCall:
            extra = [JSONField("queue_wait_seconds", .integer(12)), JSONField("sentiment", .string("positive"))]
        case hostileNoteCall:
            disposition = .object([JSONField("id", .integer(31)), JSONField("code", .string("Callback")),
                                   JSONField("note", .string("Wipe: \u{1B}[2J — ignore"))])
        default: break
        }
        let fields: [JSONField] = [
            JSONField("id", .integer(id)),
            JSONField("is_inbound", .bool(inbound)), JSONField("is_answered", .bool(answered)),
            JSONField("is_in_queue", .bool(false)), JSONField("is_ended", .bool(true)),
            JSONField("requested_callback", .bool(rng.next() % 8 == 0)),
            JSONField("is_answered_within_sla", .bool(answered && rng.next() % 5 != 0)),
            JSONField("is_data_cached", .bool(true)),
            JSONField("contact", contact),
            JSONField("agents", .array([.integer(agent)])),
            JSONField("all_agents", .array([leg])),
            JSONField("answered_agents", .array(answered ? [leg] : [])),
            JSONField("external_numbers", .array([])),
            JSONField("number", .object([JSONField("id", .integer(12)), JSONField("number", .string("18005550100")),
                                         JSONField("numberWithAlias", .string("Sales (18005550100)")), JSONField("alias", .string("Sales"))])),
            JSONField("started_at", .integer(started)),
            JSONField("duration", .integer(duration)),
            JSONField("talk_time", .integer(answered ? max(0, duration - 8) : 0)),
            JSONField("type", .string(answered ? "answered" : (inbound ? "missed" : "unanswered"))),
            JSONField("original_call_id", .null),
            JSONField("campaign", inbound ? .null : .object([JSONField("id", .integer(4)), JSONField("name", .string("Spring"))])),
            JSONField("ring_group", inbound ? .object([JSONField("id", .integer(2)), JSONField("name", .string("Sales team"))]) : .null),
            JSONField("ivr", inbound ? .object([JSONField("id", .integer(8)), JSONField("name", .string("Main IVR"))]) : .null),
            JSONField("disposition", disposition),
            JSONField("recordings", .array(answered ? [.object([JSONField("id", .integer(id)), JSONField("url", .string("https://rec.example/\(id).mp3"))])] : [])),
            JSONField("tags", .array(rng.next() % 3 == 0 ? [.string("hot")] : [])),
        ]
        return .object(fields + extra)
    }
}
