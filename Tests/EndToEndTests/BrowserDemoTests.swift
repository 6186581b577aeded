import Foundation
import Testing

/// The browser in a real terminal (tmux, 120×40, TERM=xterm-256color, TZ=UTC) on
/// the demo provider. Every wait polls the screen with a deadline.
@Suite(.serialized) struct BrowserDemoTests {
    static let binary = TmuxSession.shellQuote((try? BuiltProducts.path(of: "calltrail")) ?? "calltrail")
    static let outcomeWords = ["Talked", "Voice msg", "No answer", "Bad number", "DNC number", "DNC contact"]
    static var dayHeading: Regex<(Substring, Substring)> { #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/# }

    /// The calls pane's columns at 120 wide (see Layout: leads 26, calls 56, detail 38).
    static func callsPane(_ screen: String) -> [String] { ScreenText.callList(ScreenText.region(screen, from: 26, width: 56, rows: 2..<39)) }
    static func detailPane(_ screen: String) -> [String] { ScreenText.region(screen, from: 82, width: 38, rows: 2..<39) }

    static func openFirstLead(_ tmux: TmuxSession) async throws {
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("Leads") && $0.contains("▌") }
        try tmux.send("Enter")
        try await tmux.waitFor("calls under a day heading") { screen in
            callsPane(screen).contains { $0.contains(dayHeading) } && callsPane(screen).contains { $0.contains("▌") }
        }
    }

    @Test func browsesLeadsCallsDetailHelpAndRestoresTheTerminalOnQuit() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec sh")
        defer { tmux.close() }
        try tmux.type("\(Self.binary)")
        try tmux.send("Enter")
        try await Self.openFirstLead(tmux)

        // Moving down changes the detail pane.
        let before = Self.detailPane(try tmux.capture())
        try tmux.send("j")
        try await tmux.waitFor("the detail pane to follow the selection") { Self.detailPane($0) != before && !Self.detailPane($0).joined().isEmpty }

        // Enter opens the full-screen detail (the lead list goes), Esc comes back.
        try tmux.send("Enter")
        try await tmux.waitFor("full-screen detail") { !$0.contains("Leads") && $0.contains("Call") }
        try tmux.send("Escape")
        try await tmux.waitFor("the three panes again") { $0.contains("Leads") && Self.callsPane($0).contains { $0.contains("▌") } }

        try tmux.send("?")
        try await tmux.waitFor("help") { $0.contains("Help") && $0.contains("move down") }
        try tmux.send("Escape")
        try await tmux.waitFor("help closed") { !$0.contains("move down") }

        try tmux.send("q")
        try await Self.expectTerminalRestored(tmux)
    }

    /// After the program has gone, the shell's `stty -a` shows cooked mode with echo.
    static func expectTerminalRestored(_ tmux: TmuxSession) async throws {
        try await tmux.waitFor("the shell after the program ended") { !$0.contains("demo data") }
        try tmux.type("stty -a")
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("stty output") { $0.contains("icanon") }
        #expect(screen.contains(" icanon") && !screen.contains("-icanon"))
        #expect(screen.contains(" echo ") && !screen.contains("-echo "))
    }

    @Test func ctrlCQuitsAndRestoresTheTerminal() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec sh")
        defer { tmux.close() }
        try tmux.type("\(Self.binary)")
        try tmux.send("Enter")
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        try tmux.send("C-c")
        try await Self.expectTerminalRestored(tmux)
    }

    @Test func outcomeFilterShowsOnlyTalkedAndZeroShowsAll() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await Self.openFirstLead(tmux)

        func outcomes(_ screen: String) -> [String] {
            Self.callsPane(screen).flatMap { line in Self.outcomeWords.filter { line.contains($0) } }
        }
        try tmux.send("1")
        let filtered = try await tmux.waitFor("only Talked calls") { screen in
            let words = outcomes(screen)
            return !words.isEmpty && words.allSatisfy { $0 == "Talked" }
        }
        #expect(outcomes(filtered).count >= 3)
        try tmux.send("0")
        try await tmux.waitFor("all outcomes again") { Set(outcomes($0)).count > 1 }
    }

    @Test func resizingToTinyAndBackKeepsRunningAndKeepsTheSelection() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await Self.openFirstLead(tmux)
        try tmux.send("j")
        try tmux.send("j")
        try tmux.send("j")
        // Let the three moves land: the selection is on the fourth call row.
        let settled = try await tmux.waitFor("the selection to move") { screen in
            let rows = Self.callsPane(screen).filter { !$0.contains(Self.dayHeading) && ($0.hasPrefix("│") || $0.hasPrefix("┃")) }
            return rows.firstIndex { $0.contains("▌") } == 3
        }
        let selected = Self.callsPane(settled).first { $0.contains("▌") }
        let detail = Self.detailPane(settled)

        try tmux.resize(width: 20, height: 6)
        try await tmux.waitFor(text: "too small")
        try tmux.resize(width: 120, height: 40)
        let back = try await tmux.waitFor("the browser again") { Self.callsPane($0).contains { $0.contains("▌") } }
        #expect(Self.callsPane(back).first { $0.contains("▌") } == selected)
        #expect(Self.detailPane(back) == detail)
        #expect(try tmux.display("#{pane_dead}") == "0")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec sh")
        defer { tmux.close() }
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("calltrail-\(UUID()).pid").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        try tmux.type("sh -c 'echo $$ > \(pidFile); exec \(Self.binary)'")
        try tmux.send("Enter")
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        try await Self.expectTerminalRestored(tmux)
    }

    @Test func noColorStillShowsTheSelectionInReverseVideo() async throws {
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec \(Self.binary)", environment: ["NO_COLOR": "1"])
        defer { tmux.close() }
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        let screen = try tmux.capture(escapes: true)
        let selectedLine = try #require(screen.split(separator: "\n").first { $0.contains("▌") })
        // SGR 7 (reverse) on the selected row, and no colour anywhere.
        #expect(selectedLine.contains(#/\e\[[0-9;]*\b7[;m]/#))
        #expect(!screen.contains(#/\e\[[0-9;]*\b(3[0-7]|38;5;\d+|4[0-7]|48;5;\d+)[;m]/#))
    }

    @Test func tinyTerminalSaysItIsTooSmallAndQuits() async throws {
        let tmux = try TmuxSession(width: 20, height: 6, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await tmux.waitFor(text: "too small")
        try tmux.send("q")
        try await tmux.waitFor("the program to exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
    }
}
