import Foundation
import Testing

/// Issue 10 at 80×24 in tmux, the parts the other suites check only in frames:
/// one loading message per pane, the detail's one-line times with the zone in
/// its title and ids kept whole, and the wheel scrolling the pane under it.
@Suite(.serialized) struct BrowserAt80x24DetailTests {
    static let binary = BrowserDemoTests.binary
    static func lines(_ screen: String) -> [String] { BrowserAt80x24Tests.lines(screen) }
    /// The calls pane's columns at 80×24 with Calls focused (the left 42 columns).
    static func callsColumn(_ line: String) -> String { String(line.prefix(42)) }

    static func session(environment: [String: String] = [:], mouse: Bool = false) throws -> (TmuxSession, TemporaryDirectory) {
        let home = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: home.path + "/config/calltrail", withIntermediateDirectories: true)
        try (mouse ? "mouse = true\n" : "").write(toFile: home.path + "/config/calltrail/config.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)", environment: [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ].merging(environment) { $1 })
        return (tmux, home)
    }

    /// Item 8: while a lead's first page loads, the calls pane says so once.
    @Test func aLoadingPaneSaysSoOnce() async throws {
        let (tmux, home) = try Self.session(environment: ["CALLTRAIL_DEMO_LATENCY_MS": "3000"])
        defer {
            tmux.close()
            home.remove()
        }
        try await tmux.waitFor("the lead list", timeout: .seconds(30)) { $0.contains("demo data") && $0.contains("▌") }
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("the calls loading") { $0.contains("Loading calls…") }
        let loading = Self.lines(screen).filter { $0.contains("Loading") }
        #expect(loading.count == 1, "\(loading)")
        #expect(!screen.contains("Loading more…"))
    }

    /// Conventions: times on one line in the side pane, the zone once in its
    /// title, the call's id whole (on its own row when the column is narrower).
    @Test func detailTimesTakeOneLineAndIdsStayWhole() async throws {
        let (tmux, home) = try Self.session()
        defer {
            tmux.close()
            home.remove()
        }
        try await BrowserAt80x24Tests.openFirstLead(tmux)
        let screen = try await tmux.waitFor("the call's detail") { $0.contains("Call id") && $0.contains("Started") }
        let rows = Self.lines(screen)
        #expect(rows[1].contains("Call · UTC"), "the zone in the detail's title: \(rows[1])")
        let started = try #require(rows.first { $0.contains("Started") })
        #expect(started.contains(#/Started\s+\d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2}/#), "one line: \(started)")
        #expect(!rows.contains { $0.contains("UTC+00:00") && !$0.contains("Call · ") }, "no zone under a time")
        // Demo call ids have 16 digits: one row holds all of them.
        #expect(rows.contains { $0.contains(#/\d{16}/#) }, "the id whole")
    }

    /// Conventions: the wheel scrolls the pane under the pointer (here the calls).
    @Test func theWheelScrollsThePaneUnderThePointer() async throws {
        let (tmux, home) = try Self.session(mouse: true)
        defer {
            tmux.close()
            home.remove()
        }
        try await BrowserAt80x24Tests.openFirstLead(tmux)
        let before = try tmux.capture()
        let top = Self.lines(before).dropFirst(2).prefix(20).map(Self.callsColumn)
        for _ in 0..<5 { try BrowserAt80x24Tests.click(tmux, button: 65, column: 10, row: 10) }
        let after = try await tmux.waitFor("the calls pane scrolled") { screen in
            Self.lines(screen).dropFirst(2).prefix(20).map(Self.callsColumn) != top
        }
        // The detail pane (right of the calls) shows a call still; the leads did not open.
        #expect(after.contains("┏ Calls"))
    }
}
