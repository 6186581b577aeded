import CalltrailModel
import CalltrailViewModel
import Foundation

/// How one cell is drawn: a semantic colour role from the theme plus emphasis.
/// The theme turns the role into colours; emphasis survives NO_COLOR.
public struct CellStyle: Hashable, Sendable {
    public var role: ThemeRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: ThemeRole = .text, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = CellStyle()

    /// The style as the four bytes it is: equal bits, equal styles. (Read from memory:
    /// `unsafeBitCast` builds the word field by field.)
    var bits: UInt32 { withUnsafeBytes(of: self) { $0.loadUnaligned(as: UInt32.self) } }

    // Compared and hashed as one word, not field by field: the screen writer and the
    // renderer compare styles for every cell they touch.
    public static func == (a: CellStyle, b: CellStyle) -> Bool { a.bits == b.bits }
    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }
}

/// One terminal cell. A wide character occupies its cell and marks the next one
/// as its continuation, which backends skip. Plain values only (a scalar or a
/// cluster's number, a style), so a screen of cells is made, copied, compared and
/// freed like bytes — every frame does each of these thousands of times.
public struct Cell: Hashable, Sendable {
    /// A Unicode scalar value, `GraphemeTable.firstNumber` and up for a cluster of
    /// several scalars, or `continuation`. With the style, eight bytes and no
    /// padding, so rows compare with `memcmp`.
    private var glyph: UInt32
    public var style: CellStyle

    private static let continuation: UInt32 = 0xFFFF_FFFF

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        let scalars = character.unicodeScalars
        if isContinuation {
            glyph = Self.continuation
        } else if scalars.count == 1, let only = scalars.first {
            glyph = only.value
        } else {
            glyph = GraphemeTable.shared.number(of: character)
        }
        self.style = style
    }

    /// A cell holding one scalar that is a character of its own.
    public init(scalar: Unicode.Scalar, style: CellStyle = .plain, isContinuation: Bool = false) {
        glyph = isContinuation ? Self.continuation : scalar.value
        self.style = style
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { glyph == Self.continuation }

    public var character: Character {
        if glyph < GraphemeTable.firstNumber { return Unicode.Scalar(glyph).map(Character.init) ?? "\u{FFFD}" }
        if glyph == Self.continuation { return " " }
        return GraphemeTable.shared.character(glyph)
    }

    /// The scalar the cell holds when it is one character of its own (not a cluster, not a continuation).
    var scalar: Unicode.Scalar? { glyph < GraphemeTable.firstNumber ? Unicode.Scalar(glyph) : nil }

    /// The printable ASCII byte the cell holds, if it is one.
    var asciiByte: UInt8? { glyph >= 0x20 && glyph < 0x7F ? UInt8(glyph) : nil }

    /// The cell as the eight bytes it is: equal bits, equal cells. (Read from memory:
    /// `unsafeBitCast` builds the word field by field, a dozen instructions.)
    var bits: UInt64 { withUnsafeBytes(of: self) { $0.loadUnaligned(as: UInt64.self) } }

    public static func == (a: Cell, b: Cell) -> Bool { a.bits == b.bits }
    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }
}

