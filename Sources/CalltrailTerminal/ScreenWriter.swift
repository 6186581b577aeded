import CalltrailModel
import CNcursesw
import Foundation

/// Turns the difference between the last frame and the next into the bytes a
/// terminal needs — cursor moves, attributes from terminfo, UTF-8 text — for
/// one `write`. Curses' own update flushes at every cursor jump (dozens of
/// small writes a frame, each waking the terminal); a frame here is one write.
/// A class: it keeps what the terminal shows (its attributes) and caches of
/// sequences, and as a struct of a dozen capability strings it was copied to
/// call each of its helpers from a mutating method, a few times a cell.
final class ScreenWriter {
    /// What one role looks like on this terminal.
    struct Look: Sendable {
        var bold = false
        var reverse = false
        var underline = false
        var dim = false
        /// Palette numbers; -1 for the terminal's default.
        var foreground: Int16 = -1
        var background: Int16 = -1
    }

    /// The terminfo strings a frame is written with.
    struct Capabilities: Sendable {
        var sgr0: String
        /// `op`: back to the default colours (empty when `sgr0` already does it).
        var originalPair: String
        /// `op` whatever `sgr0` does: how a colour alone goes back to the default.
        var defaultColors: String
        var bold: String, reverse: String, underline: String, dim: String
        /// `setaf` / `setab`, with the colour number as their parameter.
        var setForeground: String?, setBackground: String?
        var clear: String
        /// `cup`, with the row and column as its parameters.
        var cursorAddress: String
        /// Writing the bottom-right cell cannot scroll (no auto margin, or the newline glitch defers the wrap).
        var lastCellIsSafe: Bool
        /// `ech`, with the count as its parameter: blanks that many cells from the cursor, which stays.
        var eraseCharacters: String? = nil
        /// `bce`: erased cells take the current background colour (else the default one).
        var backColorErase = false

        /// The loaded terminal's (curses has read its entry).
        static func fromTerminfo() -> Capabilities {
            func string(_ name: String) -> String { ct_tigetstr(name).map { withoutPadding(String(cString: $0)) } ?? "" }
            let sgr0 = string("sgr0")
            // Most sgr0 strings reset colours too (`ESC[m`, `ESC[0m`); elsewhere `op` does.
            let resets = sgr0.contains("\u{1B}[m") || sgr0.contains("\u{1B}[0m") || sgr0.contains("\u{1B}[0;")
            return Capabilities(
                sgr0: sgr0, originalPair: resets ? "" : string("op"), defaultColors: string("op"), bold: string("bold"), reverse: string("rev"),
                underline: string("smul"), dim: string("dim"), setForeground: ct_tigetstr("setaf").map { withoutPadding(String(cString: $0)) },
                setBackground: ct_tigetstr("setab").map { withoutPadding(String(cString: $0)) }, clear: string("clear"),
                cursorAddress: string("cup"), lastCellIsSafe: ct_tigetflag("am") == 0 || ct_tigetflag("xenl") == 1,
                eraseCharacters: ct_tigetstr("ech").map { withoutPadding(String(cString: $0)) }, backColorErase: ct_tigetflag("bce") == 1)
        }

        /// A capability without its padding (`$<5>`, `$<2/>`): delays for hardware
        /// terminals that curses' tputs would wait out; written as they are, they would show as text.
        static func withoutPadding(_ capability: String) -> String {
            guard capability.contains("$<") else { return capability }
            var out = ""
            var rest = capability[...]
            while let start = rest.range(of: "$<") {
                out += rest[..<start.lowerBound]
                guard let end = rest[start.upperBound...].firstIndex(of: ">") else { return out + rest[start.lowerBound...] }
                rest = rest[rest.index(after: end)...]
            }
            return out + rest
        }

