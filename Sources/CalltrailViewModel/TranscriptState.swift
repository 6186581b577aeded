import CalltrailModel

/// The full-screen transcript (`t`): the lines sanitised once, wrapped to the
/// width it is drawn at, scrolled with the movement keys, searched with `/`.
public struct TranscriptState: Sendable, Hashable {
    public let callID: CallID
    /// The transcript's lines, sanitised (control characters shown inert).
    public let lines: [String]
    /// Wrapped rows for the current width, and the line each row belongs to.
    public private(set) var rows: [String] = []
    public private(set) var rowLine: [Int] = []
    public private(set) var width = 0
    /// First row on screen.
    public internal(set) var scroll = 0
    /// Rows on screen, as the front end last said (else a guess from the terminal).
    public internal(set) var height = 1
    /// The submitted search, and the lines holding it.
    public internal(set) var query: String?
    public internal(set) var matchLines: [Int] = []
    /// Index into `matchLines` of the current match.
    public internal(set) var currentMatch: Int?
    /// The scroll when the prompt opened, put back by Esc.
    var scrollBeforeSearch = 0

    /// Transcripts are cut at this many lines (a reader pages through thousands at most).
    static let maximumLines = 20_000

    init(callID: CallID, transcript: String, width: Int, height: Int) {
        self.callID = callID
        var lines = DisplayText.sanitize(transcript, keepNewlines: true)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > Self.maximumLines {
            let more = lines.count - Self.maximumLines
            lines = Array(lines.prefix(Self.maximumLines)) + ["… \(more) more lines: calltrail summary \(callID.rawValue) prints them all"]
        }
        self.lines = lines
        self.height = max(1, height)
        layout(width: width)
    }

    /// Wraps the lines to `width` columns (kept when unchanged), keeping the top line in view.
    mutating func layout(width newWidth: Int) {
        let newWidth = max(1, newWidth)
        guard newWidth != width else { return }
        let topLine = rowLine.indices.contains(scroll) ? rowLine[scroll] : 0
        width = newWidth
        rows = []
        rowLine = []
        for (index, line) in lines.enumerated() {
            let wrapped = line.isEmpty ? [""] : DisplayText.wrap(line, to: newWidth)
            for part in wrapped.isEmpty ? [""] : wrapped {
                rows.append(part)
                rowLine.append(index)
            }
        }
        scroll = firstRow(ofLine: topLine)
        clampScroll()
    }

    var maximumScroll: Int { max(0, rows.count - height) }

    mutating func clampScroll() { scroll = max(0, min(scroll, maximumScroll)) }

    func firstRow(ofLine line: Int) -> Int { rowLine.firstIndex(of: line) ?? 0 }

    /// Lines holding `query` (ignoring case).
    func lines(matching query: String) -> [Int] {
        lines.indices.filter { lines[$0].localizedCaseInsensitiveContains(query) }
    }

    /// Brings the current match into view: a few rows below the top when it was off screen.
    mutating func showCurrentMatch() {
        guard let current = currentMatch, matchLines.indices.contains(current) else { return }
        let row = firstRow(ofLine: matchLines[current])
        if row < scroll || row >= scroll + height { scroll = row - min(3, height / 3) }
        clampScroll()
    }

    /// "12–31/40": the rows on screen and how many there are.
    public var position: String {
        guard !rows.isEmpty else { return "" }
        let last = min(rows.count, scroll + height)
        return "\(scroll + 1)–\(last)/\(rows.count)"
    }

    /// "match 2/3 “roof”", "no match “roof”", or nil without a search.
    public var matchSummary: String? {
        guard let query else { return nil }
        guard let current = currentMatch else { return "no match “\(DisplayText.sanitizeLine(query))”" }
        return "match \(current + 1)/\(matchLines.count) “\(DisplayText.sanitizeLine(query))”"
    }
}
