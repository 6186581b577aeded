import CalltrailModel
import CalltrailViewModel
import Synchronization

/// The calls pane's stats strip fitted to the pane: the figures in words
/// (calls, talk time, connect rate), the outcome mix as a bar of letters in each
/// outcome's colour (legible without colour: T talked, V voice message, N no
/// answer, B bad number, D DNC number, C DNC contact, o other, - none), and calls
/// per week as a sparkline. On one row the graphs take what the words leave and
/// go when too little is left; on two rows (tall panes) they have the second.
enum StatsStripDrawing {
    static let separator = " · "

    /// The last strip drawn: most frames draw the same one again (a key moves the selection, not the figures).
    private static let lastDrawn = Mutex<(facts: StatsStripFacts, width: Int, rows: [FrameRow])?>(nil)

    static func rows(_ facts: StatsStripFacts, width: Int) -> [FrameRow] {
        if let last = lastDrawn.withLock({ $0 }), last.width == width, last.facts == facts { return last.rows }
        let rows = layOut(facts, width: width)
        lastDrawn.withLock { $0 = (facts, width, rows) }
        return rows
    }

    private static func layOut(_ facts: StatsStripFacts, width: Int) -> [FrameRow] {
        let room = max(0, width - 1)
        let words = fittedWords(facts, room: room)
        var first = [Span(" ")]
        for (index, word) in words.enumerated() {
            if index > 0 { first.append(Span(separator, CellStyle(.muted))) }
            first.append(Span(word.text, CellStyle(word.isFaint ? .muted : .text, bold: word.isBold)))
        }
        if facts.rows >= 2 {
            var second = [Span(" ")]
            second += graphs(facts.stats, room: room)
            return [FrameRow(first, isSelectable: false), FrameRow(second, isSelectable: false)]
        }
        let left = room - textWidth(words.map(\.text)) - DisplayText.width(separator)
        if left >= 6 {
            let drawn = graphs(facts.stats, room: left)
            if !drawn.isEmpty { first += [Span(separator, CellStyle(.muted))] + drawn }
        }
        return [FrameRow(first, isSelectable: false)]
    }

    struct Word {
        var text: String
        var isFaint = false
        var isBold = false
        /// Dropped first when the row is short: higher goes later.
        var keep: Int
    }

    /// The words in display order, the least important left out until they fit:
    /// the `S` hint, then talk time, then the connect rate; the count always stays.
    static func fittedWords(_ facts: StatsStripFacts, room: Int) -> [Word] {
        let stats = facts.stats
        var words = [
            facts.isComplete
                ? Word(text: DisplayFormat.count(stats.calls, "call"), isBold: true, keep: 3)
                : Word(text: DisplayFormat.count(stats.calls) + " loaded", isFaint: true, keep: 3),
            Word(text: "talk " + StatsStripFacts.talkTime(stats.talkSeconds), keep: 1),
            Word(text: "connect " + (stats.connectPercent.map { "\($0)%" } ?? "—"), keep: 2),
        ]
        if !facts.isComplete { words.append(Word(text: facts.isCompleting ? "loading…" : "S all", isFaint: true, keep: 0)) }
        while words.count > 1, textWidth(words.map(\.text)) > room,
              let least = words.indices.min(by: { words[$0].keep < words[$1].keep }) {
            words.remove(at: least)
        }
        return words
    }

    /// The bar (up to 30 cells, at least one per outcome when there is room) and,
    /// when at least 4 cells are left after it, the weekly sparkline (up to 26 weeks).
    static func graphs(_ stats: CallStats, room: Int) -> [Span] {
        guard stats.calls > 0, room >= 4 else { return [] }
        let sparkWanted = min(26, stats.weeklyCounts(last: 26)?.counts.count ?? 0)
        let sparkRoom = sparkWanted >= 2 ? min(sparkWanted, max(0, room - 10 - DisplayText.width(separator))) : 0
        let barWidth = min(30, sparkRoom >= 4 ? room - sparkRoom - DisplayText.width(separator) : room)
        var spans: [Span] = []
        for segment in stats.bar(width: barWidth) {
            spans.append(Span(String(repeating: CallStats.barLetter(segment.outcome), count: segment.cells),
                              CellStyle(ThemeRole.outcome(segment.outcome), bold: true)))
        }
        if sparkRoom >= 4, let weeks = stats.weeklyCounts(last: sparkRoom), weeks.counts.count > 1 {
            spans.append(Span(separator, CellStyle(.muted)))
            spans.append(Span(CallStats.sparkline(weeks.counts), CellStyle(.heading)))
        }
        return spans
    }

    private static func textWidth(_ words: [String]) -> Int {
        words.reduce(0) { $0 + DisplayText.width($1) } + DisplayText.width(separator) * max(0, words.count - 1)
    }
}
