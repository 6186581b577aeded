import CalltrailModel
import Foundation

/// The stand-in's deterministic Lofty data. Ids the tests and the README rely on:
///
/// - lead 100001 "Jane Cooper": exactly 2,400 calls, ids from 9007199254750000 down
///   in steps of 3 (every one above 2^53, so a trip through Double shows).
/// - lead 100002 "高橋 美咲" (CJK name): 12 calls — 200201 is a manual call without
///   dialer fields; 200202 has unknown `callingOutcome` "LeftMessageWithGatekeeper",
///   `status` "Transferred" and `direction` "Internal"; 200203 carries unknown extra
///   fields `sentimentScore` and `transcriptLanguage`.
/// - lead 100003 "Zoë 🚀 Park" (emoji): 6 calls — 200301's note holds `ESC[2J`, an
///   OSC 0 title sequence (`ESC]0;pwned BEL`) and an OSC 52 clipboard write.
/// - lead 100004 "Restricted Lead": listing its calls answers PERMISSION_DENIED.
/// - call 200999: in another team, PERMISSION_DENIED (as is any id that does not exist).
/// - leads 100005…100060: ordinary leads with 0–40 calls each.
/// - any other lead id: 404, code 20006.
/// - recordings (`GET /v1.0/call/url/{id}`): every call with `recordingSwitch` true has
///   one, a link valid an hour on the stand-in's `/recordings/` host; 200306 (Talked)
///   is the one the tests use; 200212 (Talked) hands out a link that has already
///   expired; 200305 (VoiceMessage) and the manual 200201 have none (`""`); calls of
///   the restricted lead and 200999 answer PERMISSION_DENIED; unknown ids 404 20006.
public struct LoftyStubData: Sendable {
    public struct LeadRecord: Sendable {
        public var json: JSONValue
        public var id: Int64
        /// Newest first, ids descending.
        public var calls: [JSONValue]
        public var callIDs: [Int64]
    }

    public static let bigLead: Int64 = 100001
    public static let bigLeadCallCount = 2_400
    public static let bigLeadFirstCallID: Int64 = 9_007_199_254_750_000
    public static let cjkLead: Int64 = 100002
    public static let emojiLead: Int64 = 100003
    public static let deniedLead: Int64 = 100004
    public static let manualCall: Int64 = 200201
    public static let unknownEnumCall: Int64 = 200202
    public static let extraFieldCall: Int64 = 200203
    public static let hostileNoteCall: Int64 = 200301
    public static let deniedCall: Int64 = 200999
    public static let recordedCall: Int64 = 200306
    public static let unrecordedCall: Int64 = 200305
    public static let expiredRecordingCall: Int64 = 200212
    public static let hostileNote =
        "Asked to wipe: \u{1B}[2J then title \u{1B}]0;pwned\u{07} and clipboard \u{1B}]52;c;cm0gLXJmIH4=\u{07} — ignore"

    public let leads: [LeadRecord]
    /// Every listed call as an agent communication, newest first (LoftyStubCommunications.swift).
    public let communications: [LoftyStubCommunication]
    let callsByID: [Int64: (lead: Int64, json: JSONValue)]

