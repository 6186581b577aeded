import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// The detail's Summary section: fetched only once the selection rests on a call
/// (never for the calls passed), once per call, in every state, with failures
/// retried by `r`; and the transcript view with `t`, scrolling and `/` search.
@MainActor
@Suite struct SummaryViewModelTests {
    static let lead = LeadID("7")

    static func opened(_ provider: ScriptedProvider, columns: Int = 100) async -> Browser {
        let settings = BrowserSettings(pageSize: 50, timeZone: TimeZone(identifier: "UTC") ?? .current, initialLead: lead)
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: 24, columns: columns))
        browser.start()
        await browser.settle()
        return browser
    }

    func summaryRequests(_ provider: ScriptedProvider) async -> [CallID] {
        await provider.requests.compactMap { if case .summary(let id) = $0 { id } else { nil } }
    }

    /// Lets time pass as the front end would (a tick at each deadline) until `condition` holds.
    func rest(_ browser: Browser, until condition: (BrowserState) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            browser.send(.tick)
            if condition(browser.state) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func selected(_ browser: Browser) throws -> Call { try #require(browser.state.timeline?.selectedCall) }

    func summaryRows(_ browser: Browser) -> [DetailRow] {
        let rows = browser.state.detailRows(width: 60)
        guard let start = rows.firstIndex(of: .heading("Summary")) else { return [] }
        let end = rows[(start + 1)...].firstIndex(of: .blank) ?? rows.endIndex
        return Array(rows[start..<end])
    }

    @Test func fetchedOnlyOnceTheSelectionRestsAndKept() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], summaries: true)
        let browser = await Self.opened(provider)
        #expect(await summaryRequests(provider).isEmpty, "nothing before the selection has rested")
        #expect(browser.state.summaryStatus(of: try selected(browser)) == .waiting)
        #expect(summaryRows(browser) == [.heading("Summary"), .field(label: "Status", value: "…")])

        // Running down the list asks for none of the calls passed.
        for _ in 0..<4 { browser.send(.moveDown) }
        let rested = try selected(browser)
        #expect(await rest(browser) { $0.summaries.pending != nil || $0.summaries.known[rested.id] != nil })
        #expect(await browser.wait { $0.summaries.known[rested.id] != nil })
        #expect(await summaryRequests(provider) == [rested.id])
        let rows = summaryRows(browser)
        #expect(rows.contains(.text("Summary of call 4.")))
        #expect(rows.contains(.field(label: "Score", value: "80")))
        #expect(rows.contains(.field(label: "Keywords", value: "roof, offer")))
        #expect(rows.contains(.field(label: "Comment", value: "Comment 4")))
        #expect(rows.contains(.field(label: "Transcript", value: "30 lines · t opens")))
        #expect(browser.state.canOpenTranscript)

        // Away and back: kept, not fetched again.
        browser.send(.moveDown)
        #expect(await rest(browser) { $0.summaries.known[CallID("7-5")] != nil })
        browser.send(.moveUp)
        #expect(await rest(browser) { _ in true })
        try await Task.sleep(for: .milliseconds(400))
        browser.send(.tick)
        #expect(await summaryRequests(provider) == [rested.id, CallID("7-5")])
    }

    @Test func everyState() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], summaries: true)
        let browser = await Self.opened(provider)
        let expected: [(Int, String)] = [(1, "pending · not ready yet"), (2, "none"), (3, "failed · the vendor could not summarise it")]
        for (index, text) in expected {
            browser.send(.moveDown)
            let id = CallID("7-\(index)")
            #expect(await rest(browser) { $0.summaries.known[id] != nil }, "\(index)")
            #expect(summaryRows(browser) == [.heading("Summary"), .field(label: "Status", value: text)], "\(index)")
            browser.send(.openTranscript)
            #expect(browser.state.transcript == nil)
            #expect(browser.state.footer.notice == "no transcript for this call" + (index == 1 ? " yet" : ""))
        }
        // A call the vendor says was not recorded is not asked about.
        var unrecorded = try selected(browser)
        unrecorded.hasRecording = false
        #expect(browser.state.summaryStatus(of: unrecorded) == .notRecorded)
        #expect(!browser.state.summaryWanted(unrecorded))
    }

    @Test func loadingThenAFailureRetriedWithR() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], summaries: true)
        await provider.failNextSummary(with: .server(status: 503, message: "busy"))
        let browser = await Self.opened(provider)
        let call = try selected(browser)
        #expect(await rest(browser) { $0.summaries.pending != nil || $0.summaries.failure != nil })
        #expect(await browser.wait { $0.summaries.failure != nil })
        #expect(summaryRows(browser) == [.heading("Summary"), .field(label: "Status", value: "failed · r retries")])
        #expect(browser.state.footer.error == "summary of call 7-0: provider error (HTTP 503): busy")
        #expect(browser.state.footer.retryHint == "r retries")
        // It is not fetched again by itself.
        try await Task.sleep(for: .milliseconds(400))
        browser.send(.tick)
        #expect(await summaryRequests(provider) == [call.id])

        browser.send(.reload)
        #expect(browser.state.summaryStatus(of: call) == .loading)
        #expect(summaryRows(browser) == [.heading("Summary"), .field(label: "Status", value: "loading…")])
        #expect(await browser.wait { $0.summaries.known[call.id] != nil })
        #expect(browser.state.footer.error == nil)
        #expect(await summaryRequests(provider) == [call.id, call.id])
        #expect(browser.state.timeline?.selectedCall?.id == call.id, "r retried the summary, not the lead")
    }

    @Test func noneWhileTheLeadsPaneHasTheFocusBelow100Columns() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], summaries: true)
        let browser = await Self.opened(provider, columns: 80)
        browser.send(.focus(.leads))
        try await Task.sleep(for: .milliseconds(400))
        browser.send(.tick)
        #expect(await summaryRequests(provider).isEmpty, "the detail is not on screen")
        browser.send(.focus(.calls))
        #expect(await rest(browser) { $0.summaries.known[CallID("7-0")] != nil })
    }

    @Test func providersWithoutSummariesShowNoSection() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)])
        let browser = await Self.opened(provider)
        try await Task.sleep(for: .milliseconds(400))
        browser.send(.tick)
        #expect(summaryRows(browser).isEmpty)
        #expect(await summaryRequests(provider).isEmpty)
        browser.send(.openTranscript)
        #expect(browser.state.footer.notice == "Scripted has no transcripts")
    }

    @Test func transcriptScrollsSearchesAndCloses() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], summaries: true)
        let browser = await Self.opened(provider)
        let call = try selected(browser)
        #expect(await rest(browser) { $0.summaries.known[call.id] != nil })
        browser.send(.openTranscript)
        var transcript = try #require(browser.state.transcript)
        // 24 rows: 20 inside the border.
        #expect(transcript.lines.count == 30 && transcript.height == 20 && transcript.position == "1–20/30")
        browser.send(.moveDown)
        browser.send(.moveDown)
        #expect(browser.state.transcript?.scroll == 2)
        browser.send(.last)
        #expect(browser.state.transcript?.position == "11–30/30")
        browser.send(.pageUp)
        #expect(browser.state.transcript?.scroll == 0)
        browser.send(.nextCall)
        #expect(browser.state.timeline?.selectedCall?.id == call.id, "keys about the calls wait")

        browser.send(.searchStart)
        #expect(browser.state.search.isEditing)
        for character in "ROOF" { browser.send(.searchInsert(String(character))) }
        #expect(browser.state.footer.searchMatches == "2 lines")
        browser.send(.searchSubmit)
        transcript = try #require(browser.state.transcript)
        #expect(transcript.matchLines == ScriptedProvider.transcriptMatches)
        #expect(transcript.currentMatch == 0 && transcript.matchSummary == "match 1/2 “ROOF”")
        browser.send(.searchNext)
        #expect(browser.state.transcript?.currentMatch == 1)
        browser.send(.searchNext)
        #expect(browser.state.transcript?.currentMatch == 0, "wraps")
        browser.send(.searchPrevious)
        #expect(browser.state.transcript?.matchSummary == "match 2/2 “ROOF”")

        browser.send(.searchStart)
        for character in "zebra" { browser.send(.searchInsert(String(character))) }
        browser.send(.searchSubmit)
        #expect(browser.state.transcript?.matchSummary == "no match “zebra”")

        // Esc in the prompt closes the prompt; then Esc (or q, or t) closes the transcript.
        browser.send(.searchStart)
        browser.send(.back)
        #expect(!browser.state.search.isEditing && browser.state.transcript != nil)
        browser.send(.close)
        #expect(browser.state.transcript == nil && !browser.state.quitRequested)
        browser.send(.openTranscript)
        browser.send(.openTranscript)
        #expect(browser.state.transcript == nil)
    }

    @Test func aLongLineWrapsAndTheTranscriptFollowsTheTerminalSize() async throws {
        let long = String(repeating: "word ", count: 40)
        var transcript = TranscriptState(callID: CallID("1"), transcript: "a\n" + long + "\nb \u{1B}[2J", width: 50, height: 5)
        #expect(transcript.lines.count == 3 && transcript.rows.count == 2 + 4)
        #expect(transcript.rowLine == [0, 1, 1, 1, 1, 2])
        #expect(!transcript.rows.joined().contains("\u{1B}"), "sanitised")
        transcript.scroll = 5
        transcript.layout(width: 200)
        #expect(transcript.rows.count == 3 && transcript.scroll == 0)
    }
}