/// An in-memory screen: the pure renderer draws into it, the curses backend
/// blits it, and tests compare its lines with expected text.
///
/// A screen knows which rows were written since it was made or `restarted`: the
/// renderer draws a frame over a spare screen made equal to the last one, and the
/// writer then compares only those rows with the last frame (`isDrawn(over:)`).
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Rows written to since the screen was made (all of them) or restarted.
    private(set) var touched: RowSet
    /// Set by `seal`, cleared by any change after: this exact content has this number.
    private(set) var serial: Int?
    /// The serial of the screen this one was equal to when restarted: outside
    /// `touched` it still is.
    private(set) var basis: Int?

    /// Screens are equal when their cells are, however they were drawn.
    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        // Filled through the storage: `Array(repeating:count:)` stores a cell at a time, and
        // every frame starts from a blank screen of thousands of cells.
        let count = self.width * self.height
        let blank = Cell(scalar: " ")
        self.cells = Array(unsafeUninitializedCapacity: count) { storage, initialized in
            storage.initialize(repeating: blank)
            initialized = count
        }
        touched = RowSet(height: self.height, all: true)
    }

    /// Notes that `rows` are being written to.
    private mutating func touch(_ rows: Range<Int>) {
        serial = nil
        touched.insert(rows)
    }

    /// Gives this content a number of its own, so a screen drawn over a copy of it can say so.
    mutating func seal() {
        serial = ContentRevision.next()
    }

    /// Whether the rows this screen did not write to are `earlier`'s as they are now:
    /// it was restarted over a copy of `earlier`, which has not changed since.
    func isDrawn(over earlier: ScreenBuffer) -> Bool {
        basis != nil && basis == earlier.serial && width == earlier.width && height == earlier.height
    }

    /// Whether row `y` was written to since the screen was made or restarted.
    func wasTouched(row y: Int) -> Bool { touched.contains(y) }

    /// Makes this screen `latest` and starts it afresh as a copy of it with no rows
    /// written, by copying the rows `latest` wrote to: when `latest` was drawn over a
    /// copy of this screen as it is (they differ only in those rows), or on a blank
    /// screen (it wrote them all). False, and nothing changed, otherwise.
    mutating func restart(asCopyOf latest: ScreenBuffer) -> Bool {
        guard latest.width == width, latest.height == height, let number = latest.serial else { return false }
        let drawnOverThis = serial != nil && latest.basis == serial
        guard drawnOverThis || latest.touched == RowSet(height: height, all: true) else { return false }
        let width = width
        latest.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for row in 0..<height where latest.touched.contains(row) {
                    (to + row * width).update(from: from + row * width, count: width)
                }
            }
        }
        touched = RowSet(height: height, all: false)
        basis = number
        serial = nil
        return true
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped to `limit` columns (and the screen edge),
    /// and returns the column after the last one written. The text must already be
    /// sanitised; a wide character that does not fit whole is left out.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        touch(y..<(y + 1))
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        // Printable ASCII needs no grapheme breaking: a cell a byte, written as one run.
        if DisplayText.isPrintableASCII(text) {
            let utf8 = text.utf8
            let stop = min(end, x + utf8.count)
            let first = max(0, x)
            guard first < stop else { return max(x, stop) }
            // Only a wide character cut by either end of the run needs blanking; those inside are overwritten.
            clearWideNeighbour(x: first, y: y)
            clearWideNeighbour(x: stop - 1, y: y)
            let row = y * width
            cells.withUnsafeMutableBufferPointer { cells in
                var at = x
                for byte in utf8 {
                    if at >= stop { break }
                    if at >= 0 { cells[row + at] = Cell(scalar: Unicode.Scalar(byte), style: style) }
                    at += 1
                }
            }
            return stop
        }
        // Scalars that are characters of their own (box drawing, "·", "…", "★") skip grapheme breaking.
        if text.unicodeScalars.allSatisfy({ DisplayText.isStandalone($0.value) }) {
            for scalar in text.unicodeScalars {
                let w = DisplayText.width(of: scalar)
                if w == 0 { continue }
                if column + w > end { break }
                place(Cell(scalar: scalar, style: style), columns: w, x: column, y: y)
                column += w
            }
            return column
        }
        for character in text {
            let w = DisplayText.width(of: character)
            if w == 0 { continue }  // zero-width marks already counted with their base
            if column + w > end { break }
            place(Cell(character, style: style), columns: w, x: column, y: y)
            column += w
        }
        return column
    }

    /// Puts `cell` at (x, y) over `columns` cells: a character wider than one column
    /// (CJK, emoji, an Indic conjunct) owns the cells after it. Left of the screen: nothing.
    private mutating func place(_ cell: Cell, columns: Int, x: Int, y: Int) {
        guard x >= 0 else { return }
        for covered in x..<(x + columns) { clearWideNeighbour(x: covered, y: y) }
        cells[y * width + x] = cell
        for covered in (x + 1)..<(x + columns) {
            cells[y * width + covered] = Cell(scalar: " ", style: cell.style, isContinuation: true)
        }
    }

    /// Copies the cells of `rect` from `other` (a screen of the same size).
    public mutating func copy(_ rect: Rect, from other: ScreenBuffer) {
        guard other.width == width, other.height == height else { return }
        let x0 = max(0, rect.x), x1 = min(width, rect.x + rect.width)
        guard x0 < x1 else { return }
        let rows = max(0, rect.y)..<max(max(0, rect.y), min(height, rect.y + rect.height))
        guard !rows.isEmpty else { return }
        touch(rows)
        let width = width
        other.cells.withUnsafeBufferPointer { source in
            cells.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for row in rows {
                    let start = row * width + x0
                    (to + start).update(from: from + start, count: x1 - x0)
                }
            }
        }
    }

    /// The `count` cells from (x, y) on, which must lie within row `y`.
    func cellRun(x: Int, y: Int, count: Int) -> [Cell] {
        Array(cells[(y * width + x)..<(y * width + x + count)])
    }

    /// Writes `run` from (x, y) on, over whatever is there: a pane's whole line as drawn
    /// before, pasted again, so no wide character is cut at either end.
    mutating func paste(_ run: [Cell], x: Int, y: Int) {
        guard y >= 0, y < height, x >= 0, x + run.count <= width else { return }
        touch(y..<(y + 1))
        let start = y * width + x
        cells.withUnsafeMutableBufferPointer { target in
            run.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + start).update(from: from, count: run.count)
            }
        }
    }

    /// Copies the border of `rect` (its first and last rows and columns) from `other`.
    public mutating func copyEdges(of rect: Rect, from other: ScreenBuffer) {
        guard rect.width > 0, rect.height > 0 else { return }
        copy(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), from: other)
        copy(Rect(x: rect.x, y: rect.y + rect.height - 1, width: rect.width, height: 1), from: other)
        copy(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), from: other)
        copy(Rect(x: rect.x + rect.width - 1, y: rect.y, width: 1, height: rect.height), from: other)
    }

    /// Fills a rectangle with blanks (or one narrow `scalar`, e.g. a box's line) in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain, scalar: Unicode.Scalar = " ") {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        touch(y0..<y1)
        for row in y0..<y1 {
            // A wide character cut by either end of the run is blanked whole, as a terminal would.
            clearWideNeighbour(x: x0, y: row)
            clearWideNeighbour(x: x1 - 1, y: row)
            let cell = Cell(scalar: scalar, style: style)
            let start = row * width
            cells.withUnsafeMutableBufferPointer { cells in
                for column in x0..<x1 { cells[start + column] = cell }
            }
        }
    }

    /// Restyles existing cells without changing their text (selection bars).
    public mutating func restyle(x: Int, y: Int, width w: Int, style: CellStyle) {
        guard y >= 0, y < height else { return }
        touch(y..<(y + 1))
        for column in max(0, x)..<min(width, x + w) { cells[y * width + column].style = style }
    }

    /// The text of one row, continuation cells left out, trailing blanks kept.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out.append(self[x, y].character) }
        return out
    }

    /// Every row, trailing blanks trimmed: what tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    // Overwriting part of a wide character blanks the rest of it, as a terminal would.
    private mutating func clearWideNeighbour(x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let row = y * width
        guard cells[row + x].isContinuation || (x + 1 < width && cells[row + x + 1].isContinuation) else { return }
        var head = x
        while head > 0, cells[row + head].isContinuation { head -= 1 }
        var end = head + 1
        while end < width, cells[row + end].isContinuation { end += 1 }
        for column in head..<end { cells[row + column] = Cell(scalar: " ", style: cells[row + column].style) }
    }
}
