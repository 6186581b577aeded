import CalltrailModel
import CalltrailProviders
import Foundation

/// Turns Lofty's Call objects into `Call`s without ever trapping. A known field
/// with a value of the wrong shape is not dropped: it goes to `otherFields` as it
/// came, like a field the program does not know. Absent and null stay nil.
enum LoftyCallDecoder {
    /// Keys read into `Call`'s typed fields or its labelled `details`.
    static let typedKeys: Set<String> = [
        "id", "leadId", "direction", "status", "callingOutcome", "startTime", "endTime",
        "duration", "rateScore", "note", "leadPhoneNumber", "userPhoneNumber",
    ]

    /// The other known fields, labelled, in display order.
    static let detailFields: [(key: String, label: String, kind: DetailKind)] = [
        ("dialerCallRecordId", "Dialer record", .integer),
        ("userId", "Agent (user id)", .integer),
        ("agentId", "Related agent id", .integer),
        ("showUserNumber", "Caller id shown", .phone),
        ("recordingSwitch", "Recorded", .bool),
        ("isMachineAnswered", "Machine answered", .bool),
        ("price", "Price", .money),
        ("elapsedTime", "Time to connect", .clock),
        ("createTime", "Created", .instant),
        ("updateTime", "Updated", .instant),
    ]

    enum DetailKind { case integer, phone, bool, money, text, instant, clock }

    /// `{"calls": [Call, …]}`; `{}` and `{"calls": null}` (which the spec allows) are
    /// an empty page. A record that cannot be read becomes an unreadable call, so
    /// it never hides the others.
    static func page(from body: [UInt8]) throws(ProviderError) -> [Call] {
        let value = try VendorJSON.parse(body, what: "Lofty's call list")
        guard case .object = value else { throw .badResponse("the call list is not a JSON object") }
        let items: [JSONValue]
        switch value["calls"] {
        case nil, .null?: items = []
        case .array(let list)?: items = list
        default: throw .badResponse("the call list's \"calls\" is not an array")
        }
        return items.map { item in
            do throws(ProviderError) {
                return try call(from: item)
            } catch {
                return Call.unreadable(raw: item, reason: error.detail)
            }
        }
    }

    /// One Call object, unwrapped (as Get-one-call returns it).
    static func single(from body: [UInt8]) throws(ProviderError) -> Call {
        try call(from: try VendorJSON.parse(body, what: "Lofty's call"))
    }

    static func call(from value: JSONValue) throws(ProviderError) -> Call {
        guard case .object(let fields) = value else { throw .badResponse("a call is not a JSON object") }
        guard let id = value["id"]?.exactInt64, id >= 0 else {
            let sent = value["id"].map { String($0.compactJSON.prefix(40)) } ?? "missing"
            throw .badResponse("the call's \"id\" (\(sent)) is not a whole number")
        }

        var call = Call(id: CallID(id), raw: value)
        var other: [JSONField] = []
        for field in fields where !field.value.isNull {
            let v = field.value
            var understood = true
            switch field.key {
            case "id": break
            case "leadId": if let n = v.exactInt64 { call.leadID = LeadID(n) } else { understood = false }
            case "direction": if let s = v.stringValue { call.direction = CallDirection(rawValue: s) } else { understood = false }
            case "status": if let s = v.stringValue { call.status = CallStatus(rawValue: s) } else { understood = false }
            case "callingOutcome": if let s = v.stringValue { call.outcome = CallOutcome(rawValue: s) } else { understood = false }
            case "startTime": if let d = VendorTimestamp.parse(v) { call.startTime = d } else { understood = false }
            case "endTime": if let d = VendorTimestamp.parse(v) { call.endTime = d } else { understood = false }
            case "duration": if let n = v.smallInt { call.duration = n } else { understood = false }
            // 0 is what Lofty sends for a call nobody rated (every unanswered one): not a score.
            case "rateScore": if let n = v.smallInt { call.rating = n == 0 ? nil : n } else { understood = false }
            case "note": if let s = v.stringValue { call.note = s } else { understood = false }
            case "leadPhoneNumber": if let s = v.stringValue { call.leadPhoneNumber = s } else { understood = false }
            case "userPhoneNumber": if let s = v.stringValue { call.userPhoneNumber = s } else { understood = false }
            default:
                if let spec = detailFields.first(where: { $0.key == field.key }) {
                    if let detail = detailValue(v, spec.kind) {
                        call.details.append(CallDetail(key: spec.key, label: spec.label, value: detail))
                    } else {
                        understood = false
                    }
                } else {
                    understood = false
                }
            }
            if !understood { other.append(field) }
        }
        call.details.sort { a, b in
            (detailFields.firstIndex { $0.key == a.key } ?? 0) < (detailFields.firstIndex { $0.key == b.key } ?? 0)
        }
        call.otherFields = other
        // A manually logged call has no dialer record (providers.md).
        call.isManual = value["dialerCallRecordId"].map(\.isNull) ?? true
        call.hasRecording = value["recordingSwitch"]?.boolValue
        return call
    }

    static func detailValue(_ v: JSONValue, _ kind: DetailKind) -> CallDetailValue? {
        switch kind {
        case .integer: return v.exactInt64.map { .integer($0) }
        case .phone: return v.stringValue.map { .phone($0) }
        case .bool: return v.boolValue.map { .bool($0) }
        case .money:
            guard let d = v.doubleValue, d.isFinite else { return nil }
            return .money(d, currency: "USD")
        case .text: return v.stringValue.map { .text($0) }
        case .instant: return VendorTimestamp.parse(v).map { .instant($0) }
        // "00:04" (mm:ss) or "01:02:03" as a duration, so it reads like every other one; else as sent.
        case .clock: return v.stringValue.map { text in clockSeconds(text).map { .duration($0) } ?? .text(text) }
        }
    }

    /// Seconds of "mm:ss" or "hh:mm:ss" (two-digit minutes and seconds below 60), else nil.
    static func clockSeconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              case let numbers = parts.compactMap({ Int($0) }), numbers.count == parts.count,
              numbers.dropFirst().allSatisfy({ $0 < 60 }), parts.dropFirst().allSatisfy({ $0.count == 2 })
        else { return nil }
        return numbers.reduce(0) { $0 * 60 + $1 }
    }
}

extension JSONValue {
    /// An integer as sent: never through Double, never from a string.
    var exactInt64: Int64? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// An integer that fits a count or a score (Lofty's int32 fields).
    var smallInt: Int? {
        guard case .integer(let i) = self, i >= Int64(Int32.min), i <= Int64(Int32.max) else { return nil }
        return Int(i)
    }
}
