import CalltrailModel
import CalltrailProviders

/// What Lofty's opaque call cursor holds: the last id returned (sent as
/// `currentId`), how many calls came before (for the offset fallback), the first
/// id of the history (to notice a server that ignores the cursor) and which mode
/// the walk is in.
struct LoftyCallCursor: Equatable {
    enum Mode: String { case id, offset }

    var lastID: Int64
    var offset: Int
    var headID: Int64
    var mode: Mode

    var pageCursor: PageCursor {
        PageCursor("lofty1:\(mode.rawValue):\(lastID):\(offset):\(headID)")
    }

    init(lastID: Int64, offset: Int, headID: Int64, mode: Mode) {
        self.lastID = lastID
        self.offset = offset
        self.headID = headID
        self.mode = mode
    }

    init(_ cursor: PageCursor) throws(ProviderError) {
        let parts = cursor.token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "lofty1",
              let mode = Mode(rawValue: String(parts[1])),
              let lastID = Int64(parts[2]), let offset = Int(parts[3]), offset >= 0,
              let headID = Int64(parts[4])
        else { throw .invalidInput("that page cursor did not come from the Lofty provider") }
        self.init(lastID: lastID, offset: offset, headID: headID, mode: mode)
    }
}
