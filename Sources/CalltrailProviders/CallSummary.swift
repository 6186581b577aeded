import CalltrailModel

/// An AI summary of a call and its transcript (Lofty's `GET /v2.0/ai/call-summary`),
/// fetched when asked. Text fields are as the vendor sent them: sanitise before showing.
public struct CallSummary: Sendable, Hashable {
    /// Where the vendor's summary job is: only `finished` has a summary and a transcript.
    public enum Status: Sendable, Hashable {
        case pending, processing, finished, failed
        /// A code calltrail does not know, kept as sent.
        case other(Int64)

        /// Lofty's codes: 0 pending, 1 processing, 2 finished, 3 failed.
        public init(code: Int64) {
            switch code {
            case 0: self = .pending
            case 1: self = .processing
            case 2: self = .finished
            case 3: self = .failed
            default: self = .other(code)
            }
        }

        public var code: Int64 {
            switch self {
            case .pending: return 0
            case .processing: return 1
            case .finished: return 2
            case .failed: return 3
            case .other(let code): return code
            }
        }

        /// "pending", "processing", "finished", "failed", "status 7".
        public var word: String {
            switch self {
            case .pending: return "pending"
            case .processing: return "processing"
            case .finished: return "finished"
            case .failed: return "failed"
            case .other(let code): return "status \(code)"
            }
        }
    }

    /// Which id the vendor answered for: `dialerCallRecordId` or the call's own id
    /// (Lofty does not say which its `callRecordId` is; see `LoftyProvider.summary`).
    public struct Lookup: Sendable, Hashable {
        public var key: String
        public var id: Int64
        public init(key: String, id: Int64) {
            self.key = key
            self.id = id
        }
        public static let dialerRecordKey = "dialerCallRecordId"
        public static let callKey = "callId"
    }

    public var status: Status
    public var summary: String?
    /// The whole transcript, lines separated by newlines.
    public var transcript: String?
    public var keywords: [String]
    public var score: Double?
    public var comment: String?
    /// The vendor's own ids, as text (exact).
    public var summaryID: String?
    public var recordingID: String?
    public var userID: String?
    public var foundBy: Lookup?
    /// The `data` object exactly as sent (nil for the demo).
    public var raw: JSONValue?

    public init(
        status: Status, summary: String? = nil, transcript: String? = nil, keywords: [String] = [],
        score: Double? = nil, comment: String? = nil, summaryID: String? = nil, recordingID: String? = nil,
        userID: String? = nil, foundBy: Lookup? = nil, raw: JSONValue? = nil
    ) {
        self.status = status
        self.summary = summary
        self.transcript = transcript
        self.keywords = keywords
        self.score = score
        self.comment = comment
        self.summaryID = summaryID
        self.recordingID = recordingID
        self.userID = userID
        self.foundBy = foundBy
        self.raw = raw
    }

    /// The score as people write it: "87", "4.5".
    public var scoreText: String? {
        guard let score, score.isFinite else { return nil }
        if score == score.rounded(), abs(score) < 1e15 { return String(Int64(score)) }
        return String(score)
    }
}

extension CallProvider {
    /// Vendors without AI summaries: said plainly, never as a failed request.
    public func summary(forCall call: Call) async throws -> CallSummary? {
        throw ProviderError.unsupported("AI call summaries are not offered by \(descriptor.name)")
    }
}
