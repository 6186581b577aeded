import Foundation
import Testing

/// The browser with huge values on screen (the stand-in's `--lofty-huge-values`
/// lead: a 30,000-character CJK note without spaces and a 10 MiB unknown field).
/// Before linear, cached wrapping and display cuts a frame took 14 s with the
/// note and never came with the field (`q` ignored); every step here waits with
/// a deadline, and the key-to-screen latencies are measured and printed (not
/// asserted: speed depends on the machine).
@Suite struct BrowserLongTextTests {
    static let noteStart = "長い通話記録"

    /// Whether the detail pane (not the calls list, whose rows start with the note too) shows the note.
    static func detailShowsTheNote(_ screen: String) -> Bool {
        BrowserDemoTests.detailPane(screen).contains { $0.contains(noteStart) }
    }

    /// Sends `key` and polls the screen as fast as tmux answers until `condition`
    /// holds; returns the time it took (key sent → screen showing it).
    static func timedKey(_ tmux: TmuxSession, _ key: String, _ what: String,
                         deadline: Duration = .seconds(15), until condition: (String) -> Bool) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try tmux.send(key)
        var screen = ""
        while clock.now - start < deadline {
            screen = try tmux.capture()
            if condition(screen) { return clock.now - start }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw TmuxSession.Failure(description: "no answer to \(key) (\(what)) within \(deadline); screen was:\n\(screen)")
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
    }

    @Test func keysAreAnsweredWithTheHugeNoteAndFieldOnScreen() async throws {
        let stub = try await StubAPIProcess(arguments: ["--lofty-huge-values"])
        let home = try TemporaryDirectory()
        defer {
            stub.stop()
            home.remove()
        }
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        let tmux = try TmuxSession(
            width: 120, height: 40, command: "exec \(binary) --provider lofty --base-url \(stub.baseURL) --lead 100061",
            environment: ["CALLTRAIL_TOKEN": StubAPIProcess.token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config"])
        defer { tmux.close() }
        var timings: [(String, Duration)] = []

        // Loading 10 MiB over loopback and decoding it is not a frame: a generous deadline.
        try await tmux.waitFor("the huge call with its note in the detail pane", timeout: .seconds(60)) {
            $0.contains("Calls · Long Text") && Self.detailShowsTheNote($0)
        }
        timings.append(("j: to the ordinary call", try await Self.timedKey(tmux, "j", "the other call's detail") { !Self.detailShowsTheNote($0) }))
        timings.append(("k: back to the huge call", try await Self.timedKey(tmux, "k", "the huge note again") { Self.detailShowsTheNote($0) }))

        // Full screen: the call fetched alone (10 MiB again), then its end, where the field is.
        try tmux.send("Enter")
        try await tmux.waitFor("the full-screen detail", timeout: .seconds(60)) { $0.contains("Esc returns") && $0.contains(Self.noteStart) }
        let bottom = try await Self.timedKey(tmux, "G", "the end of the detail") { $0.contains("prints it whole]") }
        timings.append(("G: to the 10 MiB field", bottom))
        let screen = try tmux.capture()
        #expect(screen.contains("TRANSCRIPT-0123456789abcdef"), "the field's start is shown")
        #expect(!screen.contains("zzzz"), "the field's end (10 MiB on) is not")
        // The marker may wrap: compare without the pane's borders and spaces.
        let unwrapped = screen.split(separator: "\n").map { $0.replacingOccurrences(of: "┃", with: "").replacingOccurrences(of: " ", with: "") }.joined()
        #expect(unwrapped.contains("cutfordisplay:10,485,760bytesinall"), "a visible marker says it was cut")
        #expect(unwrapped.contains("calltrailcall200612--formatjsonprintsitwhole"), "and where the whole value is")
        let before = try tmux.capture()
        timings.append(("k: scroll up a row", try await Self.timedKey(tmux, "k", "the detail scrolled") { $0 != before }))
        // q backs out of the full-screen detail first, then quits.
        timings.append(("q: back to three panes", try await Self.timedKey(tmux, "q", "the three panes") { $0.contains("Calls · Long Text") }))
        timings.append(("q: quit", try await Self.timedKey(tmux, "q", "the program to exit") { _ in
            (try? tmux.display("#{pane_dead}")) == "1"
        }))
        for (what, time) in timings { print("BrowserLongTextTests latency · \(what): \(Self.milliseconds(time))") }
    }
}
