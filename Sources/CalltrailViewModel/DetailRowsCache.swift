import CalltrailModel
import Foundation
import Synchronization

/// The detail's rows for the last few (call, width, zone, time style, recording status): every frame and every
/// scroll key asks for them, and wrapping a long note is the costly part. A call
/// compares cheaply with its own copy (strings and arrays share storage).
final class DetailRowsCache: Sendable {
    static let shared = DetailRowsCache()

    private struct Key: Equatable {
        var call: Call
        var width: Int
        var zone: TimeZone
        var times: DetailTimeStyle
        var recording: RecordingStatus?
        var summary: SummaryStatus?
    }

    /// A call's rows, and for short times the zone's offset at its start ("UTC+02:00",
    /// nil when the call has no start), asked for with the rows every frame.
    struct Entry {
        let rows: [DetailRow]
        let zone: String?
    }

    /// The calls of about a screenful at the pane's width and the full screen's:
    /// moving back over calls just seen finds their rows made.
    private static let capacity = 48
    private let entries = Mutex<[(key: Key, entry: Entry)]>([])

    func entry(
        for call: Call, width: Int, zone: TimeZone, times: DetailTimeStyle, recording: RecordingStatus? = nil,
        summary: SummaryStatus? = nil, make: () -> Entry
    ) -> Entry {
        let key = Key(call: call, width: width, zone: zone, times: times, recording: recording, summary: summary)
        // The call's id first: a cheap miss for every other call's entry, no entry copied to look at it.
        let hit = entries.withLock { entries -> Entry? in
            for index in entries.indices where entries[index].key.call.id == call.id && entries[index].key == key {
                return entries[index].entry
            }
            return nil
        }
        if let hit { return hit }
        let entry = make()
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.insert((key, entry), at: 0)
            if entries.count > Self.capacity { entries.removeLast(entries.count - Self.capacity) }
        }
        return entry
    }
}