    /// `hugeValues` adds the long-text lead of `LoftyStubHugeValues.swift`.
    public init(hugeValues: Bool = false) {
        var rng = SplitMix64(seed: 0x10F7)
        var leads: [LeadRecord] = []
        let newest = Date(timeIntervalSince1970: 1_776_852_900)  // 2026-04-22 10:15:00 UTC

        func lead(_ id: Int64, _ first: String, _ last: String, phone: String, calls: [JSONValue]) -> LeadRecord {
            let ids = calls.compactMap { $0["id"]?.int64Value }
            let lastTouch = calls.first?["startTime"] ?? .string("2025-01-01 00:00:00")
            let json = JSONValue.object([
                JSONField("leadId", .integer(id)), JSONField("firstName", .string(first)),
                JSONField("lastName", .string(last)), JSONField("phones", .array([.string(phone)])),
                JSONField("emails", .array([.string("lead\(id)@example.com")])),
                JSONField("lastTouch", lastTouch), JSONField("createTime", .string("2024-03-01 09:00:00")),
                JSONField("cannotCall", .bool(id % 17 == 0)), JSONField("stage", .string("Active")),
            ] + Self.leadProfile(id))
            return LeadRecord(json: json, id: id, calls: calls, callIDs: ids)
        }

        /// `everyOutcome` cycles through the six outcomes so a small lead shows them all.
        func series(lead: Int64, phone: String, count: Int, everyOutcome: Bool = false, ids: (Int) -> Int64) -> [JSONValue] {
            var start = newest
            return (0..<count).map { i in
                start = start.addingTimeInterval(-Double(3_600 + Int(rng.next() % 14_400)))
                return Self.dialerCall(id: ids(i), lead: lead, phone: phone, start: start,
                                       outcome: everyOutcome ? Self.outcomes[i % Self.outcomes.count] : nil, rng: &rng)
            }
        }

        leads.append(lead(Self.bigLead, "Jane", "Cooper", phone: "+14155550101", calls:
            series(lead: Self.bigLead, phone: "+14155550101", count: Self.bigLeadCallCount) {
                Self.bigLeadFirstCallID - Int64($0) * 3
            }.map(Self.sparse)))

        var cjk = series(lead: Self.cjkLead, phone: "+81312345678", count: 12, everyOutcome: true) { Int64(200212 - $0) }
        // Oldest first in the array are the highest indexes: place the special calls by id.
        for (index, value) in cjk.enumerated() {
            guard let id = value["id"]?.int64Value else { continue }
            if id == Self.manualCall { cjk[index] = Self.manualCallJSON(id: id, lead: Self.cjkLead, from: value) }
            if id == Self.unknownEnumCall {
                cjk[index] = Self.replacing(value, [
                    "callingOutcome": .string("LeftMessageWithGatekeeper"), "status": .string("Transferred"),
                    "direction": .string("Internal"),
                ])
            }
            if id == Self.extraFieldCall {
                cjk[index] = Self.appending(value, [
                    JSONField("sentimentScore", .number(0.82)), JSONField("transcriptLanguage", .string("ja")),
                ])
            }
        }
        leads.append(lead(Self.cjkLead, "美咲", "高橋", phone: "+81312345678", calls: cjk))

        var emoji = series(lead: Self.emojiLead, phone: "+442071234567", count: 6, everyOutcome: true) { Int64(200306 - $0) }
        if let index = emoji.firstIndex(where: { $0["id"]?.int64Value == Self.hostileNoteCall }) {
            emoji[index] = Self.replacing(emoji[index], ["note": .string(Self.hostileNote)])
        }
        leads.append(lead(Self.emojiLead, "Zoë 🚀", "Park", phone: "+442071234567", calls: emoji))

        leads.append(lead(Self.deniedLead, "Restricted", "Lead", phone: "+12125550104", calls:
            series(lead: Self.deniedLead, phone: "+12125550104", count: 3) { Int64(200400 - $0) }))

        let firsts = ["Ana", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana", "Ivan", "Jia"]
        let lasts = ["Ortiz", "Nguyen", "Müller", "Okafor", "Kowalski", "Haddad", "Svensson", "Rossi"]
        for id in Int64(100005)...100060 {
            let count = Int(rng.next() % 41)
            let phone = "+1555\(String(1_000_000 + id).suffix(7))"
            let base = 1_000_000 + (id - 100_000) * 100
            leads.append(lead(id, firsts[Int(id) % firsts.count], lasts[Int(id) % lasts.count], phone: phone, calls:
                series(lead: id, phone: phone, count: count) { base + 99 - Int64($0) }))
        }

        if hugeValues { leads.append(Self.hugeValuesRecord(newest: newest, rng: &rng)) }

        var byID: [Int64: (lead: Int64, json: JSONValue)] = [:]
        for record in leads {
            for (id, call) in zip(record.callIDs, record.calls) { byID[id] = (record.id, call) }
        }
        // A call in a team the caller cannot see.
        byID[Self.deniedCall] = (0, .null)
        self.leads = leads
        self.communications = Self.communications(of: leads)
        self.callsByID = byID
    }

    func call(id: Int64) -> (lead: Int64, json: JSONValue)? { callsByID[id] }

    static let notes = [
        "Left a message about the open house on Saturday.",
        "Wants a 3-bed near the school; budget firm. Call back Tuesday.",
        "Interesado en la casa de la calle Olmo, prefiere llamadas por la tarde.",
        "内見の希望あり。週末の午前中が都合が良いとのこと。",
        "No answer, voicemail full.",
        "Discussed financing options 👍 sending pre-approval checklist.",
        "",
    ]

    static let outcomes = ["Talked", "VoiceMessage", "NoAnswer", "BadNumber", "DNCNumber", "DNCContact"]

    static func dialerCall(
        id: Int64, lead: Int64, phone: String, start: Date, outcome forced: String?, rng: inout SplitMix64
    ) -> JSONValue {
        let drawn = outcomes[Int(rng.next() % 100) < 55 ? 0 : Int(rng.next() % 6)]
        let outcome = forced ?? drawn
        let status: String
        switch outcome {
        case "Talked": status = "Completed"
        case "VoiceMessage": status = "VoiceMail"
        case "NoAnswer": status = ["NoAnswer", "Missed", "Busy"][Int(rng.next() % 3)]
        default: status = "Failed"
        }
        let duration = outcome == "Talked" ? Int64(30 + rng.next() % 1_200) : (outcome == "VoiceMessage" ? Int64(20 + rng.next() % 40) : 0)
        let inbound = rng.next() % 4 == 0
        let created = UTCTimestamp.format(start.addingTimeInterval(Double(duration) + 5))
        return .object([
            JSONField("id", .integer(id)),
            JSONField("dialerCallRecordId", .integer(id + 7_000_000)),
            JSONField("userId", .integer(4411_0001 + Int64(rng.next() % 5))),
            JSONField("agentId", .integer(4411_0001)),
            JSONField("userPhoneNumber", .string("+14155550199")),
            JSONField("leadPhoneNumber", .string(phone)),
            JSONField("showUserNumber", .string("+14155550100")),
            JSONField("leadId", .integer(lead)),
            JSONField("direction", .string(inbound ? "Inbound" : "Outbound")),
            JSONField("status", .string(status)),
            JSONField("startTime", .string(UTCTimestamp.format(start))),
            JSONField("endTime", .string(UTCTimestamp.format(start.addingTimeInterval(Double(duration))))),
            JSONField("duration", .integer(duration)),
            JSONField("callingOutcome", .string(outcome)),
            JSONField("rateScore", .integer(outcome == "Talked" ? Int64(1 + rng.next() % 5) : 0)),
            JSONField("recordingSwitch", .bool(outcome == "Talked")),
            JSONField("note", .string(notes[Int(rng.next() % UInt64(notes.count))])),
            JSONField("isMachineAnswered", .bool(outcome == "VoiceMessage")),
            JSONField("price", .number(Double(duration / 60 + 1) * 0.014)),
            JSONField("elapsedTime", .string("00:0\(rng.next() % 10)")),
            JSONField("createTime", .string(created)),
            JSONField("updateTime", .string(created)),
        ])
    }

    /// A manually logged call: the logged number, no dialer fields.
    static func manualCallJSON(id: Int64, lead: Int64, from dialer: JSONValue) -> JSONValue {
        let keep: Set<String> = ["id", "userId", "agentId", "userPhoneNumber", "leadPhoneNumber", "leadId", "direction",
                                 "startTime", "endTime", "duration", "callingOutcome", "rateScore", "note",
                                 "createTime", "updateTime"]
        guard case .object(let fields) = dialer else { return dialer }
        return replacing(.object(fields.filter { keep.contains($0.key) }), [
            "note": .string("Logged by hand after a call from my mobile."), "callingOutcome": .string("Talked"),
        ])
    }

    /// One page of records a hostile or careless server may send (issue 9), as text
    /// (1e400 and a key sent twice cannot be built as a JSONValue): the same instant in
    /// every time format, a year-0000 placeholder, an id sent as a string, a number
    /// past Double, a `note` sent twice (the last wins), fields absent and null, and a
    /// record that is not an object. Two of the eleven cannot be read (ids "8000004" and 7).
    public static func hostileRecordsBody(lead: Int64) -> String {
        let base = #""leadId":\#(lead),"direction":"Outbound","status":"Completed","callingOutcome":"Talked","duration":61"#
        let records = [
            #"{"id":8000011,\#(base),"startTime":"2026-04-22 10:15:00","note":"plain"}"#,
            #"{"id":8000010,\#(base),"startTime":"2026-04-22T10:15:00Z","note":"ISO with Z"}"#,
            #"{"id":8000009,\#(base),"startTime":"2026-04-22T12:15:00.250+02:00","note":"offset and fraction"}"#,
            #"{"id":8000008,\#(base),"startTime":1776852900,"note":"epoch seconds"}"#,
            #"{"id":8000007,\#(base),"startTime":1776852900000,"note":"epoch milliseconds"}"#,
            #"{"id":8000006,\#(base),"startTime":"1776852900","note":"epoch seconds as text"}"#,
            #"{"id":8000005,\#(base),"startTime":"1776852900000","note":"epoch milliseconds as text"}"#,
            #"{"id":"8000004",\#(base),"startTime":"2026-04-22 10:15:00","note":"id sent as a string"}"#,
            #"{"id":8000003,\#(base),"startTime":"0000-00-00 00:00:00","endTime":"0000-01-01 00:00:00","note":"year 0000"}"#,
            #"{"id":8000002,"leadId":\#(lead),"startTime":"2026-04-22 10:15:00","huge":1e400,"note":"first","note":"last wins","rateScore":null,"endTime":null}"#,
            "7",
        ]
        return #"{"calls":["# + records.joined(separator: ",") + "]}"
    }

    /// Every seventh call with fields absent or null, as the spec allows (every field optional).
    static func sparse(_ call: JSONValue) -> JSONValue {
        guard case .object(let fields) = call, let id = call["id"]?.int64Value, id % 7 == 0 else { return call }
        let absent: Set<String> = ["note", "price", "elapsedTime", "showUserNumber"]
        let null: Set<String> = ["rateScore", "endTime", "recordingSwitch", "userId"]
        return .object(fields.filter { !absent.contains($0.key) }.map { null.contains($0.key) ? JSONField($0.key, .null) : $0 })
    }

    static func replacing(_ value: JSONValue, _ changes: [String: JSONValue]) -> JSONValue {
        guard case .object(let fields) = value else { return value }
        return .object(fields.map { JSONField($0.key, changes[$0.key] ?? $0.value) })
    }

    static func appending(_ value: JSONValue, _ extra: [JSONField]) -> JSONValue {
        guard case .object(let fields) = value else { return value }
        return .object(fields + extra)
    }
}
