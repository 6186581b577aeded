import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailTerminal
@testable import CalltrailViewModel

/// One-row values from a server (a lead's name, a call's status, outcome and
/// direction, the note's first line) are cut before they reach a frame: a
/// megabyte name costs what a short one does on every frame (the header, the
/// pane titles, the lists and the footer's filters).
@Suite struct HugeRowValuesTests {
    @Test func oneRowValuesAreCutBeforeTheFrame() throws {
        // A million wide characters without a space.
        let huge = String(repeating: "長い", count: 500_000)
        let descriptor = ProviderDescriptor(name: "Demo", outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 1_000)
        let utc = TimeZone(identifier: "UTC") ?? .current
        var state = BrowserState(descriptor: descriptor, settings: BrowserSettings(timeZone: utc),
                                 now: ContinuousClock.now, wallClock: Date(timeIntervalSince1970: 1_790_000_000))
        func reduce(_ action: BrowserAction) { _ = BrowserReducer.reduce(&state, action, now: state.now, wallClock: state.wallClock) }
        _ = BrowserReducer.start(&state)
        reduce(.resize(rows: 40, columns: 120))
        let leadsTicket = try #require(state.leads.pending?.ticket)
        reduce(.leadsLoaded(leadsTicket, LeadPage(leads: [Lead(id: "7", firstName: huge, phones: [huge])], next: nil)))
        reduce(.open)
        let callsTicket = try #require(state.timeline?.pending?.ticket)
        let start = try #require(UTCTimestamp.parse("2026-04-22 01:15:00"))
        let call = Call(id: "1", direction: .other(huge), status: .other(huge), outcome: .other(huge), startTime: start, note: huge)
        reduce(.callsLoaded(callsTicket, CallPage(calls: [call], next: nil)))
        let frame = BrowserFrameBuilder.frame(state, width: 120, height: 40)

        var texts = [frame.headerLeft, frame.headerRight, frame.footerMessage ?? "", frame.filterSummary ?? ""] + frame.filters.map(\.label)
        for pane in [frame.leads, frame.calls, frame.detail] {
            texts += [pane.title, pane.titleSuffix] + pane.rows.flatMap { $0.spans.map(\.text) }
        }
        let longest = texts.map { $0.unicodeScalars.count }.max() ?? 0
        // The detail's own fields are cut at 4 KB with a marker; nothing else comes near.
        #expect(longest < 5_000, "a frame holds a value of \(longest) scalars")
        #expect(frame.leads.rows.contains { $0.spans.contains { $0.text.hasPrefix("長い長い") } })
        #expect(frame.calls.title.contains("長い長い"))

        var scroll = ScrollState()
        let screen = FrameRenderer().render(frame, width: 120, height: 40, scroll: &scroll).lines.joined(separator: "\n")
        #expect(screen.contains("長い長い"))
    }

    @Test func aOneRowValueIsCutAtTheLimitWithAnEllipsis() {
        let limit = DisplayText.lineScalarLimit
        #expect(DisplayText.sanitizeLine("short\tname") == "short name")
        #expect(DisplayText.sanitizeLine(String(repeating: "x", count: limit)) == String(repeating: "x", count: limit))
        #expect(DisplayText.sanitizeLine(String(repeating: "x", count: limit + 1)) == String(repeating: "x", count: limit) + "…")
        // Sanitised after the cut: a control character inside the kept part still turns inert.
        #expect(DisplayText.sanitizeLine("\u{1B}[2J" + String(repeating: "y", count: 2 * limit)).hasPrefix("␛[2J"))
        // Fitting to a row measures only as far as the row goes.
        let wide = String(repeating: "長", count: 100_000)
        #expect(DisplayText.truncate(wide, to: 11) == String(repeating: "長", count: 5) + "…")
        #expect(DisplayText.truncate("長長", to: 4) == "長長")
    }
}
