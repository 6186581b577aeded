import CalltrailModel
import Foundation
import Synchronization

/// Calls' list rows as formatted for a zone (and, in the inbox, a lead's name):
/// every frame shows a screenful of them and a key usually moves only the
/// selection, so each is formatted once, not once per frame. A call compares
/// cheaply with its own copy (strings and arrays share storage); a changed call
/// is formatted again.
final class CallRowCache: Sendable {
    static let shared = CallRowCache()

    private struct Entry {
        var call: Call
        var zone: TimeZone
        var lead: String
        var row: CallRow
    }

    /// Many screenfuls; past it the cache starts again (a cheap, bounded reset).
    private static let capacity = 4_096
    private let entries = Mutex<[CallID: Entry]>([:])

    func row(for call: Call, zone: TimeZone, lead: String, isSelected: Bool) -> CallRow {
        let hit = entries.withLock { entries -> CallRow? in
            guard let entry = entries[call.id], entry.zone == zone, entry.lead == lead, entry.call == call else { return nil }
            return entry.row
        }
        if let hit { return hit.selecting(isSelected) }
        let row = CallRow(call: call, isSelected: false, zone: zone, lead: lead)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[call.id] = Entry(call: call, zone: zone, lead: lead, row: row)
        }
        return row.selecting(isSelected)
    }
}