        /// xterm-256color's, for tests.
        static let xterm = Capabilities(
            sgr0: "\u{1B}(B\u{1B}[m", originalPair: "", defaultColors: "\u{1B}[39;49m", bold: "\u{1B}[1m", reverse: "\u{1B}[7m", underline: "\u{1B}[4m",
            dim: "\u{1B}[2m", setForeground: "\u{1B}[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m",
            setBackground: "\u{1B}[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m",
            clear: "\u{1B}[H\u{1B}[2J", cursorAddress: "\u{1B}[%i%p1%d;%p2%dH", lastCellIsSafe: true, eraseCharacters: "\u{1B}[%p1%dX",
            backColorErase: true)
    }

    private let looks: [ThemeRole: Look]
    private let capabilities: Capabilities
    private let clear: [UInt8]
    /// `cup` is the ANSI form, written without terminfo's interpreter.
    private let ansiCursor: Bool
    /// `ech` is the ANSI form (`ESC[nX`); nil when the terminal has no `ech`.
    private let ansiErase: Bool?
    /// Whether a blank cell of a style can be erased rather than written (`erases`).
    private var erasable: [CellStyle: Bool] = [:]
    private var sequences: [CellStyle: [UInt8]] = [:]
    /// Keyed by both styles' bits: hashing one integer a change, not two structs.
    private var transitions: [UInt64: [UInt8]] = [:]
    /// The attributes the terminal has now; nil when unknown (start, after a full repaint).
    private var attributes: CellStyle?
    /// The frame being written, its memory kept from frame to frame.
    private let output = FrameBytes()


    init(looks: [ThemeRole: Look], capabilities: Capabilities) {
        self.looks = looks
        self.capabilities = capabilities
        clear = Array(capabilities.clear.utf8)
        let cup = capabilities.cursorAddress
        ansiCursor = Self.expand(cup, 0, 0) == "\u{1B}[1;1H" && Self.expand(cup, 9, 119) == "\u{1B}[10;120H"
        ansiErase = capabilities.eraseCharacters.map { Self.expand($0, 7) == "\u{1B}[7X" && Self.expand($0, 12) == "\u{1B}[12X" }
    }

    /// The bytes that turn `previous` (what the terminal shows; nil: unknown) into `next`.
    func bytes(from previous: ScreenBuffer?, to next: ScreenBuffer) -> [UInt8] {
        frame(from: previous, to: next).array
    }

    /// `bytes`, in the writer's own buffer: valid until the next frame is made.
    func frame(from previous: ScreenBuffer?, to next: ScreenBuffer) -> FrameBytes {
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        let out = output
        out.removeAll()
        if full {
            out.append(clear)
            attributes = nil
        }
        let earlier = full ? nil : previous
        // A screen drawn over a copy of the last one differs from it only in the rows it wrote
        // to; the others are not looked at (nor brought into the cache). Otherwise every cell of
        // both screens is: through their storage, compared as eight-byte words.
        let onlyTouched = earlier.map { next.isDrawn(over: $0) } ?? false
        next.cells.withUnsafeBufferPointer { now in
            (earlier?.cells ?? []).withUnsafeBufferPointer { before in
                write(now, over: earlier == nil ? nil : before, width: next.width, height: next.height, rows: onlyTouched ? next : nil, into: out)
            }
        }
        return out
    }

