import CalltrailModel
import CalltrailProviders
import Foundation

/// A Lofty Call webhook payload: the `createdCall[]` entries and which id to
/// fetch each by. `timelineId` is the communicationId of Get-one-call; the legacy
/// `callId` points at the dialer record for MANUAL calls, so it is used only for
/// non-manual entries that lack a timelineId (and the caller says so).
public struct LoftyWebhookPayload: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Position in `createdCall`, from 0.
        public var index: Int
        public var timelineID: Int64?
        public var legacyCallID: Int64?
        public var isManual: Bool
    }

    public enum Lookup: Sendable, Equatable {
        case timeline(CallID)
        /// Fetching by the legacy callId: say so to the user.
        case legacyCallID(CallID)
        /// Nothing to fetch by, and why.
        case impossible(String)
    }

    /// The keys that may mark an entry as manually logged; the payload's exact
    /// spelling is not documented, so every plausible one is read here and only here.
    static let manualMarkerKeys = ["type", "callType", "source", "callSource", "communicationType"]

    public var entries: [Entry]

    public init(bytes: [UInt8]) throws(ProviderError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .invalidInput("the webhook payload is not JSON (\(error.description))")
        }
        guard case .array(let items)? = value["createdCall"] ?? value["data"]?["createdCall"] else {
            throw .invalidInput("the webhook payload has no \"createdCall\" list")
        }
        entries = items.enumerated().map { index, item in
            let manual = item["isManual"]?.boolValue == true
                || Self.manualMarkerKeys.contains { item[$0]?.stringValue?.uppercased() == "MANUAL" }
            return Entry(index: index, timelineID: Self.id(item["timelineId"]), legacyCallID: Self.id(item["callId"]),
                         isManual: manual)
        }
    }

    /// Ids arrive as numbers, sometimes as digit strings.
    static func id(_ value: JSONValue?) -> Int64? {
        guard let value, let n = value.int64Value, n >= 1 else { return nil }
        return n
    }

    public static func lookup(for entry: Entry) -> Lookup {
        if let timeline = entry.timelineID { return .timeline(CallID(timeline)) }
        if entry.isManual {
            return .impossible("a MANUAL entry without timelineId (its callId names the dialer record, not the call)")
        }
        if let legacy = entry.legacyCallID { return .legacyCallID(CallID(legacy)) }
        return .impossible("an entry with neither timelineId nor callId")
    }
}
