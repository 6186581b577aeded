/// A set of a screen's rows, as bits: which rows a frame wrote to.
struct RowSet: Sendable, Equatable {
    private var words: [UInt64]

    /// Every row of a screen `height` rows tall, or none.
    init(height: Int, all: Bool) {
        words = Array(repeating: all ? ~0 : 0, count: (max(0, height) + 63) / 64)
    }

    func contains(_ row: Int) -> Bool {
        guard row >= 0, row / 64 < words.count else { return false }
        return words[row / 64] & (1 << UInt64(row % 64)) != 0
    }

    mutating func insert(_ rows: Range<Int>) {
        for row in rows where row >= 0 && row / 64 < words.count { words[row / 64] |= 1 << UInt64(row % 64) }
    }

    mutating func insert(_ row: Int) { insert(row..<(row + 1)) }
}
