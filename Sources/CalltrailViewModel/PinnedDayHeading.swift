import CalltrailModel

/// The day heading of the top row stays pinned: when the list is scrolled
/// into a day, its heading takes the first row, over the call scrolled under it.
extension TimelineState {
    /// The day of the call at `topLine` when its own heading is scrolled off.
    var pinnedDay: Int? {
        guard topLine > 0, lines.indices.contains(topLine), lines[topLine].isCall else { return nil }
        var line = topLine - 1
        while line >= 0, lines[line].isCall { line -= 1 }
        guard line >= 0, case .day(let day) = lines[line].kind else { return nil }
        return day
    }

    /// After scrolling: the selected call may not sit under the pinned heading.
    mutating func keepSelectionBelowPinnedHeading(listRows: Int) {
        guard listRows > 1, let selectedLine, selectedLine == topLine, pinnedDay != nil else { return }
        topLine -= 1
    }
}
