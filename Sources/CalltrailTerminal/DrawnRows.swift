import Synchronization

/// Rows as drawn, by the storage of their spans. The frame builder hands back the
/// same rows frame after frame (`FrameBuilderMemo`: each call's list row, each
/// call's detail rows), so a row laid out once is pasted as cells when it shows
/// again: after a scroll, when the selection leaves it, or on coming back to a
/// call whose detail was shown before. An entry keeps its row, so the storage
/// its key names cannot be freed and reused by another row while it is cached.
final class DrawnRows: Sendable {
    private struct Entry {
        let row: FrameRow
        let width: Int
        let cells: [Cell]
    }

    /// Many screenfuls; past it the cache starts again (a cheap, bounded reset).
    private static let capacity = 4_096
    private let entries = Mutex<[Int: Entry]>([:])

    /// The row's identity: where its spans are stored (nil for a row without spans, which costs nothing to draw).
    private static func key(of row: FrameRow) -> Int? {
        guard !row.spans.isEmpty else { return nil }
        return row.spans.withUnsafeBufferPointer { $0.baseAddress.map { Int(bitPattern: $0) } }
    }

    /// The cells `row` was drawn as at `width`, if it was.
    func cells(of row: FrameRow, width: Int) -> [Cell]? {
        guard let key = Self.key(of: row) else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[key], entry.width == width, entry.row == row else { return nil }
            return entry.cells
        }
    }

    func remember(_ row: FrameRow, width: Int, cells: [Cell]) {
        guard let key = Self.key(of: row) else { return }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(row: row, width: width, cells: cells)
        }
    }
}
