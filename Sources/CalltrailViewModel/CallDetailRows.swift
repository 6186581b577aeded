import CalltrailModel
import Foundation

/// One drawn row of the detail pane or full-screen detail, texts sanitised.
public enum DetailRow: Sendable, Hashable {
    /// A section title: the summary line, "Note", "Details", "Other fields".
    case heading(String)
    /// A labelled value, one line of it: a value longer than the value column
    /// goes on in rows with an empty label, so nothing is cut off.
    case field(label: String, value: String)
    /// One line of wrapped text (the note).
    case text(String)
    /// A value without spaces (an id, a URL) too wide for the value column, on
    /// a row of its own under its label so it is never broken in the middle.
    case fullWidthValue(String)
    case blank
}

extension BrowserState {
    /// The call the detail shows: in full screen the one fetched by id (every
    /// field) once it arrives, else the selected call from the timeline.
    public var detailCall: Call? {
        if overlay == .fullDetail {
            if let fetched = detail.fetched { return fetched }
            if let id = detail.callID, let selected = timeline?.selectedCall, selected.id == id { return selected }
            return nil
        }
        return timeline?.selectedCall
    }

    /// The detail as rows for a pane `width` columns wide (the note is wrapped to it).
    public func detailRows(width: Int) -> [DetailRow] {
        detailEntry(width: width)?.rows ?? []
    }

    /// The detail's rows and the zone for its title, from the cache of recent calls.
    private func detailEntry(width: Int) -> DetailRowsCache.Entry? {
        guard let call = detailCall else { return nil }
        return CallDetailRows.entry(
            for: call, width: width, zone: settings.timeZone, times: detailTimeStyle, recording: recordingStatus(of: call),
            summary: summaryStatus(of: call))
    }

    /// The side pane is narrow: its times take one short line each, the zone said
    /// once in its title (`detailZone`); the full-screen detail spells each time out.
    var detailTimeStyle: DetailTimeStyle {
        overlay == .fullDetail ? .full : .short(currentYear: DisplayFormat.year(of: wallClock, in: settings.timeZone))
    }

    /// "UTC+02:00" for the side pane's title while its times are short, else nil.
    public var detailZone: String? {
        guard case .short = detailTimeStyle, let call = detailCall else { return nil }
        return DisplayFormat.zoneOffset(at: call.startTime ?? wallClock, in: settings.timeZone)
    }

    /// The visible rows (at the detail's scroll position, clamped to the content),
    /// where the view is (for the "12–30/84" mark) and the zone for the title
    /// (`detailZone`), from one look-up of the call's rows. `all` is every row of
    /// the call, the same array for as long as the call's rows are kept.
    public func detailView(width: Int, height: Int) -> (rows: [DetailRow], first: Int, shown: Int, all: [DetailRow], zone: String?) {
        let entry = detailEntry(width: width)
        let rows = entry?.rows ?? []
        let start = max(0, min(detail.scroll, rows.count - height))
        let end = min(rows.count, start + max(height, 0))
        // All of a call's rows usually fit: then they are the same array, not a copy each frame.
        let visible = start == 0 && end == rows.count ? rows : Array(rows[start..<end])
        // A call without a start time is dated now, which the cache cannot keep.
        let zone = entry == nil ? nil : (entry?.zone ?? detailZone)
        return (visible, start, max(0, min(height, rows.count - start)), rows, zone)
    }

    /// The rows visible at the detail's scroll position (clamped to the content).
    public func visibleDetailRows(width: Int, height: Int) -> [DetailRow] {
        detailView(width: width, height: height).rows
    }

    /// Where the detail is drawn: as the front end said, else a guess from the
    /// terminal size (full screen inside a border, or a third of the width).
    var detailArea: (rows: Int, columns: Int) {
        if let area = detail.area { return area }
        if overlay == .fullDetail { return (max(1, viewport.rows - 4), max(1, viewport.columns - 2)) }
        return (viewport.listRows, max(1, viewport.columns / 3 - 2))
    }

