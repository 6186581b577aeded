import CalltrailModel
import CalltrailViewModel

/// Turns the view-model's state into a `FrameModel`: which words go where and in
/// which role. All texts come from the view-model's presentation helpers, which
/// sanitise everything from the network; nothing here decides browsing behaviour.
public enum BrowserFrameBuilder {
    /// Rows and text columns the detail is drawn in (its pane, or the whole body
    /// in full screen), for the view-model's `detailArea` scrolling bounds.
    public static func detailArea(_ state: BrowserState, width: Int, height: Int) -> (rows: Int, columns: Int) {
        let layout = Layout(width: width, height: height, focus: state.focus)
        let rect = state.overlay == .fullDetail ? layout.body : (layout.rect(of: .detail) ?? layout.body)
        let inner = ScreenBuffer.inner(rect)
        return (max(1, inner.height), max(1, inner.width - 2))
    }

    /// The frame for `state`; with `memo`, rows laid out for an earlier frame are reused where their inputs are the same.
    public static func frame(_ state: BrowserState, width: Int, height: Int, memo: FrameBuilderMemo? = nil) -> FrameModel {
        let layout = Layout(width: width, height: height, focus: state.focus)
        let bodyInner = ScreenBuffer.inner(layout.body)
        let callsWidth = layout.rect(of: .calls).map { ScreenBuffer.inner($0).width } ?? bodyInner.width
        let detailWidth = state.overlay == .fullDetail ? bodyInner.width : (layout.rect(of: .detail).map { ScreenBuffer.inner($0).width } ?? bodyInner.width)
        let header = state.header
        var headerLeft = "calltrail · " + header.providerName
        if let account = header.accountLabel { headerLeft += " · " + account }
        var headerRight = ""
        if header.leadName != nil {
            headerRight = DisplayFormat.count(header.callsLoaded, "call") + (header.isComplete ? "" : " loaded")
        }
        if let catchingUp = header.catchingUp { headerRight = catchingUp + (headerRight.isEmpty ? "" : " · " + headerRight) }
        let footer = state.footer
        var filters = footer.slots.map { FrameModel.FilterHint(key: $0.key, label: $0.label, isActive: $0.isOn) }
        filters.append(FrameModel.FilterHint(key: "0", label: "All", isActive: !footer.filterIsActive))
        filters.append(FrameModel.FilterHint(key: "d", label: footer.direction == "all" ? "direction" : footer.direction, isActive: footer.direction != "all"))
        var footerMessage: String?
        var footerIsError = false
        let blocking = state.blockingFailure
        if let error = footer.error, blocking == nil {
            footerMessage = "⚠ " + error + (footer.retryHint.map { " · " + $0 } ?? "")
            footerIsError = true
        } else if let notice = footer.notice {
            footerMessage = DisplayText.sanitize(notice)
        }
        var model = FrameModel(
            headerLeft: headerLeft, headerRight: headerRight, spinner: header.spinner ?? "",
            focus: state.focus, overlay: state.overlay,
            leads: leadsPane(state, memo: memo),
            calls: callsPane(state, width: callsWidth, memo: memo),
            detail: detailPane(state, width: detailWidth, height: bodyInner.height, memo: memo),
            filters: filters, footerMessage: footerMessage, footerMessageIsError: footerIsError,
            searchPrompt: footer.searchPrompt, filterSummary: filterSummary(footer),
            helpScroll: state.help.isShown ? state.help.scroll : nil,
            blocking: blocking.map { blockingPane($0, width: bodyInner.width) })
        if state.overlay == .none, state.focus != .detail {
            let mark = state.positionMark(for: state.focus) ?? ""
            if state.focus == .leads { model.leads.position = mark } else { model.calls.position = mark }
        }
        model.searchHint = footer.searchHint
        model.searchMatches = footer.searchMatches
        model.recordingHint = state.detailCall.flatMap { state.recordingStatus(of: $0) }.map { $0.canPlay } ?? false
        model.transcriptHint = state.canOpenTranscript
        model.transcript = transcriptPane(state)
        model.leadInfo = leadInfoPane(state)
        return model
    }

    /// The lead view's rows on screen, the lead's name in the title.
    static func leadInfoPane(_ state: BrowserState) -> PaneFrame? {
        guard let info = state.leadInfo else { return nil }
        let end = min(info.rows.count, info.scroll + info.height)
        let rows = info.rows[info.scroll..<max(info.scroll, end)].map { FrameRow([Span(" " + $0)]) }
        return PaneFrame(title: "Lead · \(info.name)", titleSuffix: "", rows: rows, selectedRow: nil, position: info.position)
    }

