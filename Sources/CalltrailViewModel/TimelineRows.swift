import CalltrailModel
import Foundation

/// One drawn row of the timeline, every text already sanitised.
public enum TimelineRow: Sendable, Hashable {
    case day(String)
    case call(CallRow)
}

/// A call as one row: direction, local time, duration, status, outcome, rating, note start.
public struct CallRow: Sendable, Hashable {
    public let id: CallID
    public private(set) var isSelected: Bool
    /// ↗ outbound, ↙ inbound, · other.
    public let glyph: String
    /// Local "HH:mm".
    public let time: String
    /// "m:ss", or "—" when absent.
    public let duration: String
    /// As the provider spells it; "manual" for a manually logged call without one.
    public let status: String
    /// For colouring; nil when the provider sent none.
    public let outcome: CallOutcome?
    /// The outcome's short label, or "—".
    public let outcomeLabel: String
    /// "★★★★☆", or "" when unrated.
    public let rating: String
    /// The note on one line (the front end truncates it to the room left).
    public let note: String
    public let isManual: Bool
    public let isDeleted: Bool
    /// The lead's name in the inbox (sanitised); "" in a lead's own timeline.
    public let lead: String

    init(call: Call, isSelected: Bool, zone: TimeZone, lead: String = "") {
        self.lead = lead
        id = call.id
        self.isSelected = isSelected
        glyph = DisplayFormat.glyph(call.direction)
        time = call.startTime.map { DisplayFormat.clockTime($0, in: zone) } ?? "--:--"
        duration = DisplayFormat.duration(call.duration)
        // An unreadable record is a row too: its note says why and starts its raw JSON.
        status = call.unreadable != nil ? "unreadable" : DisplayText.sanitizeLine(call.status?.rawValue ?? (call.isManual ? "manual" : "—"))
        outcome = call.outcome
        outcomeLabel = DisplayText.sanitizeLine(call.outcome?.label ?? "—")
        rating = DisplayFormat.rating(call.rating)
        // Only the start shows; long notes are cut before sanitising so a huge note costs little.
        let text = call.unreadable.map { "unreadable call (\($0)): \(call.raw?.compactJSONPrefix(maximumUTF8: 300).text ?? "null")" } ?? call.note
        note = DisplayText.sanitizeLine(text ?? "")
        isManual = call.isManual
        isDeleted = call.isDeleted
    }

    /// The same row, selected or not.
    func selecting(_ selected: Bool) -> CallRow {
        var row = self
        row.isSelected = selected
        return row
    }
}

/// What the timeline pane shows besides rows.
public enum TimelineStatus: Sendable, Hashable {
    /// No lead opened yet.
    case noLead
    /// Nothing to show yet and a request is on its way.
    case loading
    /// The lead has no calls.
    case empty
    /// The filter matched nothing in the whole history.
    case noMatches(examined: Int)
    /// The provider refused this lead (or it does not exist).
    case noAccess(String)
    /// Loading failed and there is nothing to show; `r` retries.
    case failed(String)
    /// Rows to draw.
    case rows
}

/// The line under the last row, if any.
public enum TimelineTail: Sendable, Hashable {
    case none
    /// More is on its way.
    case loadingMore
    /// Filtering: still looking further back, so far `examined` calls.
    case searching(examined: Int)
    case endOfHistory
    /// The next page failed; the rows above stay; `r` retries.
    case failed(String)
}

/// What the timeline's rows are made from, apart from which one is selected:
/// under equal keys a line gives the same row, so the front end lays each out
/// once and not on every key that moves the selection or scrolls.
public struct TimelineRowsKey: Hashable, Sendable {
    let timeline: Int
    let leadNames: Int
    let today: Int
    let zone: TimeZone
}

/// A row on screen and the line of the timeline it shows (nil for day headings).
public struct VisibleTimelineRow: Sendable, Hashable {
    public let line: Int?
    public let row: TimelineRow
}

extension BrowserState {
    /// The rows on screen, the first one the pinned day heading when the top
    /// call's own heading is scrolled off; at most `timelineRows` of them.
    public var visibleTimelineRows: [TimelineRow] { visibleTimeline.map(\.row) }

