/// What came of a call, from the agent's point of view. The six known values are
/// Lofty's `callingOutcome`; other vendors' outcome strings (an open set) and any
/// value a vendor adds later are kept as `.other` and shown as they came.
public enum CallOutcome: Hashable, Sendable {
    case talked
    case voiceMessage
    case noAnswer
    case badNumber
    case dncNumber
    case dncContact
    case other(String)

    /// The six known outcomes in filter-key order (keys 1…6).
    public static let known: [CallOutcome] = [.talked, .voiceMessage, .noAnswer, .badNumber, .dncNumber, .dncContact]

    public init(rawValue: String) {
        switch rawValue {
        case "Talked": self = .talked
        case "VoiceMessage": self = .voiceMessage
        case "NoAnswer": self = .noAnswer
        case "BadNumber": self = .badNumber
        case "DNCNumber": self = .dncNumber
        case "DNCContact": self = .dncContact
        default: self = .other(rawValue)
        }
    }

    /// The value as the API spells it.
    public var rawValue: String {
        switch self {
        case .talked: return "Talked"
        case .voiceMessage: return "VoiceMessage"
        case .noAnswer: return "NoAnswer"
        case .badNumber: return "BadNumber"
        case .dncNumber: return "DNCNumber"
        case .dncContact: return "DNCContact"
        case .other(let raw): return raw
        }
    }

    /// A short human label (footer, timeline rows).
    public var label: String {
        switch self {
        case .talked: return "Talked"
        case .voiceMessage: return "Voice msg"
        case .noAnswer: return "No answer"
        case .badNumber: return "Bad number"
        case .dncNumber: return "DNC number"
        case .dncContact: return "DNC contact"
        case .other(let raw): return raw
        }
    }

    /// The command-line spelling (`--outcome talked,no-answer`).
    public var slug: String {
        switch self {
        case .talked: return "talked"
        case .voiceMessage: return "voice-message"
        case .noAnswer: return "no-answer"
        case .badNumber: return "bad-number"
        case .dncNumber: return "dnc-number"
        case .dncContact: return "dnc-contact"
        case .other(let raw): return raw.lowercased()
        }
    }

    /// Parses a command-line spelling: a slug, the API spelling, or any other value verbatim.
    public init(argument: String) {
        let lowered = argument.lowercased()
        if let match = CallOutcome.known.first(where: {
            $0.slug == lowered || $0.rawValue.lowercased() == lowered
                || $0.slug.replacingOccurrences(of: "-", with: "") == lowered
        }) {
            self = match
        } else {
            self = .other(argument)
        }
    }
}

/// Which way the call went, from the agent's side.
public enum CallDirection: Hashable, Sendable {
    case outbound
    case inbound
    case other(String)

    public init(rawValue: String) {
        switch rawValue.lowercased() {
        case "outbound": self = .outbound
        case "inbound": self = .inbound
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .outbound: return "Outbound"
        case .inbound: return "Inbound"
        case .other(let raw): return raw
        }
    }
}

/// The dialer's status of the call. Vendors' open strings are kept as `.other`.
public enum CallStatus: Hashable, Sendable {
    case completed
    case missed
    case failed
    case busy
    case noAnswer
    case voiceMail
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "Completed": self = .completed
        case "Missed": self = .missed
        case "Failed": self = .failed
        case "Busy": self = .busy
        case "NoAnswer": self = .noAnswer
        case "VoiceMail": self = .voiceMail
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .completed: return "Completed"
        case .missed: return "Missed"
        case .failed: return "Failed"
        case .busy: return "Busy"
        case .noAnswer: return "NoAnswer"
        case .voiceMail: return "VoiceMail"
        case .other(let raw): return raw
        }
    }
}
