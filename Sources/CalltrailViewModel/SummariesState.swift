import CalltrailModel
import CalltrailProviders

/// How long the selection must rest on a call before its AI summary is fetched:
/// scrolling through calls asks for none of the ones passed.
let summaryDelay: Duration = .milliseconds(300)

/// AI summaries fetched for the detail's Summary section: each once (kept), the
/// one in flight, the call whose summary falls due once the selection rests, and
/// the last failure (`r` retries it).
public struct SummariesState: Sendable {
    enum Known: Sendable, Equatable {
        case summary(CallSummary, SummaryDigest)
        case none
    }

    var known: [CallID: Known] = [:]
    public internal(set) var pending: (ticket: LoadTicket, call: CallID)?
    public internal(set) var failure: (call: CallID, error: ProviderError)?
    /// The call whose summary is fetched at `at`, if the selection is still on it.
    var due: (call: CallID, at: ContinuousClock.Instant)?

    /// The cache stays small: summaries are read one call at a time.
    static let maximumKept = 256

    mutating func remember(_ call: CallID, _ value: Known) {
        if known.count >= Self.maximumKept, known[call] == nil { known.removeAll() }
        known[call] = value
    }

    /// The summary fetched for `call`, if any.
    public func summary(of call: CallID) -> CallSummary? {
        if case .summary(let summary, _)? = known[call] { return summary }
        return nil
    }
}

/// What the detail's Summary section shows, already sanitised and short.
public struct SummaryDigest: Sendable, Hashable {
    public var status: CallSummary.Status
    public var summary: String?
    public var score: String?
    public var keywords: String?
    public var comment: String?
    public var transcriptLines: Int

    init(_ summary: CallSummary) {
        status = summary.status
        self.summary = summary.summary.map { DisplayText.sanitize(String($0.prefix(4_000)), keepNewlines: true) }
        score = summary.scoreText
        keywords = summary.keywords.isEmpty ? nil : DisplayText.sanitize(String(summary.keywords.joined(separator: ", ").prefix(1_000)))
        comment = summary.comment.map { DisplayText.sanitize(String($0.prefix(2_000)), keepNewlines: true) }
        transcriptLines = summary.transcript.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count } ?? 0
    }
}

/// What the detail says about a call's AI summary.
public enum SummaryStatus: Sendable, Hashable {
    /// The vendor says the call was not recorded: nothing to summarise.
    case notRecorded
    /// Not asked yet: it is fetched once the selection rests on the call.
    case waiting
    case loading
    /// The vendor has no summary for the call.
    case none
    case failed(String)
    case summary(SummaryDigest)
}

extension BrowserState {
    /// What is known about `call`'s summary; nil when the provider has none at all.
    public func summaryStatus(of call: Call) -> SummaryStatus? {
        guard descriptor.offersSummaries else { return nil }
        if call.hasRecording == false { return .notRecorded }
        if let failure = summaries.failure, failure.call == call.id { return .failed(failure.error.message) }
        if summaries.pending?.call == call.id { return .loading }
        switch summaries.known[call.id] {
        case .summary(_, let digest)?: return .summary(digest)
        case .none?: return SummaryStatus.none
        case nil: return .waiting
        }
    }

    /// Whether `call`'s summary should be fetched once the selection rests on it.
    func summaryWanted(_ call: Call) -> Bool {
        descriptor.offersSummaries && call.hasRecording != false && summaries.known[call.id] == nil
            && summaries.pending?.call != call.id && summaries.failure?.call != call.id
    }

    /// The selected call's transcript can open (`t`).
    public var canOpenTranscript: Bool {
        guard let call = detailCall, let summary = summaries.summary(of: call.id) else { return false }
        return !(summary.transcript ?? "").isEmpty
    }
}
