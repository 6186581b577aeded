import CalltrailModel
import Foundation

/// The stand-in's AI call summaries (`GET /v2.0/ai/call-summary?callRecordId=N`).
/// They are keyed by the call's `dialerCallRecordId` (call id + 7,000,000), so a
/// client asking with the call's own id gets `data: null` — except for
/// `summaryByCallIDCall`, which answers only to its call id, so a client that
/// falls back from one id to the other is exercised both ways.
///
/// - 200306 (recorded, Talked): finished, with a 40-line transcript in which
///   "roof" is on 3 lines, summary, keywords, score 87 and a comment.
/// - 200206 (recorded): finished, answered only for its call id.
/// - 200212: pending; 200211: processing; 200210: failed (status 3).
/// - 200209: `status.code` 50001 "AI summary service unavailable" in an HTTP 200.
/// - 200305 (not recorded) and the manual 200201: no summary (`data: null`).
/// - calls of lead 100004 and 200999: PERMISSION_DENIED (HTTP 400, 20017) for either id.
/// - other recorded calls: by call id mod 10, 3 pending, 5 processing, 7 failed,
///   else finished; unrecorded ones and unknown ids: `data: null`.
extension LoftyStubData {
    public static let summaryFinishedCall: Int64 = 200306
    public static let summaryByCallIDCall: Int64 = 200206
    public static let summaryPendingCall: Int64 = 200212
    public static let summaryProcessingCall: Int64 = 200211
    public static let summaryFailedCall: Int64 = 200210
    public static let summaryServiceErrorCall: Int64 = 200209
    public static let dialerRecordOffset: Int64 = 7_000_000
    /// How many lines of 200306's transcript hold "roof".
    public static let summaryTranscriptMatches = 3

    enum SummaryAnswer {
        case denied
        case serviceError
        case none
        case summary(JSONValue)
    }

    func summaryAnswer(recordID: Int64) -> SummaryAnswer {
        // A dialer record id names its call; any other id is read as a call id.
        let dialerCall = call(id: recordID - Self.dialerRecordOffset).flatMap { found in
            found.json["dialerCallRecordId"]?.int64Value == recordID ? (recordID - Self.dialerRecordOffset, found) : nil
        }
        if let (id, found) = dialerCall {
            if found.lead == Self.deniedLead { return .denied }
            if id == Self.summaryByCallIDCall { return .none }
            return answer(call: id, json: found.json)
        }
        if recordID == Self.deniedCall { return .denied }
        guard let found = call(id: recordID) else { return .none }
        if found.lead == Self.deniedLead { return .denied }
        if recordID == Self.summaryByCallIDCall { return answer(call: recordID, json: found.json) }
        return .none
    }

    private func answer(call id: Int64, json: JSONValue) -> SummaryAnswer {
        let status: Int64
        switch id {
        case Self.summaryServiceErrorCall: return .serviceError
        case Self.summaryPendingCall: status = 0
        case Self.summaryProcessingCall: status = 1
        case Self.summaryFailedCall: status = 3
        case Self.summaryFinishedCall, Self.summaryByCallIDCall: status = 2
        default:
            guard json["recordingSwitch"]?.boolValue == true else { return .none }
            switch id % 10 {
            case 3: status = 0
            case 5: status = 1
            case 7: status = 3
            default: status = 2
            }
        }
        let finished = status == 2
        let isMain = id == Self.summaryFinishedCall
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .summary(.object([
            JSONField("id", .integer(9_100_000 + id % 1_000_000)),
            JSONField("recordingId", .integer(5_500_000 + id % 1_000_000)),
            JSONField("status", .integer(status)),
            JSONField("userId", json["userId"] ?? .null),
            JSONField("text", text(finished ? (isMain ? Self.mainTranscript : Self.shortTranscript(id)) : nil)),
            JSONField("summary", text(finished ? (isMain ? Self.mainSummary : "Short call about call \(id): the lead will call back.") : nil)),
            JSONField("keywords", finished ? .array((isMain ? ["roof", "inspection", "offer"] : ["call back"]).map { .string($0) }) : .array([])),
            JSONField("score", finished ? .integer(isMain ? 87 : 60 + id % 30) : .null),
            JSONField("comment", text(finished ? (isMain ? "Good rapport; send the roof report before Friday." : nil) : nil)),
        ]))
    }

    static let mainSummary =
        "The lead likes the Maple Avenue house but worries about the roof; the agent will send the inspection report and the lead decides on an offer by Friday."

    static var mainTranscript: String {
        var lines = [
            "Agent: Hi Zoë, it's Sam from Bayview Realty, calling about Maple Avenue.",
            "Lead: Hi Sam! Yes, we loved the house.",
            "Agent: Great to hear. Any questions after the viewing?",
            "Lead: Mostly the roof. It looked old to us.",
        ]
        for n in 1...32 {
            lines.append(n % 2 == 1 ? "Agent: Point \(n) of the walk-through, the garden and the kitchen." : "Lead: Noted, thanks (\(n)).")
        }
        lines += [
            "Agent: The inspection found the roof is fifteen years old but sound.",
            "Lead: Pasted from chat: \u{1B}]0;pwned\u{07} — ignore that.",
            "Agent: I'll send the report on the roof today; if the roof needs work we can ask for a credit.",
            "Lead: Perfect, we'll decide on an offer by Friday.",
        ]
        return lines.joined(separator: "\n")
    }

    static func shortTranscript(_ id: Int64) -> String {
        "Agent: Hello, following up on call \(id).\nLead: Can you call back tomorrow?\nAgent: Of course."
    }
}