    /// The furthest the detail can scroll: its last row at the bottom of the area.
    var detailMaximumScroll: Int {
        let area = detailArea
        return max(0, detailRows(width: area.columns).count - area.rows)
    }

    /// A failure fetching the full call (shown under the rows; the list's copy stays).
    public var detailFailure: String? { overlay == .fullDetail ? detail.failure?.message : nil }

    public var detailIsLoading: Bool { overlay == .fullDetail && detail.pending != nil }
}

extension DetailRow {
    /// The label column for `rows` as laid out (labels already fitted to their
    /// column by `DetailFieldLayout`, so none is cut): the longest label.
    public static func labelWidth(of rows: [DetailRow]) -> Int {
        rows.reduce(0) { widest, row in
            guard case .field(let label, _) = row else { return widest }
            return max(widest, DisplayText.width(label))
        }
    }
}

/// Every field of a call, labelled, in reading order; absent fields left out.
enum CallDetailRows {
    /// Rows for a detail `width` columns wide, drawn as one space, the label
    /// column, two spaces and the value (the note as one space and its line).
    /// Built once per call, width, time style and recording status (`DetailRowsCache`), not once per frame.
    static func rows(
        for call: Call, width: Int, zone: TimeZone, times: DetailTimeStyle = .full, recording: RecordingStatus? = nil,
        summary: SummaryStatus? = nil
    ) -> [DetailRow] {
        entry(for: call, width: width, zone: zone, times: times, recording: recording, summary: summary).rows
    }

    /// The rows, and for short times the zone's offset at the call's start, made once per recent call.
    static func entry(
        for call: Call, width: Int, zone: TimeZone, times: DetailTimeStyle, recording: RecordingStatus?, summary: SummaryStatus?
    ) -> DetailRowsCache.Entry {
        DetailRowsCache.shared.entry(for: call, width: width, zone: zone, times: times, recording: recording, summary: summary) {
            let rows = DetailFieldLayout.fit(
                unwrappedRows(for: call, width: width, zone: zone, times: times, recording: recording, summary: summary),
                width: width)
            var title: String?
            if case .short = times, let start = call.startTime { title = DisplayFormat.zoneOffset(at: start, in: zone) }
            return DetailRowsCache.Entry(rows: rows, zone: title)
        }
    }

