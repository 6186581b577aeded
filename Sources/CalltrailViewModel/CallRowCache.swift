import CalltrailModel
import Foundation
import Synchronization

/// Calls' list rows as formatted for a zone (and, in the inbox, a lead's name):
/// every frame shows a screenful of them and a key usually moves only the
/// selection, so each is formatted once, not once per frame. A call whose shown
/// fields changed is formatted again.
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

    /// The fields `CallRow` is made of (comparing the whole call would walk its raw JSON every frame).
    private static func showsTheSame(_ a: Call, _ b: Call) -> Bool {
        a.direction == b.direction && a.startTime == b.startTime && a.duration == b.duration && a.status == b.status
            && a.outcome == b.outcome && a.rating == b.rating && a.note == b.note && a.isManual == b.isManual
            && a.isDeleted == b.isDeleted && a.unreadable == b.unreadable && (a.unreadable == nil || a.raw == b.raw)
    }

    func row(for call: Call, zone: TimeZone, lead: String, isSelected: Bool) -> CallRow {
        let hit = entries.withLock { entries -> CallRow? in
            guard let entry = entries[call.id], entry.zone == zone, entry.lead == lead, Self.showsTheSame(entry.call, call) else { return nil }
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
