import Foundation
import Testing

/// The Summary section and the transcript view at 80×24 against the Lofty stand-in
/// over HTTP: the summary is fetched once the selection rests (by the call's dialer
/// record), its states show, `t` opens the transcript, which scrolls, searches with
/// `/`, `n` and `N`, shows a hostile line inert and closes with `q`.
@Suite(.serialized) struct BrowserSummaryTests {
    static func footer(_ screen: String) -> String { BrowserAt80x24Tests.footer(screen) }

    static func session(_ stub: StubAPIProcess, lead: String) throws -> TmuxSession {
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        return try TmuxSession(
            width: 80, height: 24, command: "exec \(binary) --provider lofty --base-url \(stub.baseURL) --lead \(lead)",
            environment: ["CALLTRAIL_TOKEN": StubAPIProcess.token])
    }

    @Test func summarySectionAndTranscriptWithSearch() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let tmux = try Self.session(stub, lead: "100003")
        defer { tmux.close() }
        try await tmux.waitFor("the lead's calls") { $0.contains("Calls · Zoë 🚀 Park") && $0.contains("Call id") }
        // The detail pane, scrolled to its end: the Summary section of 200306.
        try tmux.send("l")
        // G again until the section has arrived (it is fetched once the selection rests).
        var screen = try await tmux.waitFor("the summary") { screen in
            if screen.contains("Score             87") { return true }
            try? tmux.send("G")
            return false
        }
        #expect(screen.contains("┃ Summary "))
        #expect(screen.contains("worries about the"))
        #expect(screen.contains("Keywords          roof,"))
        #expect(screen.contains("Transcript        40 lines · t"))
        let asked = try await stub.requests().filter { $0.path == "/v2.0/ai/call-summary" }.map(\.query)
        #expect(asked == ["callRecordId=7200306"], "fetched once, by the dialer record, for the call shown only")

        try tmux.send("t")
        screen = try await tmux.waitFor("the transcript") { $0.contains("Transcript · call 200306") && $0.contains(" 1–20/41 ") }
        #expect(screen.contains("Agent: Hi Zoë, it's Sam from Bayview Realty, calling about Maple Avenue."))
        #expect(Self.footer(screen).contains("/ search") && Self.footer(screen).contains("q/Esc close"))
        try tmux.send("G")
        screen = try await tmux.waitFor("its end") { $0.contains(" 22–41/41 ") }
        // The pasted title sequence is shown, not obeyed.
        #expect(screen.contains("Lead: Pasted from chat: ␛]0;pwned␇ — ignore that."))
        #expect(try tmux.display("#{pane_title}") != "pwned")
        try tmux.send("g")
        try await tmux.waitFor("back at the top") { $0.contains(" 1–20/41 ") }

        try tmux.send("/")
        try tmux.type("roof")
        screen = try await tmux.waitFor("the typed search counted") { Self.footer($0).contains("3 lines") }
        try tmux.send("Enter")
        screen = try await tmux.waitFor("the first match") { $0.contains("match 1/3 “roof”") }
        #expect(screen.contains("▌Lead: Mostly the roof. It looked old to us."))
        try tmux.send("n")
        screen = try await tmux.waitFor("the second match") { $0.contains("match 2/3 “roof”") }
        #expect(screen.contains("▌Agent: The inspection found the roof is fifteen years old but sound."))
        try tmux.send("n")
        try await tmux.waitFor("the third") { $0.contains("match 3/3 “roof”") && $0.contains("▌Agent: I'll send the report on the roof") }
        try tmux.send("n")
        try await tmux.waitFor("wrapped to the first") { $0.contains("match 1/3 “roof”") }
        try tmux.send("N")
        try await tmux.waitFor("back to the last") { $0.contains("match 3/3 “roof”") }

        try tmux.send("q")
        screen = try await tmux.waitFor("the panes again") { $0.contains("Calls · Zoë 🚀 Park") && !$0.contains("Transcript · call") }
        #expect(screen.contains("Score             87"), "the detail is where it was")
        // The full-screen detail names t in its footer at 80 columns.
        try tmux.send("h")
        try tmux.send("Enter")
        // The whole frame: tmux can show the title before the footer line is written.
        screen = try await tmux.waitFor("the full-screen detail with its footer") {
            $0.contains("Call · Esc returns") && Self.footer($0).contains("t transcript")
        }
        #expect(Self.footer(screen).contains("t transcript"))
    }

    @Test func statesPendingNotRecordedAndNone() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let tmux = try Self.session(stub, lead: "100002")
        defer { tmux.close() }
        // 200212, the newest call, has a summary still pending.
        try await tmux.waitFor("the lead's calls") { $0.contains("Calls · 美咲 高橋") && $0.contains("Call id") }
        try tmux.send("l")
        try await tmux.waitFor("pending") { screen in
            if screen.contains("Status            pending · not") { return true }
            try? tmux.send("G")
            return false
        }
        // 200211 (a voice message, not recorded): said without asking.
        try tmux.send("h")
        try tmux.send("j")
        try tmux.send("l")
        try await tmux.waitFor("not recorded") { screen in
            if screen.contains("Status            none (not") { return true }
            try? tmux.send("G")
            return false
        }
        try tmux.send("t")
        try await tmux.waitFor("no transcript") { Self.footer($0).contains("no transcript for this call") }
        let asked = try await stub.requests().filter { $0.path == "/v2.0/ai/call-summary" }.map(\.query)
        #expect(asked == ["callRecordId=7200212"])
    }

    /// On the demo at 120×40: the first call of the first lead with a finished summary
    /// (found with `calls` and `summary --format json`), its section and transcript.
    @Test func demoAt120x40() async throws {
        let environment = ["CALLTRAIL_DEMO_LATENCY_MS": "0"]
        let calls = try await Calltrail.run(
            ["calls", "--lead", "100001", "--limit", "60", "--format", "json", "--provider", "demo"], token: nil,
            extraEnvironment: environment)
        var target: (index: Int, id: String)?
        for (index, line) in calls.stdoutLines.enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  (object["details"] as? [String: Any])?["recordingSwitch"] as? Bool == true,
                  let id = (object["id"] as? NSNumber)?.stringValue else { continue }
            let summary = try await Calltrail.run(["summary", id, "--format", "json", "--provider", "demo"], token: nil,
                                                  extraEnvironment: environment)
            if summary.stdout.contains("\"status\":\"finished\"") {
                target = (index, id)
                break
            }
        }
        let (index, id) = try #require(target, "a finished summary among the first 60 calls")
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        let tmux = try TmuxSession(
            width: 120, height: 40, command: "exec \(binary) --provider demo --lead 100001", environment: environment)
        defer { tmux.close() }
        try await tmux.waitFor("the lead's calls") { $0.contains("Call id") }
        for _ in 0..<index { try tmux.send("j") }
        try tmux.send("l")
        try await tmux.waitFor("the summary of call \(id)") { screen in
            if screen.contains(id) && screen.contains(" lines · t") { return true }
            try? tmux.send("G")
            return false
        }
        try tmux.send("t")
        try await tmux.waitFor("the transcript") { $0.contains("Transcript · call \(id)") }
        try tmux.send("/")
        try tmux.type("agent")
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("a match") { $0.contains("match 1/") }
        #expect(screen.contains("▌Agent: Hi, this is"))
        try tmux.send("Escape")
        try await tmux.waitFor("closed") { !$0.contains("Transcript · call") }
    }
}
