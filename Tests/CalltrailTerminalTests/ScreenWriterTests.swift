import CalltrailModel
import Testing

@testable import CalltrailTerminal

/// The bytes a frame is written with, replayed through a small terminal, give
/// the frame: whole at first, then by differences only.
@Suite struct ScreenWriterTests {
    /// Enough of a terminal for ScreenWriter's output: cursor addressing, clear,
    /// attributes (remembered per cell as the raw SGR text), UTF-8 text with
    /// wide characters and zero-width marks.
    struct ReplayTerminal {
        var cells: [[String]]
        var styles: [[String]]
        var x = 0, y = 0
        var attributes = ""

        init(width: Int, height: Int) {
            cells = Array(repeating: Array(repeating: " ", count: width), count: height)
            styles = Array(repeating: Array(repeating: "", count: width), count: height)
        }

        var lines: [String] {
            cells.map { row in
                var line = row.joined()
                while line.last == " " { line.removeLast() }
                return line
            }
        }

        /// Feeds what `writer` writes to go from `previous` to `next`; returns it as text.
        @discardableResult
        mutating func show(_ next: ScreenBuffer, after previous: ScreenBuffer?, with writer: ScreenWriter) -> String {
            let bytes = writer.bytes(from: previous, to: next)
            feed(bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The background colour of SGR parameters as kept here (`;48;5;75`), or nothing.
        static func backgroundOnly(_ attributes: String) -> String {
            var tokens = attributes.split(separator: ";").map(String.init)[...]
            var background = ""
            while let token = tokens.popFirst() {
                if token == "38" { tokens = tokens.dropFirst(2) }
                if token == "48" { background = ";48;" + tokens.prefix(2).joined(separator: ";"); tokens = tokens.dropFirst(2) }
                if token == "0" || token == "49" { background = "" }
            }
            return background
        }

        mutating func feed(_ bytes: [UInt8]) {
            let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            var i = 0
            while i < scalars.count {
                let scalar = scalars[i]
                if scalar == "\u{1B}" {
                    i += 1
                    guard i < scalars.count else { break }
                    if scalars[i] == "(" { i += 2; continue }  // character set: nothing to draw
                    guard scalars[i] == "[" else { continue }
                    var parameters = ""
                    i += 1
                    while i < scalars.count, !(0x40...0x7E).contains(scalars[i].value) {
                        parameters.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    guard i < scalars.count else { break }
                    switch scalars[i] {
                    case "H":
                        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
                        y = (numbers.first ?? 1) - 1
                        x = (numbers.count > 1 ? numbers[1] : 1) - 1
                    case "J":
                        for row in cells.indices { cells[row] = cells[row].map { _ in " " } }
                    case "m":
                        attributes = parameters.isEmpty ? "" : attributes + ";" + parameters
                    case "X":
                        // Erase characters: blanks, the cursor stays. As in xterm (bce), an erased
                        // cell takes the current background and nothing else (no reverse video).
                        let count = Int(parameters) ?? 1
                        for column in x..<min(cells[y].count, x + count) {
                            cells[y][column] = " "
                            styles[y][column] = Self.backgroundOnly(attributes)
                        }
                    default: break
                    }
                    i += 1
                    continue
                }
                let width = DisplayText.width(of: scalar)
                if width == 0 {
                    if x > 0 { cells[y][x - 1].unicodeScalars.append(scalar) }
                } else if y < cells.count, x < cells[y].count {
                    cells[y][x] = String(scalar)
                    styles[y][x] = attributes
                    for covered in (x + 1)..<min(cells[y].count, x + width) { cells[y][covered] = "" }
                    x += width
                }
                i += 1
            }
        }
    }

    static let looks: [ThemeRole: ScreenWriter.Look] = [
        .focusBorder: ScreenWriter.Look(bold: true, foreground: 75),
        .selection: ScreenWriter.Look(reverse: true, foreground: 16, background: 75),
    ]

    static func writer(_ capabilities: ScreenWriter.Capabilities = .xterm) -> ScreenWriter {
        ScreenWriter(looks: looks, capabilities: capabilities)
    }

    static func sample(width: Int, height: Int) -> ScreenBuffer {
        var screen = ScreenBuffer(width: width, height: height)
        screen.drawBox(Rect(x: 0, y: 0, width: width, height: height), title: "Calls · 高橋 美咲", focused: true)
        screen.put("a👍🏽| Zoë Ö́ शर्मा ☆★", x: 1, y: 1)
        screen.put("plain ascii row", x: 1, y: 2, style: CellStyle(.selection, bold: true))
        return screen
    }

    @Test func aFirstFrameReplaysToTheScreen() {
        let writer = Self.writer()
        let screen = Self.sample(width: 40, height: 5)
        var terminal = ReplayTerminal(width: 40, height: 5)
        terminal.feed(writer.bytes(from: nil, to: screen))
        #expect(terminal.lines == screen.lines)
        // The selection's look: reverse, bold, 256-colour foreground and background.
        let style = terminal.styles[2][1]
        #expect(style.contains("7") && style.contains("1") && style.contains("38;5;16") && style.contains("48;5;75"), "\(style)")
    }

    @Test func laterFramesWriteOnlyWhatChangedAndReplayToTheNewScreen() {
        let writer = Self.writer()
        let first = Self.sample(width: 40, height: 6)
        var terminal = ReplayTerminal(width: 40, height: 6)
        terminal.feed(writer.bytes(from: nil, to: first))
        let full = writer.bytes(from: nil, to: first).count

        // Narrow over wide, wide over narrow, a cluster moved, one cell restyled.
        var second = first
        second.put("xy", x: 11, y: 0, style: CellStyle(.focusBorder, bold: true))
        second.put("高", x: 1, y: 2, style: CellStyle(.selection, bold: true))
        second.put("b👍🏽", x: 1, y: 1)
        second.restyle(x: 5, y: 2, width: 3, style: CellStyle(.text))
        second.put("row four", x: 2, y: 4)
        let difference = writer.bytes(from: first, to: second)
        terminal.feed(difference)
        #expect(terminal.lines == second.lines)
        #expect(difference.count < full / 2, "a few changed cells cost far less than the whole screen")
        #expect(terminal.styles[2][5].isEmpty || !terminal.styles[2][5].contains("7"), "the restyled cells lost the selection's reverse")

        // Nothing changed: nothing is written.
        #expect(writer.bytes(from: second, to: second).isEmpty)
    }

    @Test func aShortGapBetweenChangesIsWrittenNotJumpedAndAColourChangeAlone() {
        let writer = Self.writer()
        var first = ScreenBuffer(width: 30, height: 2)
        first.put("abcdefghij", x: 0, y: 0)
        var terminal = ReplayTerminal(width: 30, height: 2)
        terminal.feed(writer.bytes(from: nil, to: first))
        var second = first
        second.put("X", x: 1, y: 0)
        second.put("Y", x: 4, y: 0)
        second.put("Z", x: 20, y: 0)
        let text = terminal.show(second, after: first, with: writer)
        #expect(terminal.lines == second.lines)
        #expect(text.contains("XcdY"), "two unchanged cells are rewritten: \(text)")
        #expect(text.components(separatedBy: "H").count - 1 == 2, "one cursor move to the first change, one to the far one: \(text)")

        // Same emphasis, another colour: only the colour is sent, no reset.
        var third = second
        third.restyle(x: 0, y: 1, width: 0, style: .plain)
        third.put("ab", x: 0, y: 1, style: CellStyle(.focusBorder))
        third.put("cd", x: 2, y: 1, style: CellStyle(.selection, bold: true))
        let colours = writer.bytes(from: second, to: third)
        terminal.feed(colours)
        #expect(terminal.lines == third.lines)
    }

    @Test func theBottomRightCellIsLeftAloneWhereWritingItWouldScroll() {
        var capabilities = ScreenWriter.Capabilities.xterm
        capabilities.lastCellIsSafe = false
        let writer = Self.writer(capabilities)
        var screen = ScreenBuffer(width: 5, height: 2)
        screen.put("abcde", x: 0, y: 1)
        var terminal = ReplayTerminal(width: 5, height: 2)
        terminal.feed(writer.bytes(from: nil, to: screen))
        #expect(terminal.lines == ["", "abcd"])
        let safe = Self.writer()
        var whole = ReplayTerminal(width: 5, height: 2)
        whole.feed(safe.bytes(from: nil, to: screen))
        #expect(whole.lines == ["", "abcde"])
    }

    @Test func blanksToTheEndOfWhatChangedAreErasedNotWritten() {
        let writer = Self.writer()
        var first = ScreenBuffer(width: 40, height: 3)
        first.drawBox(Rect(x: 0, y: 0, width: 40, height: 3), title: "Call", focused: false)
        first.put("Outcome     Talked to the lead at length", x: 1, y: 1, limit: 38)
        var terminal = ReplayTerminal(width: 40, height: 3)
        terminal.feed(writer.bytes(from: nil, to: first))
        #expect(terminal.lines == first.lines)

        // A shorter value: its blanks up to the unchanged border are erased.
        var second = first
        second.fill(x: 1, y: 1, width: 38, height: 1, style: .plain)
        second.put("Outcome     None", x: 1, y: 1)
        let text = terminal.show(second, after: first, with: writer)
        #expect(terminal.lines == second.lines)
        #expect(text.contains("\u{1B}[22X"), "one erase for the 22 blanks: \(text)")
        #expect(!text.contains("     "), "no run of written blanks: \(text)")

        // Blanks in reverse video would lose it when erased: they are written.
        var third = second
        third.put("Outcome     None", x: 1, y: 1, style: CellStyle(.selection))
        third.restyle(x: 1, y: 1, width: 38, style: CellStyle(.selection))
        let reverse = writer.bytes(from: second, to: third)
        terminal.feed(reverse)
        #expect(terminal.lines == third.lines)
        #expect(!String(decoding: reverse, as: UTF8.self).contains("X"), "written, not erased")
        #expect(Self.isReverse(terminal.styles[1][30]), "the blank keeps its reverse video")

        // A terminal without `ech` gets the blanks written.
        var capabilities = ScreenWriter.Capabilities.xterm
        capabilities.eraseCharacters = nil
        let plain = Self.writer(capabilities)
        var old = ReplayTerminal(width: 40, height: 3)
        old.feed(plain.bytes(from: nil, to: first))
        let written = plain.bytes(from: first, to: second)
        old.feed(written)
        #expect(old.lines == second.lines)
        #expect(!String(decoding: written, as: UTF8.self).contains("X"))
    }

    /// Whether SGR parameters as the replay keeps them (`;1;38;5;75`) turn reverse video on.
    static func isReverse(_ attributes: String) -> Bool {
        var tokens = attributes.split(separator: ";").map(String.init)[...]
        var reverse = false
        while let token = tokens.popFirst() {
            switch token {
            case "38", "48": tokens = tokens.dropFirst(2)  // 5;n: a colour, not an attribute
            case "7": reverse = true
            case "0", "27": reverse = false
            default: break
            }
        }
        return reverse
    }

    /// Many random changes of random frames: whatever the writer chooses (jumps, rewritten
    /// gaps, runs, erases), the terminal ends up showing the frame, text and style.
    @Test func randomFramesReplayExactly() {
        var random = SystemRandomNumberGenerator()
        let words = ["", " ", "a", "ab c", "Talked", "  ", "none      x", "高橋", "👍🏽", "Zoë", "     ", "——"]
        let styles = [CellStyle.plain, CellStyle(.selection), CellStyle(.focusBorder, bold: true), CellStyle(.text)]
        for _ in 0..<40 {
            let writer = Self.writer()
            var screen = ScreenBuffer(width: 24, height: 4)
            var terminal = ReplayTerminal(width: 24, height: 4)
            var shown = ScreenBuffer?.none
            for _ in 0..<12 {
                var next = screen
                for _ in 0..<Int.random(in: 0...6, using: &random) {
                    let y = Int.random(in: 0..<4, using: &random), x = Int.random(in: 0..<24, using: &random)
                    let style = styles.randomElement(using: &random) ?? .plain
                    if Bool.random(using: &random) {
                        next.fill(x: x, y: y, width: Int.random(in: 1...24, using: &random), height: 1, style: style)
                    } else {
                        next.put(words.randomElement(using: &random) ?? "", x: x, y: y, style: style)
                    }
                }
                terminal.feed(writer.bytes(from: shown, to: next))
                #expect(terminal.lines == next.lines)
                for y in 0..<4 {
                    for x in 0..<24 where next.cells[y * 24 + x].asciiByte != nil {
                        let cell = next.cells[y * 24 + x]
                        let reversed = Self.isReverse(terminal.styles[y][x])
                        #expect(reversed == (cell.style.role == .selection), "cell \(x),\(y)")
                    }
                }
                shown = next
                screen = next
            }
        }
    }

    @Test func paddingIsLeftOutOfCapabilities() {
        // vt100's: padding for hardware terminals, which tputs would wait out.
        #expect(ScreenWriter.Capabilities.withoutPadding("\u{1B}[%i%p1%d;%p2%dH$<5>") == "\u{1B}[%i%p1%d;%p2%dH")
        #expect(ScreenWriter.Capabilities.withoutPadding("\u{1B}[m\u{0F}$<2>") == "\u{1B}[m\u{0F}")
        #expect(ScreenWriter.Capabilities.withoutPadding("\u{1B}[1m$<2/>x$<3*>") == "\u{1B}[1mx")
        #expect(ScreenWriter.Capabilities.withoutPadding("no padding") == "no padding")
    }

    @Test func cursorAddressesAreWrittenInDecimalAtEveryWidth() {
        for (x, y) in [(0, 0), (8, 9), (9, 10), (98, 99), (99, 100), (998, 999), (999, 1_000), (1_233, 1_099)] {
            let writer = Self.writer()
            let blank = ScreenBuffer(width: 1_240, height: 1_100)
            var screen = blank
            screen.put("x", x: x, y: y)
            let text = String(decoding: writer.bytes(from: blank, to: screen), as: UTF8.self)
            #expect(text.hasPrefix("\u{1B}[\(y + 1);\(x + 1)H"), "\(text)")
        }
    }

    @Test func aCursorAddressThatIsNotANSIGoesThroughTerminfo() {
        // vt52-style addressing: ESC Y row+32 col+32.
        var capabilities = ScreenWriter.Capabilities.xterm
        capabilities.cursorAddress = "\u{1B}Y%p1%' '%+%c%p2%' '%+%c"
        let writer = Self.writer(capabilities)
        var screen = ScreenBuffer(width: 10, height: 3)
        screen.put("hi", x: 4, y: 2)
        let bytes = writer.bytes(from: ScreenBuffer(width: 10, height: 3), to: screen)
        #expect(bytes.starts(with: [0x1B, UInt8(ascii: "Y"), 32 + 2, 32 + 4]))
    }
}

@Suite struct CellLayoutTests {
    /// Rows are compared with memcmp and cells as words: a cell must have no padding bytes.
    @Test func aCellIsEightBytesWithoutPadding() {
        #expect(MemoryLayout<Cell>.size == 8)
        #expect(MemoryLayout<Cell>.stride == 8)
        // Styles are compared and hashed as their four bytes.
        #expect(MemoryLayout<CellStyle>.size == 4)
        // The writer compares cells as their eight bytes: equal bits exactly when equal cells.
        var screen = ScreenBuffer(width: 6, height: 2)
        screen.put("ab高", x: 0, y: 0)
        var other = screen
        other.restyle(x: 2, y: 0, width: 1, style: CellStyle(.selection))
        other.put("👍🏽", x: 0, y: 1)
        let cells = screen.cells + other.cells
        for a in cells {
            for b in cells {
                let same = a.isContinuation == b.isContinuation && a.character == b.character && a.style.role == b.style.role
                    && a.style.bold == b.style.bold && a.style.reverse == b.style.reverse && a.style.underline == b.style.underline
                #expect((a.bits == b.bits) == same)
            }
        }
        #expect(screen.cells[2].bits != other.cells[2].bits)
        // The writer reads a cell's style as the upper half of its word.
        #expect(cells.allSatisfy { $0.bits >> 32 == UInt64($0.style.bits) })
    }
}