    /// The transcript's rows on screen, the current match's line selected and every
    /// occurrence of the search in reverse video; the match count in the title.
    static func transcriptPane(_ state: BrowserState) -> PaneFrame? {
        guard let transcript = state.transcript else { return nil }
        let end = min(transcript.rows.count, transcript.scroll + transcript.height)
        let current = transcript.currentMatch.flatMap { transcript.matchLines.indices.contains($0) ? transcript.matchLines[$0] : nil }
        var selected: Int?
        var rows: [FrameRow] = []
        for row in transcript.scroll..<max(transcript.scroll, end) {
            let line = transcript.rowLine[row]
            if line == current, selected == nil { selected = rows.count }
            rows.append(FrameRow([Span(" ")] + highlighted(transcript.rows[row], transcript.query)))
        }
        let title = "Transcript · call \(DisplayText.sanitizeLine(transcript.callID.rawValue))"
        return PaneFrame(
            title: title, titleSuffix: transcript.matchSummary.map { "· " + $0 } ?? "", rows: rows, selectedRow: selected,
            position: transcript.position)
    }

    /// `text` in spans, each occurrence of `query` (ignoring case) in reverse video.
    static func highlighted(_ text: String, _ query: String?) -> [Span] {
        guard let query, !query.isEmpty else { return [Span(text)] }
        var spans: [Span] = []
        var rest = text[...]
        while let found = rest.range(of: query, options: [.caseInsensitive]) {
            if found.lowerBound > rest.startIndex { spans.append(Span(String(rest[..<found.lowerBound]))) }
            spans.append(Span(String(rest[found]), CellStyle(.text, bold: true, reverse: true)))
            rest = rest[found.upperBound...]
        }
        if !rest.isEmpty { spans.append(Span(String(rest))) }
        return spans
    }

    /// The failure, what to check, and the keys, wrapped to the body's width.
    static func blockingPane(_ failure: BlockingFailure, width: Int) -> PaneFrame {
        let room = max(10, width - 4)
        var rows = [FrameRow([], isSelectable: false)]
        for (index, line) in DisplayText.wrap(failure.message, to: room).enumerated() {
            rows.append(FrameRow([Span(index == 0 ? " ⚠ " : "   ", CellStyle(.error, bold: true)), Span(line, CellStyle(.text, bold: true))], isSelectable: false))
        }
        if !failure.advice.isEmpty {
            rows.append(FrameRow([], isSelectable: false))
            for advice in failure.advice {
                for (index, line) in DisplayText.wrap(advice, to: room).enumerated() {
                    rows.append(FrameRow([Span(index == 0 ? " • " : "   "), Span(line)], isSelectable: false))
                }
            }
        }
        rows.append(FrameRow([], isSelectable: false))
        rows.append(FrameRow([Span(" r retries · q quits", CellStyle(.muted))], isSelectable: false))
        return PaneFrame(title: failure.title, rows: rows)
    }

    /// "filter: Talked, outbound · 0 clears", or nil when no filter is on.
    static func filterSummary(_ footer: FooterFacts) -> String? {
        guard footer.filterIsActive else { return nil }
        var parts = footer.slots.filter(\.isOn).map(\.label)
        if footer.direction != "all" { parts.append(footer.direction) }
        return "filter: " + parts.joined(separator: ", ") + " · 0 clears"
    }

    static func leadsPane(_ state: BrowserState, memo: FrameBuilderMemo? = nil) -> PaneFrame {
        let key = state.visibleLeadRowsKey
        let frameRows: [FrameRow]
        if let kept = memo?.leads, kept.key == key {
            frameRows = kept.rows
        } else {
            frameRows = state.visibleLeadRows.map { row in
                FrameRow([
                    Span(" "),
                    Span(row.name, CellStyle(.text, bold: row.isOpen), width: .fill),
                    Span(row.cannotCall ? " DNC" : "", CellStyle(.outcomeDNCContact)),
                    Span(row.lastTouch, CellStyle(.muted), width: .fixed(9), alignRight: true),
                ])
            }
            memo?.leads = (key, frameRows)
        }
        // The rows start at the top row, one a lead.
        let top = state.leads.topRow
        let selected = state.leads.selected.flatMap { $0 >= top && $0 - top < frameRows.count ? $0 - top : nil }
        var message: FrameRow?
        switch state.leadsStatus {
        case .rows: break
        case .loading: message = FrameRow([Span(" Loading leads…", CellStyle(.muted))], isSelectable: false)
        case .empty(let query):
            message = FrameRow([Span(query.map { " No lead matches “\($0)”" } ?? " No leads", CellStyle(.muted))], isSelectable: false)
        case .failed(let why): message = FrameRow([Span(" ⚠ " + why, CellStyle(.error))], isSelectable: false)
        }
        return PaneFrame(title: state.leadsTitle, rows: frameRows, selectedRow: selected, message: message)
    }