    /// `bytes`' work: `now`'s cells where they differ from `before`'s (nil: all of them),
    /// looking only at the rows `rows` wrote to when given.
    private func write(
        _ now: UnsafeBufferPointer<Cell>, over before: UnsafeBufferPointer<Cell>?, width: Int, height: Int, rows: ScreenBuffer?,
        into out: FrameBytes
    ) {
        // Where the terminal's cursor is, when known.
        var cursor: (x: Int, y: Int)?
        let nowWords = CellWords(now), beforeWords = before.map(CellWords.init)
        // The terminal's attributes, kept in a local while the frame is written: a class's
        // property costs a runtime exclusivity check at each access, and this is read at each cell.
        var attributes = self.attributes
        defer { self.attributes = attributes }
        let lastCellIsSafe = capabilities.lastCellIsSafe
        for y in 0..<height {
            if let rows, !rows.wasTouched(row: y) { continue }
            let row = y * width
            if let before, Self.sameCells(now, before, from: row, count: width) { continue }
            // The last cell of the screen, where writing would scroll it on some terminals.
            let unsafeCell = y == height - 1 && !lastCellIsSafe ? width - 1 : width
            var x = 0
            while x < width {
                if let beforeWords {
                    // Unchanged cells are passed over.
                    var changed = Self.firstDifference(nowWords, beforeWords, from: row + x, to: row + width) - row
                    if changed == width { break }
                    // A wide character is written whole when either half changed.
                    while changed > 0, now[row + changed].isContinuation { changed -= 1 }
                    // A short gap between changes is cheaper written again than jumped over.
                    if changed > x, let at = cursor, at == (x, y), changed - x <= Self.gapWorthWriting,
                        (x..<changed).allSatisfy({ now[row + $0].asciiByte != nil && now[row + $0].style == attributes })
                    {
                        for column in x..<changed { if let byte = now[row + column].asciiByte { out.append(byte) } }
                        cursor = (changed, y)
                    }
                    x = max(x, changed)
                }
                let cell = now[row + x]
                if cell.isContinuation || x == unsafeCell {
                    x += 1
                    continue
                }
                if let at = cursor, at == (x, y) {} else { moveCursor(x: x, y: y, into: out) }
                if cell.style != attributes {
                    out.append(change(from: attributes, to: cell.style))
                    attributes = cell.style
                }
                if cell.asciiByte == Self.space {
                    // Blanks: erased when they are the last change on the row, else written in one go.
                    let run = blankRun(at: x, row: row, width: width, now: nowWords, before: beforeWords)
                    if run.erasable, run.changedEnd - x >= Self.eraseWorthUsing, erases(cell.style) {
                        appendErase(run.changedEnd - x, to: out)
                        cursor = (x, y)
                        break
                    }
                    let stop = min(run.changedEnd, unsafeCell)
                    out.append(Self.space, times: stop - x)
                    x = stop
                    cursor = x < width ? (x, y) : nil
                    continue
                }
                cursor = write(cell, x: x, y: y, width: width, into: out)
                x += 1
                guard cursor != nil, cell.asciiByte != nil else { continue }
                // The rest of a run of changed ASCII in the same style, byte by byte. It stops
                // at an unchanged cell (the loop decides to jump or write over it) and where
                // blanks look long enough to be worth erasing.
                let style = nowWords[row + x - 1] >> 32
                while x < unsafeCell {
                    let word = nowWords[row + x]
                    guard word >> 32 == style, let byte = now[row + x].asciiByte else { break }
                    if let beforeWords, beforeWords[row + x] == word { break }
                    if byte == Self.space, x + Self.eraseWorthUsing <= width, nowWords[row + x + 1] == word,
                        nowWords[row + x + Self.eraseWorthUsing - 1] == word
                    {
                        break
                    }
                    out.append(byte)
                    x += 1
                }
                cursor = x < width ? (x, y) : nil
            }
        }
    }

    private static let space = UInt8(ascii: " ")

    /// Erasing beats writing from this many blanks: `ESC[5X` is four bytes.
    static let eraseWorthUsing = 5

    /// The blanks like the one at `x`: one past the last of them that changed
    /// (`before` nil: the screen was cleared, so each did), and whether nothing
    /// after them on the row changed, so erasing them finishes the row.
    private func blankRun(at x: Int, row: Int, width: Int, now: CellWords, before: CellWords?) -> (changedEnd: Int, erasable: Bool) {
        let blank = now[row + x]
        var end = x + 1
        while end < width, now[row + end] == blank { end += 1 }
        guard let before else { return (end, ansiErase != nil && end == width) }
        var changedEnd = end
        while changedEnd > x + 1, now[row + changedEnd - 1] == before[row + changedEnd - 1] { changedEnd -= 1 }
        let rest = end == width || Self.firstDifference(now, before, from: row + end, to: row + width) == row + width
        return (changedEnd, ansiErase != nil && rest)
    }

