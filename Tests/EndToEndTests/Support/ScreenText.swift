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

    /// The region of a screen between two columns, line by line.
    static func region(_ screen: String, from start: Int, width: Int, rows: Range<Int>? = nil) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let selected = rows.map { Array(lines[max(0, $0.lowerBound)..<min(lines.count, $0.upperBound)]) } ?? lines
        return selected.map { columns($0, from: start, width: width) }
    }
}