    static func callsPane(_ state: BrowserState, width: Int, memo: FrameBuilderMemo? = nil) -> PaneFrame {
        let memo = memo ?? FrameBuilderMemo()
        let inbox = state.timeline?.isInbox == true
        var frameRows: [FrameRow] = []
        var selected: Int?
        if let key = state.timelineRowsKey, let lineCount = state.timeline?.lines.count {
            let context = FrameBuilderMemo.Context(key: key, width: width, inbox: inbox)
            memo.layOutLines(in: context)
            let selectedLine = state.timeline?.selectedLine
            let shown = state.visibleTimelineLines
            let visible = FrameBuilderMemo.VisibleLines(context: context, pinnedDay: shown.pinnedDay, lines: shown.lines.clamped(to: 0..<lineCount))
            var callLines: [Int] = []
            if let kept = memo.visible, kept.lines == visible {
                frameRows = kept.rows
                callLines = kept.callLines
            } else {
                if let day = shown.pinnedDay {
                    frameRows.append(dayRow(state.dayHeading(day)))
                    callLines.append(-1)
                }
                for line in visible.lines {
                    let laidOut = memo.line(line) {
                        state.timelineEntry(atLine: line).map { .init(row: callsRow($0.row, inbox: inbox, width: width), showsCall: $0.line != nil) }
                    }
                    guard let laidOut else { continue }
                    frameRows.append(laidOut.row)
                    callLines.append(laidOut.showsCall ? line : -1)
                }
                memo.visible = (visible, frameRows, callLines)
            }
            if let selectedLine { selected = callLines.firstIndex(of: selectedLine) }
        }
        let status = state.timelineStatus
        // The tail line follows rows; with no rows, the pane's one message says it all.
        if status == .rows, frameRows.count < state.timelineRows, let tail = tailRow(state.timelineTail) {
            // The inbox says why it stopped looking further back, when it did.
            if inbox, state.timelineTail == .endOfHistory, let note = state.inboxEndNote {
                frameRows.append(FrameRow([Span(" — end: " + note + " —", CellStyle(.muted))], isSelectable: false))
            } else {
                frameRows.append(tail)
            }
        }
        var message: FrameRow?
        switch status {
        case .rows: break
        case .noLead: message = FrameRow([Span(" Choose a lead and press Enter", CellStyle(.muted))])
        case .loading:
            // Filtering through calls that do not match yet says how far it has looked.
            if case .searching = state.timelineTail {
                message = tailRow(state.timelineTail)
            } else {
                message = FrameRow([Span(" Loading calls…", CellStyle(.muted))])
            }
        case .empty: message = FrameRow([Span(inbox ? " No recent calls" : " No calls for this lead", CellStyle(.muted))])
        case .noMatches(let examined):
            message = FrameRow([Span(" No calls match the filter (\(DisplayFormat.count(examined)) examined)", CellStyle(.muted))])
        case .noAccess(let why): message = FrameRow([Span(" ⚠ " + why, CellStyle(.error, bold: true))])
        case .failed(let why): message = FrameRow([Span(" ⚠ " + why + " · r retries", CellStyle(.error))])
        }
        var title = "Calls"
        if let lead = state.timeline?.leadLabel { title += " · " + lead }
        if state.filter.isActive, let timeline = state.timeline {
            title += " · \(DisplayFormat.count(timeline.callsMatched)) of \(DisplayFormat.count(timeline.callsExamined))"
        }
        var pane = PaneFrame(title: title, rows: frameRows, selectedRow: selected, message: message)
        if state.showsLeadCard, let revision = state.timeline?.revision {
            if let kept = memo.leadCard, kept.revision == revision {
                pane.banner.append(kept.row)
            } else if let card = state.leadCard {
                let row = leadCardRow(card)
                memo.leadCard = (revision, row)
                pane.banner.append(row)
            }
        }
        if let strip = state.statsStrip { pane.banner += StatsStripDrawing.rows(strip, width: width) }
        return pane
    }

    /// "Nurture · Zillow · → Maya Patel · …", the first part in bold.
    static func leadCardRow(_ card: LeadCardFacts) -> FrameRow {
        var parts = card.parts
        let first = parts.isEmpty ? "" : parts.removeFirst()
        return FrameRow([
            Span(" "), Span(first, CellStyle(.heading, bold: true)),
            Span(parts.isEmpty ? "" : " · " + parts.joined(separator: " · "), CellStyle(.muted), width: .fill),
        ], isSelectable: false)
    }

