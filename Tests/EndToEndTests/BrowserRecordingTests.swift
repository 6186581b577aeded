import Foundation
import Testing

/// `o` at 80×24 and 120×40 on the demo data: the player named by $CALLTRAIL_PLAYER
/// (a fake that records its argument) gets the recording's URL, in its own session
/// with /dev/null for stdin and stdout, and the screen stays as it was.
@Suite(.serialized) struct BrowserRecordingTests {
    static let binary = BrowserDemoTests.binary

    static func footer(_ screen: String) -> String { BrowserAt80x24Tests.footer(screen) }

    /// A player that writes what it got and where its descriptors point to `output`.
    static func fakePlayer(in dir: TemporaryDirectory, output: String) throws -> String {
        let path = dir.path + "/fake-player"
        let script = """
            #!/bin/sh
            stdin=$(readlink /proc/$$/fd/0)
            stdout=$(readlink /proc/$$/fd/1)
            {
              echo "args=$#"
              echo "url=$1"
              echo "stdin=$stdin"
              echo "stdout=$stdout"
              echo "pid=$$"
              echo "sid=$(ps -o sid= -p $$ | tr -d ' ')"
            } > \(TmuxSession.shellQuote(output)).part
            mv \(TmuxSession.shellQuote(output)).part \(TmuxSession.shellQuote(output))

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    /// The digits of the detail pane's "Call id" row and the line under it.
    static func detailCallID(_ screen: String) -> String? {
        let lines = BrowserAt80x24Tests.lines(screen)
        func cells(_ line: String) -> [String] {
            line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "│" || $0 == "┃" }).map(String.init)
        }
        guard let row = lines.firstIndex(where: { $0.contains("Call id") }),
              let pane = cells(lines[row]).firstIndex(where: { $0.contains("Call id") }) else { return nil }
        // The detail pane's part of that line and the next (the panes to its left may be two or three).
        let detail = lines[row...].prefix(2).map { line in cells(line).dropFirst(pane).first ?? "" }
        // Beside the label when it fits, else alone on the next line.
        return detail.map { $0.replacingOccurrences(of: "Call id", with: "").filter(\.isNumber) }.first { !$0.isEmpty }
    }

    static func waitForFile(_ path: String, timeout: Duration = .seconds(15)) async throws -> [String: String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                var fields: [String: String] = [:]
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
                }
                return fields
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SupportError("the player never wrote \(path)")
    }

    /// The screen's last line.
    static func footer(_ screen: String, height: Int) -> String {
        BrowserAt80x24Tests.lines(screen).dropFirst(height - 1).first ?? ""
    }

    @Test func oPlaysTheSelectedCallsRecordingWithTheUsersPlayer() async throws {
        try await Self.playsTheSelectedCallsRecording(width: 80, height: 24)
    }

    @Test func oPlaysTheSelectedCallsRecordingAt120x40() async throws {
        try await Self.playsTheSelectedCallsRecording(width: 120, height: 40)
    }

    /// `o` in the full-screen detail on the demo: the player gets a `file://` URL
    /// to the WAV the demo wrote into $XDG_CACHE_HOME, for the call the detail showed.
    static func playsTheSelectedCallsRecording(width: Int, height: Int) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = dir.path + "/played.txt"
        let player = try Self.fakePlayer(in: dir, output: output)
        let tmux = try TmuxSession(width: width, height: height, command: "exec \(Self.binary)", environment: [
            "CALLTRAIL_PLAYER": player, "XDG_CONFIG_HOME": dir.path, "HOME": dir.path, "XDG_CACHE_HOME": dir.path + "/cache",
        ])
        defer { tmux.close() }
        try await BrowserAt80x24Tests.openFirstLead(tmux)
        func footer(_ screen: String) -> String { Self.footer(screen, height: height) }

        // Down the calls until the detail pane says the selected one has a recording.
        var screen = try tmux.capture()
        var steps = 0
        // The value may wrap in a narrow pane: "available · o" / "plays".
        while !screen.contains("available · o"), steps < 60 {
            #expect(screen.contains("Recording"), "the detail pane has a Recording row")
            let before = screen
            try tmux.send("j")
            screen = try await tmux.waitFor("the next call") { $0 != before }
            steps += 1
        }
        #expect(screen.contains("available · o"), "a recorded call among the first 60")
        // The call id the detail pane shows (beside its label, or on the line under it, or wrapped).
        let shown = try #require(Self.detailCallID(screen))

        // In the full-screen detail, which names the key in its footer.
        try tmux.send("Enter")
        // The whole frame: tmux can show the title before the footer line is written.
        let detail = try await tmux.waitFor("the full-screen detail with its footer") {
            $0.contains("Call · Esc returns") && footer($0).contains("o play")
        }
        #expect(footer(detail).contains("o play"))
        try tmux.send("o")
        let played = try await Self.waitForFile(output)
        let url = played["url"] ?? ""
        let cache = dir.url.appendingPathComponent("cache/calltrail/demo-recordings").path
        let match = try #require(url.firstMatch(of: #/^file://(/.+)/(\d+)\.wav$/#), "a file URL: \(url)")
        #expect(String(match.1) == cache, "in the cache directory")
        let callID = String(match.2)
        #expect(callID.hasPrefix(shown), "the selected call's recording")
        let audio = try #require(FileManager.default.contents(atPath: cache + "/\(callID).wav"), "the file the URL names exists")
        #expect(audio.prefix(4) == Data("RIFF".utf8) && audio.count > 20_000 && audio.count <= 100_000)
        #expect(played["args"] == "1")
        #expect(played["stdin"] == "/dev/null" && played["stdout"] == "/dev/null", "the player cannot touch the terminal")
        #expect(played["sid"] != nil && played["sid"] == played["pid"], "the player leads its own session")

        let after = try await tmux.waitFor("the footer saying it plays") {
            footer($0).contains("playing the recording of call \(callID) with fake-player")
        }
        #expect(after.contains("demo data") && after.contains("Call · Esc returns"), "the screen is intact")
        #expect((try? tmux.display("#{pane_dead}")) == "0")
        try tmux.send("J")
        try await tmux.waitFor("the notice gone with its call") { !footer($0).contains("playing") }
    }

    @Test func aPlayerThatCannotStartIsSaidInTheFooter() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)", environment: [
            "CALLTRAIL_PLAYER": dir.path + "/no-such-player", "XDG_CONFIG_HOME": dir.path, "HOME": dir.path,
        ])
        defer { tmux.close() }
        try await BrowserAt80x24Tests.openFirstLead(tmux)
        var screen = try tmux.capture()
        var steps = 0
        while !screen.contains("available · o"), steps < 60 {
            let before = screen
            try tmux.send("j")
            screen = try await tmux.waitFor("the next call") { $0 != before }
            steps += 1
        }
        try tmux.send("o")
        let failed = try await tmux.waitFor("the player's failure") { Self.footer($0).contains("cannot start the player") }
        #expect(Self.footer(failed).contains("cannot start the player no-such-player: no such file or directory"))
        #expect((try? tmux.display("#{pane_dead}")) == "0")
    }

    /// Against the Lofty stand-in: the config's `player` (with its own argument) wins over
    /// $CALLTRAIL_PLAYER, the link is fetched once on the first `o` and kept for the second.
    @Test func loftyOverHTTPWithTheConfigsPlayer() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let log = home.path + "/plays.log"
        let configured = home.path + "/configured-player"
        try Data("#!/bin/sh\necho \"$# $*\" >> \(TmuxSession.shellQuote(log))\n".utf8).write(to: URL(fileURLWithPath: configured))
        chmod(configured, 0o755)
        let fromEnvironment = try Self.fakePlayer(in: home, output: home.path + "/wrong-player.txt")
        try FileManager.default.createDirectory(atPath: home.path + "/config/calltrail", withIntermediateDirectories: true)
        try Data("player = \"\(configured) --no-video\"\n".utf8).write(to: URL(fileURLWithPath: home.path + "/config/calltrail/config.toml"))
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        let tmux = try TmuxSession(
            width: 80, height: 24, command: "exec \(binary) --provider lofty --base-url \(stub.baseURL) --lead 100003",
            environment: [
                "CALLTRAIL_TOKEN": StubAPIProcess.token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
                "CALLTRAIL_PLAYER": fromEnvironment,
            ])
        defer { tmux.close() }
        // The newest call, 200306, was recorded (recordingSwitch true): selected on opening.
        try await tmux.waitFor("the lead's calls with a recorded call selected") {
            $0.contains("Calls · Zoë 🚀 Park") && $0.contains("available · o")
        }
        func plays() -> [String] {
            (FileManager.default.contents(atPath: log).flatMap { String(data: $0, encoding: .utf8) } ?? "")
                .split(separator: "\n").map(String.init)
        }
        try tmux.send("o")
        try await tmux.waitFor("the first play") { _ in plays().count == 1 }
        try tmux.send("o")
        try await tmux.waitFor("the second play") { _ in plays().count == 2 }
        for play in plays() {
            #expect(play.hasPrefix("2 --no-video \(stub.baseURL)/recordings/lofty/200306.mp3?expires="), "\(play)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.path + "/wrong-player.txt"), "the config's player comes first")
        let asked = try await stub.requests().filter { $0.path.hasPrefix("/v1.0/call/url/") }
        #expect(asked.map(\.path) == ["/v1.0/call/url/200306"], "fetched on the first o only, kept for the second")
    }
}
