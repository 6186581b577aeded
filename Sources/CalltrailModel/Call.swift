import Foundation

/// One call as the program knows it, whatever the vendor.
///
/// The typed fields are what the timeline, the filters and the commands use;
/// every one is optional because vendors leave fields out (a manually logged
/// Lofty call has no dialer fields) and absent is not zero. `details` carries the
/// vendor's other known fields, labelled, in display order; `otherFields` keeps
/// what the program does not know, raw, so nothing the API returned is hidden.
public struct Call: Sendable, Hashable, Identifiable {
    public var id: CallID
    public var leadID: LeadID?
    public var direction: CallDirection?
    public var status: CallStatus?
    public var outcome: CallOutcome?
    public var startTime: Date?
    public var endTime: Date?
    /// Seconds on the call.
    public var duration: Int?
    /// The agent's rating, 0…5.
    public var rating: Int?
    /// Free text typed by an agent: untrusted, sanitise before display.
    public var note: String?
    public var leadPhoneNumber: String?
    public var userPhoneNumber: String?
    /// Manually logged (no dialer record), when the vendor says so.
    public var isManual: Bool
    /// The vendor marks the call deleted; shown as such rather than hidden.
    public var isDeleted: Bool
    /// Whether the call was recorded, when the vendor says (Lofty's
    /// `recordingSwitch`, NectarDesk's `recordings`); nil when it does not.
    public var hasRecording: Bool?
    /// Vendor-specific known fields, labelled, in display order.
    public var details: [CallDetail]
    /// Fields the program does not know, by their API key, exactly as they came.
    public var otherFields: [JSONField]
    /// The call object exactly as the API sent it, for `--format json`.
    public var raw: JSONValue?
    /// Why the record could not be read, when it could not: the call is then shown
    /// as an "unreadable call" with `raw`, and only `id` (as sent, maybe empty) is set.
    public var unreadable: String?

    public init(
        id: CallID,
        leadID: LeadID? = nil,
        direction: CallDirection? = nil,
        status: CallStatus? = nil,
        outcome: CallOutcome? = nil,
        startTime: Date? = nil,
        endTime: Date? = nil,
        duration: Int? = nil,
        rating: Int? = nil,
        note: String? = nil,
        leadPhoneNumber: String? = nil,
        userPhoneNumber: String? = nil,
        isManual: Bool = false,
        isDeleted: Bool = false,
        hasRecording: Bool? = nil,
        details: [CallDetail] = [],
        otherFields: [JSONField] = [],
        raw: JSONValue? = nil
    ) {
        self.id = id
        self.leadID = leadID
        self.direction = direction
        self.status = status
        self.outcome = outcome
        self.startTime = startTime
        self.endTime = endTime
        self.duration = duration
        self.rating = rating
        self.note = note
        self.leadPhoneNumber = leadPhoneNumber
        self.userPhoneNumber = userPhoneNumber
        self.isManual = isManual
        self.isDeleted = isDeleted
        self.hasRecording = hasRecording
        self.details = details
        self.otherFields = otherFields
        self.raw = raw
    }
}

extension Call {
    /// A record of a list that could not be read: kept, with its raw JSON, so one bad
    /// record never hides the others. Its id is the record's `id` as sent, when it has one.
    public static func unreadable(raw: JSONValue, reason: String) -> Call {
        let id: String
        switch raw["id"] {
        case .string(let text)?: id = text
        case .integer(let number)?: id = String(number)
        case .bigInteger(let digits)?: id = digits
        default: id = ""
        }
        var call = Call(id: CallID(id), raw: raw)
        call.unreadable = reason
        return call
    }

    /// The id to tell repeats apart by; nil for an unreadable record without one.
    public var dedupeID: CallID? {
        unreadable != nil && id.rawValue.isEmpty ? nil : id
    }
}

/// One labelled, vendor-specific field of a call, for the detail pane.
public struct CallDetail: Sendable, Hashable {
    /// The API's key, e.g. "dialerCallRecordId".
    public var key: String
    /// A human label, e.g. "Dialer record".
    public var label: String
    public var value: CallDetailValue

    public init(key: String, label: String, value: CallDetailValue) {
        self.key = key
        self.label = label
        self.value = value
    }
}

/// A detail value, typed so the view-model formats it (local time, m:ss, money).
public enum CallDetailValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case instant(Date)
    /// Seconds.
    case duration(Int)
    case money(Double, currency: String)
    case phone(String)
    case list([String])
    case json(JSONValue)
}
