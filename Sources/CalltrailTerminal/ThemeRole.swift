import CalltrailModel

/// The semantic roles a theme names colours for. The raw value is the key in a
/// theme file.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case text
    case muted
    case border
    case focusBorder = "focus-border"
    case title
    case selection
    case header
    case footer
    case footerKey = "footer-key"
    case footerActive = "footer-active"
    case heading
    case label
    case error
    case spinner
    case outcomeTalked = "outcome-talked"
    case outcomeVoiceMessage = "outcome-voice-message"
    case outcomeNoAnswer = "outcome-no-answer"
    case outcomeBadNumber = "outcome-bad-number"
    case outcomeDNCNumber = "outcome-dnc-number"
    case outcomeDNCContact = "outcome-dnc-contact"
    case outcomeOther = "outcome-other"
    case statusCompleted = "status-completed"
    case statusMissed = "status-missed"
    case statusFailed = "status-failed"
    case statusBusy = "status-busy"
    case statusNoAnswer = "status-no-answer"
    case statusVoiceMail = "status-voice-mail"
    case statusOther = "status-other"

    /// The role that colours an outcome word.
    public static func outcome(_ outcome: CallOutcome?) -> ThemeRole {
        switch outcome {
        case .talked: return .outcomeTalked
        case .voiceMessage: return .outcomeVoiceMessage
        case .noAnswer: return .outcomeNoAnswer
        case .badNumber: return .outcomeBadNumber
        case .dncNumber: return .outcomeDNCNumber
        case .dncContact: return .outcomeDNCContact
        case .other, .none: return .outcomeOther
        }
    }

    /// The role that colours a dialer status word.
    public static func status(_ status: CallStatus?) -> ThemeRole {
        switch status {
        case .completed: return .statusCompleted
        case .missed: return .statusMissed
        case .failed: return .statusFailed
        case .busy: return .statusBusy
        case .noAnswer: return .statusNoAnswer
        case .voiceMail: return .statusVoiceMail
        case .other, .none: return .statusOther
        }
    }
}