    /// The rows on screen with the lines they show.
    public var visibleTimeline: [VisibleTimelineRow] {
        let shown = visibleTimelineLines
        let heading = shown.pinnedDay.map { [VisibleTimelineRow(line: nil, row: .day(dayHeading($0)))] } ?? []
        return heading + timelineEntries(from: shown.lines.lowerBound, count: shown.lines.count)
    }

    /// Which lines are on screen: from the top line, or under the pinned heading
    /// of the top call's day (`pinnedDay`) when its own heading is scrolled off.
    public var visibleTimelineLines: (pinnedDay: Int?, lines: Range<Int>) {
        let top = timeline?.topLine ?? 0
        guard timelineRows > 1, let day = timeline?.pinnedDay else { return (nil, top..<(top + timelineRows)) }
        return (day, (top + 1)..<(top + timelineRows))
    }

    /// The key of each line's row (`timelineEntry(atLine:)`); nil with no timeline.
    public var timelineRowsKey: TimelineRowsKey? {
        guard let timeline else { return nil }
        return TimelineRowsKey(
            timeline: timeline.revision, leadNames: leadNamesRevision, today: LocalDay.number(of: wallClock, in: settings.timeZone),
            zone: settings.timeZone)
    }

    /// "Today · Tue 17 Nov 2026", "Yesterday · …", or the date.
    public func dayHeading(_ day: Int) -> String {
        let today = LocalDay.number(of: wallClock, in: settings.timeZone)
        let name = DisplayFormat.day(day)
        if day == today { return "Today · " + name }
        if day == today - 1 { return "Yesterday · " + name }
        return name
    }

    /// `count` rows starting at line `start`.
    public func timelineRows(from start: Int, count: Int) -> [TimelineRow] {
        timelineEntries(from: start, count: count).map(\.row)
    }

    func timelineEntries(from start: Int, count: Int) -> [VisibleTimelineRow] {
        guard let timeline, start >= 0, start < timeline.lines.count, count > 0 else { return [] }
        return (start..<min(timeline.lines.count, start + count)).compactMap(timelineEntry(atLine:))
    }

    /// Line `index`'s row; nil past the lines or for a call no longer held.
    public func timelineEntry(atLine index: Int) -> VisibleTimelineRow? {
        guard let timeline, timeline.lines.indices.contains(index) else { return nil }
        let line = timeline.lines[index]
        switch line.kind {
        case .day(let day):
            return VisibleTimelineRow(line: nil, row: .day(dayHeading(day)))
        case .call:
            guard let call = timeline.call(at: line.ref) else { return nil }
            let lead = timeline.isInbox ? inboxLeadLabel(call.leadID) : ""
            let row = CallRowCache.shared.row(for: call, zone: settings.timeZone, lead: lead, isSelected: index == timeline.selectedLine)
            return VisibleTimelineRow(line: index, row: .call(row))
        }
    }

    public var timelineStatus: TimelineStatus {
        guard let timeline else { return .noLead }
        if !timeline.lines.isEmpty { return .rows }
        if let failure = timeline.failure {
            if case .noAccess = failure.error { return .noAccess(failure.error.message) }
            if case .unsupported = failure.error { return .noAccess(failure.error.message) }
            return .failed(failure.error.message)
        }
        let finished = timeline.pending == nil && timeline.showsStartOfHistory
            && timeline.historyEnded && timeline.pages.allSatisfy(\.canBeScrolledPast)
        if finished, timeline.callsLoaded == 0 { return .empty }
        if finished, filter.isActive { return .noMatches(examined: timeline.callsExamined) }
        return .loading
    }

    public var timelineTail: TimelineTail {
        guard let timeline else { return .none }
        if let failure = timeline.failure { return .failed(failure.error.message) }
        if timeline.showsEndOfHistory { return timeline.lines.isEmpty ? .none : .endOfHistory }
        if timeline.pending != nil || timelinePageWanted != nil {
            return filter.isActive ? .searching(examined: timeline.callsExamined) : .loadingMore
        }
        return .none
    }
}