    /// Whether an erased cell looks like a blank in `style`: its background is the one
    /// erasing gives (the default, or the current one where `bce` says so), and it has
    /// nothing an erased cell would lose (reverse video, underline).
    private func erases(_ style: CellStyle) -> Bool {
        if let known = erasable[style] { return known }
        let look = effective(style)
        let answer = !look.reverse && !look.underline && (look.background < 0 || capabilities.backColorErase)
        erasable[style] = answer
        return answer
    }

    private func appendErase(_ count: Int, to out: FrameBytes) {
        if ansiErase == true {
            out.append(0x1B)
            out.append(UInt8(ascii: "["))
            Self.appendDecimal(count, to: out)
            out.append(UInt8(ascii: "X"))
        } else if let erase = capabilities.eraseCharacters {
            out.append(Array(Self.expand(erase, Int32(count)).utf8))
        }
    }

    /// Whether `count` cells from `start` are the same in both screens (a whole row: memcmp's wide loads).
    private static func sameCells(_ a: UnsafeBufferPointer<Cell>, _ b: UnsafeBufferPointer<Cell>, from start: Int, count: Int) -> Bool {
        guard let first = a.baseAddress, let second = b.baseAddress else { return count == 0 }
        return memcmp(first + start, second + start, count * MemoryLayout<Cell>.stride) == 0
    }

    /// The first index in `start..<end` where the two screens' cells differ, or `end`.
    /// Four cells a step while they agree: a changed pane usually starts far into the row.
    private static func firstDifference(_ a: CellWords, _ b: CellWords, from start: Int, to end: Int) -> Int {
        var index = start
        while index &+ 4 <= end {
            let differ = (a[index] ^ b[index]) | (a[index &+ 1] ^ b[index &+ 1]) | (a[index &+ 2] ^ b[index &+ 2]) | (a[index &+ 3] ^ b[index &+ 3])
            if differ != 0 { break }
            index &+= 4
        }
        while index < end, a[index] == b[index] { index += 1 }
        return index
    }

    /// Cells read as the eight-byte words they are, straight from the screen's storage
    /// (a cell's style is the upper half). Valid while the buffer it was made from is.
    private struct CellWords {
        /// Nil only for an empty screen, whose cells are never read.
        let base: UnsafeRawPointer?

        init(_ cells: UnsafeBufferPointer<Cell>) {
            base = cells.baseAddress.map(UnsafeRawPointer.init)
        }

