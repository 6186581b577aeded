import CalltrailModel
import Foundation

/// What the calls pane's stats strip shows: the running figures over the calls
/// loaded so far, and whether they cover the whole history yet.
public struct StatsStripFacts: Sendable, Hashable {
    public let stats: CallStats
    /// Every page of the history has been loaded once: the figures are the lead's.
    public let isComplete: Bool
    /// `S` is loading the rest.
    public let isCompleting: Bool
    /// 1: figures and graphs on one row; 2: the graphs on a row of their own.
    public let rows: Int

    /// "0:42", "12:05", "3h 07m", "116h 45m": talk time short enough for the strip.
    public static func talkTime(_ seconds: Int) -> String {
        guard seconds >= 3_600 else { return DisplayFormat.duration(seconds) }
        let minutes = (seconds + 30) / 60
        return "\(minutes / 60)h " + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)m"
    }
}

extension BrowserState {
    /// The stats strip, while the calls pane has room for it.
    public var statsStrip: StatsStripFacts? {
        guard leadSummaryRows > 0, let timeline else { return nil }
        return StatsStripFacts(stats: timeline.stats, isComplete: timeline.historyEnded, isCompleting: timeline.completingStats,
                               rows: statsStripRows)
    }
}

extension BrowserReducer {
    /// `S`: load the rest of the history so the stats are the lead's, not the loaded pages'.
    static func completeStats(_ state: inout BrowserState) {
        guard !state.search.isEditing, let timeline = state.timeline else { return }
        if timeline.historyEnded {
            state.notice = "the stats cover all \(DisplayFormat.count(timeline.callsLoaded, "call"))"
            return
        }
        state.notice = nil
        state.timeline?.completingStats = true
    }
}
