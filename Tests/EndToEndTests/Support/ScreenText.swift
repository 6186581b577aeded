import CalltrailModel

/// Reading a captured tmux screen by display columns (wide characters take two).
enum ScreenText {
    /// The columns [from, from + width) of one line.
    static func columns(_ line: String, from start: Int, width: Int) -> String {
        var out = ""
        var column = 0
        for character in line {
            let w = max(DisplayText.width(of: character), 1)
            if column >= start, column + w <= start + width { out.append(character) }
            column += w
            if column >= start + width { break }
        }
        return out
    }

    /// The display column where `needle` starts in `line`, if it does.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayText.width(String(line[..<range.lowerBound]))
    }

    /// The calls pane's list without the rows above it (the lead card and the
    /// stats strip): from the first day heading, selection or call row on. A pane
    /// showing none of those (a message) is returned as it is.
    static func callList(_ pane: [String]) -> [String] {
        let day = #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/#
        let call = #/[↗↙·] (\d\d:\d\d|--:--)/#
        guard let first = pane.firstIndex(where: { $0.contains(day) || $0.contains("▌") || $0.contains(call) }) else { return pane }
        return Array(pane[first...])
    }

    /// The region of a screen between two columns, line by line.
    static func region(_ screen: String, from start: Int, width: Int, rows: Range<Int>? = nil) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let selected = rows.map { Array(lines[max(0, $0.lowerBound)..<min(lines.count, $0.upperBound)]) } ?? lines
        return selected.map { columns($0, from: start, width: width) }
    }
}