        subscript(index: Int) -> UInt64 {
            // Unwrapped without a test at each load: callers only index cells the screen has.
            base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: index &* MemoryLayout<Cell>.stride, as: UInt64.self)
        }
    }

    /// Unchanged cells shorter than a cursor move (`ESC[yy;xxH`) are rewritten instead.
    static let gapWorthWriting = 5

    /// Writes the cell's character; returns where the cursor is after it, or
    /// nil when a cluster's width on the terminal is not certain.
    private func write(_ cell: Cell, x: Int, y: Int, width: Int, into out: FrameBytes) -> (x: Int, y: Int)? {
        if let ascii = cell.asciiByte {
            out.append(ascii)
            return x + 1 < width ? (x + 1, y) : nil
        }
        if let only = cell.scalar {
            UTF8.encode(only) { out.append($0) }
            let next = x + max(1, DisplayText.width(of: only))
            return next < width ? (next, y) : nil
        }
        let character = cell.character
        // A cluster goes out as curses sent it: glyph by glyph, nothing after a joiner.
        for glyph in CellGlyphs.glyphs(of: character) where x + glyph.offset < width {
            for scalar in glyph.scalars { UTF8.encode(scalar) { out.append($0) } }
        }
        return nil
    }

    private func moveCursor(x: Int, y: Int, into out: FrameBytes) {
        if ansiCursor {
            out.append(0x1B)
            out.append(UInt8(ascii: "["))
            Self.appendDecimal(y + 1, to: out)
            out.append(UInt8(ascii: ";"))
            Self.appendDecimal(x + 1, to: out)
            out.append(UInt8(ascii: "H"))
        } else {
            out.append(Array(Self.expand(capabilities.cursorAddress, Int32(y), Int32(x)).utf8))
        }
    }

    /// `n` (≥ 0) in decimal digits, without making a string or looking anything up
    /// (every cursor move writes two).
    private static func appendDecimal(_ n: Int, to out: FrameBytes) {
        let zero = UInt8(ascii: "0")
        if n < 10 {
            out.append(zero + UInt8(n))
        } else if n < 100 {
            out.append(zero + UInt8(n / 10))
            out.append(zero + UInt8(n % 10))
        } else if n < 1_000 {
            out.append(zero + UInt8(n / 100))
            out.append(zero + UInt8(n / 10 % 10))
            out.append(zero + UInt8(n % 10))
        } else {
            appendDecimal(n / 10, to: out)
            out.append(zero + UInt8(n % 10))
        }
    }

    /// The shortest way from one style to the next: only the colour that changed
    /// when the emphasis is the same, else everything from a reset.
    private func change(from old: CellStyle?, to new: CellStyle) -> [UInt8] {
        guard let old else { return sequence(for: new) }
        let key = UInt64(old.bits) << 32 | UInt64(new.bits)
        if let known = transitions[key] { return known }
        let a = effective(old), b = effective(new)
        var out: [UInt8]
        let sameEmphasis = a.bold == b.bold && a.reverse == b.reverse && a.underline == b.underline && a.dim == b.dim
        // A colour goes back to the terminal's default only through `op`, which resets both.
        let toDefault = (a.foreground != b.foreground && b.foreground < 0) || (a.background != b.background && b.background < 0)
        if sameEmphasis, !toDefault || !capabilities.defaultColors.isEmpty {
            var text = toDefault ? capabilities.defaultColors : ""
            if b.foreground >= 0, toDefault || a.foreground != b.foreground, let set = capabilities.setForeground {
                text += Self.expand(set, Int32(b.foreground))
            }
            if b.background >= 0, toDefault || a.background != b.background, let set = capabilities.setBackground {
                text += Self.expand(set, Int32(b.background))
            }
            out = Array(text.utf8)
        } else {
            out = sequence(for: new)
        }
        transitions[key] = out
        return out
    }

    /// A role's look with a style's emphasis on it.
    private func effective(_ style: CellStyle) -> Look {
        var look = looks[style.role] ?? Look()
        look.bold = look.bold || style.bold
        look.reverse = look.reverse || style.reverse
        look.underline = look.underline || style.underline
        return look
    }

    /// The attributes for `style`: reset, then the role's look and the style's emphasis.
    private func sequence(for style: CellStyle) -> [UInt8] {
        if let known = sequences[style] { return known }
        let look = effective(style)
        var text = capabilities.sgr0 + capabilities.originalPair
        if look.bold { text += capabilities.bold }
        if look.reverse { text += capabilities.reverse }
        if look.underline { text += capabilities.underline }
        if look.dim { text += capabilities.dim }
        if look.foreground >= 0, let set = capabilities.setForeground { text += Self.expand(set, Int32(look.foreground)) }
        if look.background >= 0, let set = capabilities.setBackground { text += Self.expand(set, Int32(look.background)) }
        let out = Array(text.utf8)
        sequences[style] = out
        return out
    }

    private static func expand(_ capability: String, _ a: Int32) -> String {
        capability.withCString { ct_tiparm1($0, a).map { String(cString: $0) } ?? "" }
    }

    private static func expand(_ capability: String, _ a: Int32, _ b: Int32) -> String {
        capability.withCString { ct_tiparm2($0, a, b).map { String(cString: $0) } ?? "" }
    }
}
