import Foundation
import Testing

/// With `mouse = true`, every way the browser can end turns mouse reporting off
/// again; a signal never reaches curses' own `endwin`, so the shell would get
/// clicks and wheel turns as escape garbage. tmux tells whether the pane's
/// program left a mouse mode on (`#{mouse_any_flag}`).
@Suite struct BrowserMouseRestoreTests {
    enum Ending: CaseIterable {
        case quitKey, controlC, terminate, hangUp, trap
    }

    @Test(arguments: Ending.allCases)
    func mouseReportingIsOffAfterTheBrowserEnds(_ ending: Ending) async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let configDirectory = home.url.appendingPathComponent("config/calltrail")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try Data("mouse = true\n".utf8).write(to: configDirectory.appendingPathComponent("config.toml"))
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec sh", environment: [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        defer { tmux.close() }
        let pidFile = home.path + "/pid"
        try tmux.type("sh -c 'echo $$ > \(pidFile); exec \(BrowserDemoTests.binary)'")
        try tmux.send("Enter")
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        try await tmux.waitFor("mouse reporting on") { _ in (try? tmux.display("#{mouse_any_flag}")) == "1" }
        #expect(try tmux.display("#{mouse_sgr_flag}") == "1")
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        switch ending {
        case .quitKey: try tmux.send("q")
        case .controlC: try tmux.send("C-c")
        case .terminate: #expect(kill(pid, SIGTERM) == 0)
        case .hangUp: #expect(kill(pid, SIGHUP) == 0)
        // What a Swift trap (a crash) raises on x86-64.
        case .trap: #expect(kill(pid, SIGILL) == 0)
        }
        try await BrowserDemoTests.expectTerminalRestored(tmux)
        #expect(try tmux.display("#{mouse_any_flag}") == "0", "mouse reporting left on after \(ending)")
        #expect(try tmux.display("#{mouse_sgr_flag}") == "0", "SGR mouse mode (1006) left on after \(ending)")
    }
}
