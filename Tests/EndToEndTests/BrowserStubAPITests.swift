import Foundation
import Testing

/// The browser against the Lofty stand-in over real HTTP, in tmux at 120×40:
/// hostile text from the API stays inert, wide names keep their columns.
@Suite struct BrowserStubAPITests {
    static let hostileLead = "100003"  // "Zoë 🚀 Park": a note with ESC[2J, OSC 0 and OSC 52

    static func start(lead: String?) async throws -> (TmuxSession, StubAPIProcess, TemporaryDirectory) {
        let stub = try await StubAPIProcess()
        let home = try TemporaryDirectory()
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        var command = "exec \(binary) --provider lofty --base-url \(stub.baseURL)"
        if let lead { command += " --lead \(lead)" }
        do {
            let tmux = try TmuxSession(width: 120, height: 40, command: command, environment: [
                "CALLTRAIL_TOKEN": StubAPIProcess.token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
            ])
            return (tmux, stub, home)
        } catch {
            stub.stop()
            home.remove()
            throw error
        }
    }

    @Test func escapeSequencesInANoteShowAsInertText() async throws {
        let (tmux, stub, home) = try await Self.start(lead: Self.hostileLead)
        defer {
            tmux.close()
            stub.stop()
            home.remove()
        }
        let titleBefore = try tmux.display("#{pane_title}")
        try await tmux.waitFor("the lead's calls") { $0.contains("Calls · Zoë 🚀 Park") && $0.contains("▌") }
        // The oldest call carries the note; G goes to the last row.
        try tmux.send("G")
        let screen = try await tmux.waitFor("the note as visible text") { $0.contains("␛[2J") }
        #expect(screen.contains("calltrail · Lofty"), "the screen was not cleared")
        #expect(screen.contains("␛]0;pwned␇") || screen.contains("␛]0;pwned"))
        try tmux.send("Enter")
        let full = try await tmux.waitFor("the full note") { $0.contains("52;c;cm0gLXJmIH4=") }
        #expect(full.contains("␛]52;c;cm0gLXJmIH4=␇"))
        #expect(full.contains("calltrail · Lofty"))
        let titleAfter = try tmux.display("#{pane_title}")
        #expect(titleAfter == titleBefore)
        #expect(!titleAfter.contains("pwned"))
        // OSC 52 would have put text in a tmux paste buffer.
        #expect(try tmux.listBuffers().isEmpty)
    }

    @Test func cjkAndEmojiNamesLineUpWithTheirRows() async throws {
        let (tmux, stub, home) = try await Self.start(lead: nil)
        defer {
            tmux.close()
            stub.stop()
            home.remove()
        }
        let screen = try await tmux.waitFor("the wide names") { $0.contains("美咲 高橋") && $0.contains("Zoë 🚀 Park") }
        let lines = screen.split(separator: "\n").map(String.init)
        // Two wide names and a plain one (lead 100005 is "Farah Haddad").
        let rows = try ["美咲 高橋", "Zoë 🚀 Park", "Farah Haddad"].map { name in try #require(lines.first { $0.contains(name) }) }
        // The leads pane's right border (column 25) is in place on every row, and
        // each name starts at column 2.
        for row in rows {
            #expect(["│", "┃"].contains(ScreenText.columns(row, from: 25, width: 1)), "border moved in: \(row)")
            #expect(["│", "┃"].contains(ScreenText.columns(row, from: 0, width: 1)))
        }
        #expect(ScreenText.column(of: "美咲", in: rows[0]) == 2)
        #expect(ScreenText.column(of: "Zoë", in: rows[1]) == 2)
    }
}

@Suite struct BrowserWithoutTerminalTests {
    @Test func refusesToStartWithoutATerminal() async throws {
        let result = try await Calltrail.run([], stdin: "")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
