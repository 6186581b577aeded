/// Making untrusted text (notes, names from an API) safe and measurable for a
/// terminal. Every string from the network goes through `sanitize` before it is
/// drawn or printed, and is fitted by display columns, never by characters.
public enum DisplayText {
    /// Text that cannot act on a terminal: C0/C1 controls and DEL become their
    /// visible Control Pictures (so `ESC [2J` shows as `␛[2J`, inert), bidi
    /// overrides and isolates are removed, and line breaks and tabs become spaces
    /// (pass `keepNewlines` to keep `\n` for wrapping).
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        // Fast path: plain printable ASCII needs no work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A:
                if keepNewlines {
                    if !previousWasCR { out.append("\n") }
                } else {
                    out.append(" ")
                }
            case 0x0D:
                out.append(keepNewlines ? "\n" : " ")
            case 0x09:
                out.append(" ")
            case 0x00..<0x20:
                out.append(Unicode.Scalar(0x2400 + v) ?? "?")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F:
                out.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Columns one user-visible character takes, as a terminal (and ncurses)
    /// advances the cursor for it: the sum of its scalars' wcwidth (so a
    /// Devanagari vowel sign counts 1, a combining accent 0, a CJK ideograph 2),
    /// except that what follows a zero-width joiner joins the emoji before it
    /// (👩‍💻 is 2, as tmux draws it). An emoji presentation selector does not
    /// widen a narrow symbol, as in wcwidth.
    public static func width(of character: Character) -> Int {
        // Printable ASCII, most of what is drawn, is one column without Unicode tables.
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return width(of: only) }
        var total = 0
        var joined = false
        for scalar in scalars {
            if !joined { total += width(of: scalar) }
            joined = scalar.value == 0x200D
        }
        return total
    }

    /// Columns one scalar takes, with wcwidth's rules.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        // Box drawing, arrows, stars and most scripts sit below U+3000: read from a
        // table made once, not from the Unicode property tables on every frame.
        if v < UInt32(lowPlaneWidths.count) { return Int(lowPlaneWidths[Int(v)]) }
        return computedWidth(of: scalar)
    }

    /// `computedWidth` of every scalar below U+3000 (surrogates count 0).
    private static let lowPlaneWidths: [Int8] = (0..<0x3000).map { value in
        Unicode.Scalar(UInt32(value)).map { Int8(computedWidth(of: $0)) } ?? 0
    }

    private static func computedWidth(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return v == 0x00AD ? 1 : 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Total columns of a string.
    /// Every byte is printable ASCII: a column a byte, a character a byte.
    public static func isPrintableASCII(_ text: String) -> Bool { printableASCIIWidth(text) != nil }

    /// The width of text that is all printable ASCII (a column a byte), else nil.
    @inline(__always)
    static func printableASCIIWidth(_ text: String) -> Int? {
        let utf8 = text.utf8
        // Native strings (nearly all) are scanned as bytes in memory.
        if let fast = utf8.withContiguousStorageIfAvailable({ bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) {
            return fast ? utf8.count : nil
        }
        var count = 0
        for byte in utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// The width of text whose every scalar is a character of its own (printable
    /// ASCII, Latin, punctuation, arrows, box drawing, symbols: no combining mark,
    /// joiner or selector can follow and join it), else nil. Such text — most of
    /// what is drawn that is not ASCII — is measured and cut by scalars, without
    /// grapheme breaking.
    public static func standaloneScalarsWidth(_ text: String) -> Int? {
        if let columns = printableASCIIWidth(text) { return columns }
        var total = 0
        for scalar in text.unicodeScalars {
            guard isStandalone(scalar.value) else { return nil }
            total += width(of: scalar)
        }
        return total
    }

    /// A scalar that is a grapheme of its own whatever surrounds it (Unicode's
    /// grapheme break property Other or Control) and measured by the table.
    @inline(__always)
    public static func isStandalone(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2100...0x214F,
            0x2190...0x2BFF, 0xFFFD:
            return true
        default:
            return false
        }
    }

    public static func width(_ text: String) -> Int {
        if let columns = standaloneScalarsWidth(text) { return columns }
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, ending in "…" when
    /// anything was cut. Never splits a character.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if let ascii = printableASCIIWidth(text) {
            return ascii <= columns ? text : String(decoding: text.utf8.prefix(columns - 1), as: UTF8.self) + "…"
        }
        if let total = standaloneScalarsWidth(text) {
            if total <= columns { return text }
            var out = String.UnicodeScalarView()
            var used = 0
            for scalar in text.unicodeScalars {
                let w = width(of: scalar)
                if used + w > columns - 1 { break }
                out.append(scalar)
                used += w
            }
            return String(out) + "…"
        }
        // Measured only as far as the columns go: a 10 MB value costs what a row of it does.
        if width(of: Substring(text), upTo: columns) <= columns { return text }
        var out = ""
        var used = 0
        let room = columns - 1  // leave a column for the ellipsis
        for character in text {
            let w = width(of: character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `truncate(text, to: columns)` and the width of what it returns, text that
    /// fits (most) measured once. Long values cost what a row of them does.
    public static func truncatedWithWidth(_ text: String, to columns: Int) -> (text: String, width: Int) {
        guard columns > 0 else { return ("", 0) }
        if let total = standaloneScalarsWidth(text) {
            if total <= columns { return (text, total) }
        } else {
            let measured = width(of: Substring(text), upTo: columns)
            if measured <= columns { return (text, measured) }
        }
        let cut = truncate(text, to: columns)
        return (cut, width(cut))
    }

    /// `text` truncated to `columns` and padded with spaces to exactly `columns`.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let pad = columns - width(cut)
        return pad > 0 ? cut + String(repeating: " ", count: pad) : cut
    }

    /// `text` padded on the left to `columns` (for right-aligned numbers).
    public static func fitRight(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let pad = columns - width(cut)
        return pad > 0 ? String(repeating: " ", count: pad) + cut : cut
    }

    /// Scalars of a one-row value (a name, a status, an outcome) kept for display:
    /// more than any terminal row shows.
    public static let lineScalarLimit = 1_000

    /// `sanitize` for a value shown on one row, cut first to `lineScalarLimit`
    /// scalars (with `…`), so a 10 MB name or label costs no more than a short one.
    public static func sanitizeLine(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: lineScalarLimit, limitedBy: scalars.endIndex),
              end != scalars.endIndex
        else { return sanitize(text) }
        return sanitize(String(scalars[..<end])) + "…"
    }

    /// Lines of at most `columns` each: words kept whole where they fit, longer
    /// words broken by character, `\n` starting a new line. Linear: a word is
    /// measured only up to the line's width before it is placed, so a
    /// 30,000-character run without spaces costs what 30,000 characters of prose do.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        // Split by bytes, not characters: grapheme breaking is the costly part, done once per word.
        for paragraph in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for bytes in paragraph.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true) {
                let word = Substring(bytes)
                let wordWidth = width(of: word, upTo: columns + 1)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= columns {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth <= columns {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                // A word wider than the line, broken by character (a wide
                // character in a 1-column line goes alone).
                for character in word {
                    let characterWidth = width(of: character)
                    if lineWidth > 0, lineWidth + characterWidth > columns {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// The columns of `text`, counted only until they exceed `limit` (then any
    /// value above `limit` is returned): enough to tell whether it fits.
    static func width(of text: Substring, upTo limit: Int) -> Int {
        var total = 0
        for character in text {
            total += width(of: character)
            if total > limit { break }
        }
        return total
    }

    // East Asian Wide and Fullwidth ranges, plus emoji shown wide by terminals.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