    static func dayRow(_ heading: String) -> FrameRow {
        FrameRow([Span(" " + heading, CellStyle(.heading, bold: true))], isSelectable: false)
    }

    /// One row of the timeline as laid out in a pane `width` columns wide.
    static func callsRow(_ row: TimelineRow, inbox: Bool, width: Int) -> FrameRow {
        switch row {
        case .day(let text):
            return dayRow(text)
        case .call(let call):
            var spans = [
                Span(" "), Span(call.glyph + " "), Span(call.time, width: .fixed(5)),
                Span(call.duration, width: .fixed(8), alignRight: true), Span("  "),
            ]
            // The inbox names each call's lead; the status gives way to it.
            if inbox { spans.append(Span(call.lead, CellStyle(.heading), width: .fixed(max(10, min(24, width / 4))))) }
            if inbox { spans.append(Span(" ")) }
            // The status column goes first when the pane is narrow; the note takes what is left.
            if width >= 70 && !inbox {
                spans.append(Span(call.status, CellStyle(ThemeRole.status(CallStatus(rawValue: call.status))), width: .fixed(11)))
            }
            spans += [
                Span(call.outcomeLabel, CellStyle(ThemeRole.outcome(call.outcome)), width: .fixed(12)),
                Span(call.rating, CellStyle(.muted), width: .fixed(6)),
                Span(call.isDeleted ? "[deleted] " + call.note : call.note, width: .fill),
            ]
            return FrameRow(spans)
        }
    }

    /// One detail row, its label in a column `labelWidth` wide.
    static func detailRow(_ row: DetailRow, labelWidth: Int) -> FrameRow {
        switch row {
        case .heading(let text): return FrameRow([Span(" " + text, CellStyle(.heading, bold: true))], isSelectable: false)
        case .field(let label, let value):
            let role: ThemeRole = label == "Outcome" ? .outcome(CallOutcome.known.first { $0.label == value }) : .text
            return FrameRow([Span(" "), Span(label, CellStyle(.label), width: .fixed(labelWidth)), Span("  "), Span(value, CellStyle(role), width: .fill)], isSelectable: false)
        case .text(let line): return FrameRow([Span(" " + line)], isSelectable: false)
        case .fullWidthValue(let value): return FrameRow([Span("  " + value, CellStyle(.text))], isSelectable: false)
        case .blank: return FrameRow([], isSelectable: false)
        }
    }

    static func tailRow(_ tail: TimelineTail) -> FrameRow? {
        switch tail {
        case .none: return nil
        case .loadingMore: return FrameRow([Span(" Loading more…", CellStyle(.muted))], isSelectable: false)
        case .searching(let examined):
            return FrameRow([Span(" Searching… \(DisplayFormat.count(examined, "call")) examined", CellStyle(.muted))], isSelectable: false)
        case .endOfHistory: return FrameRow([Span(" — end of history —", CellStyle(.muted))], isSelectable: false)
        case .failed(let why): return FrameRow([Span(" ⚠ " + why + " · r retries", CellStyle(.error))], isSelectable: false)
        }
    }

    static func detailPane(_ state: BrowserState, width: Int, height: Int, memo: FrameBuilderMemo? = nil) -> PaneFrame {
        // The label column is the whole call's (values were wrapped to it), not the visible slice's.
        let view = state.detailView(width: max(1, width - 2), height: max(1, height))
        let rows = view.rows
        // Every row of the call laid out once (a call shown again gets the same rows back), then the visible slice.
        let make = {
            let labelWidth = DetailRow.labelWidth(of: view.all)
            return view.all.map { detailRow($0, labelWidth: labelWidth) }
        }
        let all = memo?.detailRows(view.all, make: make) ?? make()
        // The whole call fits more often than not: then its rows are the kept array itself.
        let frameRows = view.first == 0 && rows.count == all.count ? all : Array(all[view.first..<(view.first + rows.count)])
        var message: FrameRow?
        if let failure = state.detailFailure {
            message = FrameRow([Span(" ⚠ " + failure + " · r retries", CellStyle(.error))])
        } else if rows.isEmpty {
            message = FrameRow([Span(state.detailIsLoading ? " Loading call…" : " No call selected", CellStyle(.muted))])
        }
        let title = state.overlay == .fullDetail ? "Call · Esc returns" : "Call" + (view.zone.map { " · " + $0 } ?? "")
        let mark = view.all.count > view.shown ? FrameRenderer.positionMark(first: view.first, shown: view.shown, total: view.all.count) : ""
        return PaneFrame(
            title: title, titleSuffix: state.detailIsLoading ? (state.header.spinner ?? "") : "", rows: frameRows, message: message,
            position: mark)
    }
}