    static func unwrappedRows(
        for call: Call, width: Int, zone: TimeZone, times: DetailTimeStyle = .full, recording: RecordingStatus? = nil,
        summary summaryState: SummaryStatus? = nil
    ) -> [DetailRow] {
        var rows: [DetailRow] = []
        if let reason = call.unreadable {
            // What could not be read is shown as it came, never hidden; cut like any huge value
            // (the whole record is in `call --format json`).
            return [
                .heading("Unreadable call"), .field(label: "Why", value: DisplayText.sanitize(reason)),
                .field(label: "Call id", value: DisplayText.sanitize(call.id.rawValue.isEmpty ? "—" : call.id.rawValue)),
                .blank, .heading("Raw JSON"),
            ] + DisplayText.wrap(DisplayText.sanitize(call.raw?.compactJSONPrefix(maximumUTF8: 4_000).text ?? "null"), to: max(width, 1))
                .map { .text($0) }
        }
        // Times are written once the label column is known, to fit the value column on one line.
        var timeRows: [(index: Int, date: Date)] = []
        func timeField(_ label: String, _ date: Date?) {
            guard let date else { return }
            timeRows.append((rows.count, date))
            rows.append(.field(label: label, value: ""))
        }
        let summary = [call.direction?.rawValue, call.status?.rawValue ?? (call.isManual ? "Logged manually" : nil)]
            .compactMap { $0 }.joined(separator: " · ")
        if !summary.isEmpty { rows.append(.heading(DisplayText.sanitizeLine(summary))) }
        // Huge values are cut first, so sanitising and wrapping cost little
        // (JSON is cut while it is written: `isCut`).
        func field(_ label: String, _ value: String?, isCut: Bool = false) {
            guard let value, !value.isEmpty else { return }
            let shown = isCut ? value : DetailValueCut.cut(value, toBytes: DetailValueCut.fieldBytes, callID: call.id)
            rows.append(.field(label: DisplayText.sanitize(label), value: DisplayText.sanitize(shown)))
        }
        field("Outcome", call.outcome?.label)
        if call.rating != nil { field("Rating", DisplayFormat.rating(call.rating) + " (\(call.rating ?? 0)/5)") }
        field("Recording", recording?.text)
        timeField("Started", call.startTime)
        timeField("Ended", call.endTime)
        if call.duration != nil { field("Duration", DisplayFormat.duration(call.duration)) }
        field("Lead phone", call.leadPhoneNumber)
        field("Agent phone", call.userPhoneNumber)
        if call.isManual { field("Logged", "manually (no dialer record)") }
        if call.isDeleted { field("Deleted", "yes") }
        field("Call id", call.id.rawValue)
        field("Lead id", call.leadID?.rawValue)
        for detail in call.details {
            if case .instant(let date) = detail.value {
                timeField(detail.label, date)
            } else if case .json(let json) = detail.value {
                field(detail.label, displayed(json, callID: call.id), isCut: true)
            } else {
                field(detail.label, DisplayFormat.detailValue(detail.value, instant: { times.text($0, in: zone) }))
            }
        }
        if let summaryState { rows += summaryRows(summaryState, width: width, callID: call.id) }
        if let note = call.note, !note.isEmpty {
            rows.append(.blank)
            rows.append(.heading("Note"))
            let shown = DetailValueCut.cut(note, toBytes: DetailValueCut.noteBytes, callID: call.id)
            for line in DisplayText.wrap(DisplayText.sanitize(shown, keepNewlines: true), to: max(width, 1)) {
                rows.append(.text(line))
            }
        }
        if !call.otherFields.isEmpty {
            rows.append(.blank)
            rows.append(.heading("Other fields"))
            for other in call.otherFields { field(other.key, displayed(other.value, callID: call.id), isCut: true) }
        }
        // The value column as `DetailFieldLayout` will draw it.
        let valueWidth = width - 3 - DetailFieldLayout.labelColumn(for: rows, width: width)
        for (index, date) in timeRows {
            guard case .field(let label, _) = rows[index] else { continue }
            rows[index] = .field(label: label, value: DisplayText.sanitize(times.text(date, in: zone, width: valueWidth)))
        }
        return rows
    }

    /// The Summary section: its state, or the summary, score, keywords and comment
    /// and how to open the transcript.
    static func summaryRows(_ summary: SummaryStatus, width: Int, callID: CallID) -> [DetailRow] {
        var rows: [DetailRow] = [.blank, .heading("Summary")]
        func field(_ label: String, _ value: String?, _ isCut: Bool) {
            guard let value, !value.isEmpty else { return }
            let shown = DetailValueCut.cut(value, toBytes: DetailValueCut.fieldBytes, callID: callID)
            rows.append(.field(label: label, value: DisplayText.sanitize(shown)))
        }
        func state(_ text: String) { field("Status", text, false) }
        switch summary {
        case .notRecorded: state("none (not recorded)")
        case .waiting: state("…")
        case .loading: state("loading…")
        case .none: state("none")
        case .failed: state("failed · r retries")
        case .summary(let digest):
            switch digest.status {
            case .finished: break
            case .pending: state("pending · not ready yet")
            case .processing: state("processing · not ready yet")
            case .failed: state("failed · the vendor could not summarise it")
            case .other(let code): state("status \(code)")
            }
            if let text = digest.summary {
                for line in DisplayText.wrap(text, to: max(width, 1)) { rows.append(.text(line)) }
            }
            field("Score", digest.score, false)
            field("Keywords", digest.keywords, false)
            field("Comment", digest.comment, false)
            if digest.transcriptLines > 0 {
                field("Transcript", DisplayFormat.count(digest.transcriptLines, "line") + " · t opens", false)
            }
        }
        return rows
    }

    /// An unknown field's value as compact JSON, cut when huge.
    static func displayed(_ json: JSONValue, callID: CallID) -> String {
        DetailValueCut.cut(json, toBytes: DetailValueCut.fieldBytes, callID: callID)
    }
}
