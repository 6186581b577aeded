import CalltrailModel
import CalltrailProviders

/// Recordings asked for with `o`: the links fetched (each until it expires), the
/// one request in flight, and the last thing that went wrong. A link is fetched
/// only when asked for, kept, and fetched again once it has expired.
public struct RecordingsState: Sendable {
    enum Known: Sendable, Equatable {
        case link(RecordingLink, expires: ContinuousClock.Instant?)
        case none
    }

    /// What went wrong with the last `o`.
    public enum Problem: Sendable, Equatable {
        case provider(CallID, ProviderError)
        case player(CallID, String)

        public var callID: CallID {
            switch self {
            case .provider(let id, _), .player(let id, _): return id
            }
        }

        /// One line for the footer.
        public var message: String {
            switch self {
            case .provider(let id, let error): return "recording of call \(DisplayText.sanitize(id.rawValue)): \(error.message)"
            case .player(_, let why): return "cannot start the player \(why)"
            }
        }
    }

    var known: [CallID: Known] = [:]
    public internal(set) var pending: (ticket: LoadTicket, call: CallID)?
    public internal(set) var problem: Problem?
    /// What the last `o` did ("playing …", "has no recording"), said while its call is shown.
    public internal(set) var notice: (call: CallID, text: String)?

    /// Links older than this are fetched again a little before they expire, so a
    /// player never starts on a link about to die.
    static func expiry(of link: RecordingLink, fetchedAt now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let validity = link.validFor else { return nil }
        return now + validity - min(.seconds(60), validity / 10)
    }

    /// The cache stays small: a person presses `o` a few times a session.
    static let maximumKept = 256

    mutating func remember(_ call: CallID, _ known: Known) {
        if self.known.count >= Self.maximumKept, self.known[call] == nil { self.known.removeAll() }
        self.known[call] = known
    }

    /// The link to play now: known and not expired.
    func playableLink(for call: CallID, now: ContinuousClock.Instant) -> RecordingLink? {
        guard case .link(let link, let expires)? = known[call] else { return nil }
        if let expires, now >= expires { return nil }
        return link
    }
}

/// What the detail pane says about a call's recording.
public enum RecordingStatus: Sendable, Hashable {
    /// There is one (the vendor says so, or its link was fetched): `o` plays it.
    case available
    case none
    case loading
    case failed
    /// The vendor does not say: `o` asks.
    case unknown

    /// The value of the detail's "Recording" row.
    public var text: String {
        switch self {
        case .available: return "available · o plays"
        case .none: return "none"
        case .loading: return "loading…"
        case .failed: return "failed · o retries"
        case .unknown: return "not known · o asks"
        }
    }

    /// `o` does something useful on this call.
    public var canPlay: Bool { self != .none && self != .loading }
}

extension BrowserState {
    /// What is known about `call`'s recording; nil when the provider has none at all.
    public func recordingStatus(of call: Call) -> RecordingStatus? {
        guard descriptor.offersRecordings else { return nil }
        if recordings.pending?.call == call.id { return .loading }
        if recordings.problem?.callID == call.id { return .failed }
        switch recordings.known[call.id] {
        case .link?: return .available
        case .none?: return RecordingStatus.none
        case nil: break
        }
        switch call.hasRecording {
        case true?: return .available
        case false?: return RecordingStatus.none
        case nil: return .unknown
        }
    }
}
