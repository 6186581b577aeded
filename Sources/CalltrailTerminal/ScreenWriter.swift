import CalltrailModel
import CNcursesw
import Foundation

/// Turns the difference between the last frame and the next into the bytes a
/// terminal needs — cursor moves, attributes from terminfo, UTF-8 text — for
/// one `write`. Curses' own update flushes at every cursor jump (dozens of
/// small writes a frame, each waking the terminal); a frame here is one write.
struct ScreenWriter {
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

    private let looks: [ThemeRole: Look]
    private let sgr0: [UInt8]
    private let resetColors: [UInt8]
    private let bold: [UInt8], reverse: [UInt8], underline: [UInt8], dim: [UInt8]
    private let setForeground: String?, setBackground: String?
    private let clear: [UInt8]
    private let cup: String
    /// `cup` is the ANSI form, written without terminfo's interpreter.
    private let ansiCursor: Bool
    /// Writing the bottom-right cell cannot scroll (no auto margin, or the newline glitch defers the wrap).
    private let lastCellIsSafe: Bool
    private var sequences: [CellStyle: [UInt8]] = [:]

    /// Reads the terminal's capabilities (curses has loaded its entry).
    init(looks: [ThemeRole: Look]) {
        self.looks = looks
        func string(_ name: String) -> [UInt8] { ct_tigetstr(name).map { Array(String(cString: $0).utf8) } ?? [] }
        sgr0 = string("sgr0")
        // Most sgr0 strings reset colours too (`ESC[m`, `ESC[0m`); elsewhere `op` does.
        let sgr0Text = String(decoding: sgr0, as: UTF8.self)
        resetColors = sgr0Text.contains("\u{1B}[m") || sgr0Text.contains("\u{1B}[0m") || sgr0Text.contains("\u{1B}[0;") ? [] : string("op")
        bold = string("bold")
        reverse = string("rev")
        underline = string("smul")
        dim = string("dim")
        setForeground = ct_tigetstr("setaf").map { String(cString: $0) }
        setBackground = ct_tigetstr("setab").map { String(cString: $0) }
        clear = string("clear")
        cup = ct_tigetstr("cup").map { String(cString: $0) } ?? ""
        ansiCursor = Self.expand(cup, 0, 0) == "\u{1B}[1;1H" && Self.expand(cup, 9, 119) == "\u{1B}[10;120H"
        lastCellIsSafe = ct_tigetflag("am") == 0 || ct_tigetflag("xenl") == 1
    }

    /// The bytes that turn `previous` (what the terminal shows; nil: unknown) into `next`.
    mutating func bytes(from previous: ScreenBuffer?, to next: ScreenBuffer) -> [UInt8] {
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        var out: [UInt8] = []
        out.reserveCapacity(full ? next.width * next.height * 2 : 2_048)
        if full { out += clear }
        var currentStyle: CellStyle?
        out += sgr0
        // Where the terminal's cursor is, when known.
        var cursor: (x: Int, y: Int)?
        let width = next.width
        for y in 0..<next.height {
            let row = y * width
            if !full, let previous, next.cells[row..<(row + width)] == previous.cells[row..<(row + width)] { continue }
            for x in 0..<width {
                let cell = next.cells[row + x]
                if cell.isContinuation { continue }
                if !full, let previous {
                    // A wide character is written whole when either half changed.
                    let sameTail = x + 1 >= width || !next.cells[row + x + 1].isContinuation
                        || next.cells[row + x + 1] == previous.cells[row + x + 1]
                    if cell == previous.cells[row + x], sameTail { continue }
                }
                if y == next.height - 1, x == width - 1, !lastCellIsSafe { continue }
                if let at = cursor, at == (x, y) {} else { moveCursor(x: x, y: y, into: &out) }
                if cell.style != currentStyle {
                    currentStyle = cell.style
                    out += sequence(for: cell.style)
                }
                cursor = write(cell, x: x, y: y, width: width, into: &out)
            }
        }
        return out
    }

    /// Writes the cell's character; returns where the cursor is after it, or
    /// nil when a cluster's width on the terminal is not certain.
    private func write(_ cell: Cell, x: Int, y: Int, width: Int, into out: inout [UInt8]) -> (x: Int, y: Int)? {
        if let ascii = cell.asciiByte {
            out.append(ascii)
            return x + 1 < width ? (x + 1, y) : nil
        }
        let character = cell.character
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            out += Array(String(only).utf8)
            let next = x + max(1, DisplayText.width(of: only))
            return next < width ? (next, y) : nil
        }
        // A cluster goes out as curses sent it: glyph by glyph, nothing after a joiner.
        for glyph in CellGlyphs.glyphs(of: character) where x + glyph.offset < width {
            for scalar in glyph.scalars { out += Array(String(scalar).utf8) }
        }
        return nil
    }

    private func moveCursor(x: Int, y: Int, into out: inout [UInt8]) {
        if ansiCursor {
            out += [0x1B, UInt8(ascii: "[")]
            out += Array(String(y + 1).utf8)
            out.append(UInt8(ascii: ";"))
            out += Array(String(x + 1).utf8)
            out.append(UInt8(ascii: "H"))
        } else {
            out += Array(Self.expand(cup, Int32(y), Int32(x)).utf8)
        }
    }

    /// The attributes for `style`: reset, then the role's look and the style's emphasis.
    private mutating func sequence(for style: CellStyle) -> [UInt8] {
        if let known = sequences[style] { return known }
        let look = looks[style.role] ?? Look()
        var out = sgr0 + resetColors
        if look.bold || style.bold { out += bold }
        if look.reverse || style.reverse { out += reverse }
        if look.underline || style.underline { out += underline }
        if look.dim { out += dim }
        if look.foreground >= 0, let setForeground { out += Array(Self.expand(setForeground, Int32(look.foreground)).utf8) }
        if look.background >= 0, let setBackground { out += Array(Self.expand(setBackground, Int32(look.background)).utf8) }
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
