import CalltrailModel
import Foundation

/// The stand-in's agent communications (`GET /v2.0/communication/agent`): every
/// call of every lead but the restricted one, newest first, as Lofty's short
/// entries. The caller (user 44110001) made about a fifth of them; the team view
/// lists them all. Jane Cooper's 2,400 calls reach back about ten months from
/// 2026-04-22, so a walk back from then crosses four 90-day windows.
public struct LoftyStubCommunication: Sendable {
    public var time: Int64
    public var id: Int64
    public var userID: Int64
    public var json: JSONValue
}

extension LoftyStubData {
    /// The caller the stand-in's tokens stand for.
    public static let callerUserID: Int64 = 4411_0001

    static func communications(of leads: [LeadRecord]) -> [LoftyStubCommunication] {
        var out: [LoftyStubCommunication] = []
        for record in leads where record.id != deniedLead {
            for call in record.calls {
                guard let id = call["id"]?.int64Value, let startText = call["startTime"]?.stringValue,
                      let start = UTCTimestamp.parse(startText)
                else { continue }
                let time = Int64(start.timeIntervalSince1970 * 1_000)
                let user = call["userId"]?.int64Value ?? callerUserID
                let manual = call["dialerCallRecordId"] == nil
                let json = JSONValue.object([
                    JSONField("id", .integer(id)),
                    JSONField("leadId", .integer(record.id)),
                    JSONField("agentId", .integer(user)),
                    JSONField("direction", call["direction"] ?? .null),
                    JSONField("callOutcome", call["callingOutcome"] ?? .null),
                    JSONField("callDuration", .string(String(call["duration"]?.int64Value ?? 0))),
                    JSONField("status", call["status"] ?? .null),
                    JSONField("communicationTime", .integer(time)),
                    JSONField("communicationType", .string(manual ? "LOGGED" : "AUTO")),
                    JSONField("eventType", .string("CALL")),
                    JSONField("fromPond", .bool(record.id % 7 == 0)),
                ])
                out.append(LoftyStubCommunication(time: time, id: id, userID: user, json: json))
            }
        }
        return out.sorted { $0.time != $1.time ? $0.time > $1.time : $0.id > $1.id }
    }
}

extension LoftyStubRoutes {
    static let maximumWindowMilliseconds: Int64 = 90 * 86_400 * 1_000

    /// `type=CALL|TEXT|EMAIL|ALL&startTime=MS&endTime=MS&limit=1..1000&cursor&teamView`:
    /// `{data[], nextCursor, hasMore, limit, totalCount}`. The cursor is opaque (hex of
    /// the window, the view and an offset) and refused for another query; a full page
    /// always carries one, so a history that fills its last page ends with an empty page.
    /// `teamView=true` from a token that may not use it is PERMISSION_DENIED.
    func agentCommunications(_ request: StubRequest, teamAllowed: Bool) -> StubResponse {
        let type = request.query["type"] ?? "ALL"
        guard ["CALL", "TEXT", "EMAIL", "ALL"].contains(type) else {
            return .error(400, code: 400, message: "type must be CALL, TEXT, EMAIL or ALL")
        }
        guard let start = request.query["startTime"].flatMap({ Int64($0) }),
              let end = request.query["endTime"].flatMap({ Int64($0) })
        else { return .error(400, code: 400, message: "startTime and endTime (milliseconds) are required") }
        guard start <= end else { return .error(400, code: 400, message: "startTime is after endTime") }
        guard end - start <= Self.maximumWindowMilliseconds else {
            return .error(400, code: 400, message: "the time range may span at most 90 days")
        }
        let limit = request.query["limit"].map { Int($0) ?? -1 } ?? 20
        guard (1...1000).contains(limit) else { return .error(400, code: 400, message: "limit must be 1…1000") }
        let teamText = request.query["teamView"] ?? "false"
        guard teamText == "true" || teamText == "false" else { return .error(400, code: 400, message: "teamView must be true or false") }
        let team = teamText == "true"
        if team && !teamAllowed { return .error(400, code: 20017, message: "PERMISSION_DENIED") }
        let query = "\(start):\(end):\(team ? 1 : 0)"
        var offset = 0
        if let cursor = request.query["cursor"] {
            guard let plain = Self.unhex(cursor), plain.hasPrefix("stub-comm:" + query + ":"),
                  let parsed = Int(plain.dropFirst(("stub-comm:" + query + ":").count)), parsed >= 0
            else { return .error(400, code: 400, message: "invalid cursor") }
            offset = parsed
        }
        let matching = type == "CALL" || type == "ALL"
            ? data.communications.filter { $0.time >= start && $0.time <= end && (team || $0.userID == LoftyStubData.callerUserID) }
            : []
        let page = Array(matching.dropFirst(offset).prefix(limit))
        let next: JSONValue = page.count == limit ? .string(Self.hex("stub-comm:\(query):\(offset + limit)")) : .null
        return .json(200, .object([
            JSONField("data", .array(page.map(\.json))),
            JSONField("nextCursor", next),
            JSONField("hasMore", .bool(offset + page.count < matching.count)),
            JSONField("limit", .integer(Int64(limit))),
            JSONField("totalCount", .integer(Int64(matching.count))),
        ]))
    }

    static func hex(_ text: String) -> String {
        Array(text.utf8).map { String(format: "%02x", $0) }.joined()
    }

    static func unhex(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0, bytes.count <= 400 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let byte = UInt8(String(decoding: bytes[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
            index += 2
        }
        return String(bytes: out, encoding: .utf8)
    }
}
