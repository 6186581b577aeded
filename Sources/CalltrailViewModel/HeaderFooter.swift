import CalltrailModel
import Foundation

/// The header line's facts.
public struct HeaderFacts: Sendable, Hashable {
    public let providerName: String
    public let accountLabel: String?
    /// The open lead's name, sanitised.
    public let leadName: String?
    /// Calls of the open lead loaded so far ("1,204 calls loaded").
    public let callsLoaded: Int
    /// The history is known to end here (so the count is the lead's total).
    public let isComplete: Bool
    /// A spinner frame while a load has taken longer than the grace period; nil otherwise.
    public let spinner: String?
    /// What a long load is doing for the user and how to stop it ("to the end · Esc
    /// stops"), shown with the spinner; nil otherwise.
    public let catchingUp: String?
}

/// One of the keys 1…6 in the footer.
public struct FilterSlot: Sendable, Hashable {
    /// "1"…"6".
    public let key: String
    public let label: String
    public let outcome: CallOutcome
    public let isOn: Bool
}

/// The footer line's facts.
public struct FooterFacts: Sendable, Hashable {
    public let slots: [FilterSlot]
    /// "all", "outbound", "inbound".
    public let direction: String
    public let filterIsActive: Bool
    /// While filtering: calls looked at and how many match.
    public let examined: Int
    public let matched: Int
    /// The `/` prompt while typing ("/jan").
    public let searchPrompt: String?
    /// In an empty prompt, the previous term (↑ recalls it); sanitised.
    public let searchHint: String?
    /// While typing, how many match ("12 leads", "3 of 240 loaded calls").
    public let searchMatches: String?
    /// A notice ("no loaded call matches …").
    public let notice: String?
    /// The error of the focused load, with `retryHint` telling how to retry.
    public let error: String?
    public let retryHint: String?
}

/// Loads show a mark only after this long, so quick ones do not flicker.
public let loadingMarkGrace: Duration = .milliseconds(300)

extension BrowserState {
    static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// When the oldest running load started.
    public var loadingSince: ContinuousClock.Instant? {
        Self.earliest(timeline?.pending?.startedAt, leads.pending?.startedAt)
    }

    /// A load has run past the grace period: time to show a mark.
    public var showsLoadingMark: Bool {
        guard let since = loadingSince else { return false }
        return now - since >= loadingMarkGrace
    }

    /// The sooner of two instants, or the one there is (asked on every step: no array made).
    static func earliest(_ a: ContinuousClock.Instant?, _ b: ContinuousClock.Instant?) -> ContinuousClock.Instant? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    /// How long each spinner frame shows.
    static let spinnerFrameDuration: Duration = .milliseconds(80)

    /// When the state next changes by itself, so the front end sends `.tick` then:
    /// the loading mark appearing after the grace period, each spinner frame, a
    /// lead preview or a typed leads search falling due (`debounceDeadline`).
    /// nil when none of these waits: the front end sleeps until input or a result.
    public var nextTickDeadline: ContinuousClock.Instant? {
        Self.earliest(loadingMarkDeadline, debounceDeadline)
    }

    private var loadingMarkDeadline: ContinuousClock.Instant? {
        guard let since = loadingSince else { return nil }
        let shown = since + loadingMarkGrace
        if now < shown { return shown }
        let frames = ((now - since) / Self.spinnerFrameDuration).rounded(.down) + 1
        return since + Self.spinnerFrameDuration * frames
    }

    private var catchingUpLabel: String? {
        if let timeline {
            if let search = timeline.pendingSearch {
                return "searching “\(DisplayText.sanitize(search.query))” · Esc stops"
            }
            if timeline.pendingJump == .bottom { return "to the end · Esc stops" }
            if timeline.pendingMotion != 0 { return "catching up · Esc stops" }
            if timeline.completingStats { return "stats: loading the rest · Esc stops" }
        }
        if leads.pendingMotion != 0 { return "loading leads · Esc stops" }
        return nil
    }

    public var header: HeaderFacts {
        var spinner: String?
        if showsLoadingMark, let since = loadingSince {
            let elapsed = now - since
            let frame = Int(elapsed / Self.spinnerFrameDuration)
            spinner = Self.spinnerFrames[frame % Self.spinnerFrames.count]
        }
        return HeaderFacts(
            providerName: providerLabel,
            accountLabel: accountLabel,
            leadName: timeline?.leadLabel,
            callsLoaded: timeline?.callsLoaded ?? 0,
            isComplete: timeline?.historyEnded ?? false,
            spinner: spinner,
            catchingUp: spinner == nil ? nil : catchingUpLabel
        )
    }

    private static let slotKeys = (1...OutcomeSlots.count).map(String.init)

    public var footer: FooterFacts {
        var slots: [FilterSlot] = []
        for (index, outcome) in outcomeSlots.keys.enumerated() {
            guard let outcome, let label = outcomeSlots.labels[index] else { continue }
            slots.append(FilterSlot(key: Self.slotKeys[index], label: label, outcome: outcome, isOn: filter.outcomes.contains(outcome)))
        }
        let direction: String
        switch filter.direction {
        case nil: direction = "all"
        case .outbound?: direction = "outbound"
        case .inbound?: direction = "inbound"
        case .other(let raw)?: direction = DisplayText.sanitizeLine(raw)
        }
        var error: String?
        var retryHint: String? = "r retries"
        if let problem = recordings.problem, problem.callID == detailCall?.id {
            // The answer to the last key the user pressed comes first.
            error = problem.message
            // Pressing o again fetches again; a player that cannot start needs the config changed.
            if case .player = problem { retryHint = nil } else { retryHint = "o retries" }
        } else if let failure = summaries.failure, failure.call == detailCall?.id, transcript == nil {
            error = "summary of call \(DisplayText.sanitize(failure.call.rawValue)): \(failure.error.message)"
        } else if focus == .leads || timeline == nil, let failure = leads.failure {
            error = failure.message
        } else if let failure = timeline?.failure {
            error = failure.error.message
        } else if let failure = leads.failure {
            error = failure.message
        } else if let failure = detailFailure {
            error = failure
        }
        return FooterFacts(
            slots: slots,
            direction: direction,
            filterIsActive: filter.isActive,
            examined: timeline?.callsExamined ?? 0,
            matched: timeline?.callsMatched ?? 0,
            searchPrompt: search.isEditing ? "/" + DisplayText.sanitize(search.text) : nil,
            searchHint: search.isEditing ? search.hint.map { DisplayText.sanitize($0) } : nil,
            searchMatches: searchMatchSummary,
            // What `o` did is said while its call is shown, then goes (it does not hide the keys for good).
            notice: notice ?? recordings.notice.flatMap { $0.call == detailCall?.id ? $0.text : nil },
            error: error.map { DisplayText.sanitize($0) },
            retryHint: error == nil ? nil : retryHint
        )
    }
}
