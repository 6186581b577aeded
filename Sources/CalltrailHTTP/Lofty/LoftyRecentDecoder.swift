import CalltrailModel
import CalltrailProviders
import Foundation

/// Lofty's agent communications (`GET /v2.0/communication/agent`) as `Call`s:
/// `{data[], nextCursor, hasMore, limit, totalCount}`. An entry is a short call
/// record (`id, leadId, agentId, direction, callOutcome, callDuration` as a
/// string, `status, communicationTime, communicationType, eventType, fromPond`);
/// a field of an unexpected shape goes to `otherFields` as it came, never trapping.
enum LoftyRecentDecoder {
    struct Entry {
        var call: Call
        /// `communicationTime` in milliseconds since 1970, when it could be read.
        var time: Int64?
    }

    /// One page: the entries and Lofty's cursor for the next (nil at the end).
    struct Page {
        var entries: [Entry]
        var next: String?
    }

    static func page(from body: [UInt8]) throws(ProviderError) -> Page {
        let value = try VendorJSON.parse(body, what: "Lofty's communication list")
        guard case .object = value else { throw .badResponse("the communication list is not a JSON object") }
        let items: [JSONValue]
        switch value["data"] {
        case nil, .null?: items = []
        case .array(let list)?: items = list
        default: throw .badResponse("the communication list's \"data\" is not an array")
        }
        // A record that cannot be read becomes an unreadable call (shown, never dropped), as for the call list.
        let entries = items.map { item in
            do throws(ProviderError) {
                return try entry(from: item)
            } catch {
                return Entry(call: Call.unreadable(raw: item, reason: error.detail), time: nil)
            }
        }
        var next: String?
        switch value["nextCursor"] {
        case .string(let text)? where !text.isEmpty: next = text
        case .integer(let n)?: next = String(n)
        case nil, .null?, .string?: next = nil
        default: throw .badResponse("\"nextCursor\" is neither a string nor null")
        }
        return Page(entries: entries, next: next)
    }

    static func entry(from value: JSONValue) throws(ProviderError) -> Entry {
        guard case .object(let fields) = value else { throw .badResponse("an entry is not a JSON object") }
        guard let id = value["id"]?.exactInt64, id >= 0 else { throw .badResponse("an entry has no usable \"id\"") }
        var call = Call(id: CallID(id), raw: value)
        var time: Int64?
        var other: [JSONField] = []
        for field in fields where !field.value.isNull {
            let v = field.value
            var understood = true
            switch field.key {
            case "id": break
            case "leadId": if let n = v.exactInt64 { call.leadID = LeadID(n) } else { understood = false }
            case "direction": if let s = v.stringValue { call.direction = CallDirection(rawValue: s) } else { understood = false }
            case "status": if let s = v.stringValue { call.status = CallStatus(rawValue: s) } else { understood = false }
            case "callOutcome": if let s = v.stringValue { call.outcome = CallOutcome(rawValue: s) } else { understood = false }
            case "callDuration": if let n = seconds(v) { call.duration = n } else { understood = false }
            case "communicationTime":
                if let ms = milliseconds(v) {
                    time = ms
                    call.startTime = Date(timeIntervalSince1970: Double(ms) / 1_000)
                } else {
                    understood = false
                }
            case "agentId":
                if let n = v.exactInt64 { call.details.append(CallDetail(key: "agentId", label: "Agent (user id)", value: .integer(n))) } else { understood = false }
            case "communicationType":
                if let s = v.stringValue {
                    call.details.append(CallDetail(key: "communicationType", label: "Logged as", value: .text(s)))
                    call.isManual = s.uppercased() != "AUTO"
                } else {
                    understood = false
                }
            case "eventType":
                if let s = v.stringValue { call.details.append(CallDetail(key: "eventType", label: "Event", value: .text(s))) } else { understood = false }
            case "fromPond":
                if let b = v.boolValue { call.details.append(CallDetail(key: "fromPond", label: "From a pond", value: .bool(b))) } else { understood = false }
            default: understood = false
            }
            if !understood { other.append(field) }
        }
        let order = ["agentId", "communicationType", "eventType", "fromPond"]
        call.details.sort { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
        call.otherFields = other
        return Entry(call: call, time: time)
    }

    /// "125", "02:05" or "00:02:05" (and a plain integer) as seconds.
    static func seconds(_ value: JSONValue) -> Int? {
        if let n = value.smallInt, n >= 0 { return n }
        guard let text = value.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 9, let n = Int(text) { return n }
        return LoftyCallDecoder.clockSeconds(text)
    }

    /// Milliseconds since 1970 (a number, or digits in a string), else a
    /// "yyyy-MM-dd HH:mm:ss" UTC time or an ISO 8601 one.
    static func milliseconds(_ value: JSONValue) -> Int64? {
        let limit: Int64 = 253_402_300_799_000  // 9999-12-31
        if let n = value.exactInt64 { return (0...limit).contains(n) ? n : nil }
        guard let text = value.stringValue else { return nil }
        if !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int64(text) {
            return (0...limit).contains(n) ? n : nil
        }
        guard let date = UTCTimestamp.parse(text) ?? ISO8601Timestamp.parse(text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }
}
