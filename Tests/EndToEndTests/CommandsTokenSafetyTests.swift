import Foundation
import Testing

/// The config file and token_command, treated as ssh treats its files: a token
/// others can read is warned about, a command others can change is refused; the
/// command's first line is the token, its output never fills a pipe, and on
/// timeout everything it started is stopped.
@Suite struct CommandsTokenSafetyTests {
    /// A config dir under a fresh home; `mode` is the file's permission bits.
    func withConfig(_ text: String, mode: Int, directoryMode: Int = 0o700,
                    _ body: (_ home: String, _ path: String) async throws -> Void) async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let dir = home.url.appendingPathComponent("config/calltrail")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("config.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode_t(mode)) == 0)
        #expect(chmod(dir.path, mode_t(directoryMode)) == 0)
        try await body(home.path, path)
    }

    func run(_ arguments: [String], home: String, token: String? = nil) async throws -> CommandResult {
        try await CommandRunner.run(
            try BuiltProducts.path(of: "calltrail"), arguments, environment: Calltrail.environment(token: token, home: home))
    }

    func lofty(_ stub: StubAPIProcess, _ rest: String) -> String {
        "provider = \"lofty\"\nbase_url = \"\(stub.baseURL)\"\n" + rest
    }

    @Test func aTokenReadableByOthersIsWarnedAbout() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let config = lofty(stub, "token = \"\(StubAPIProcess.token)\"\n")
        try await withConfig(config, mode: 0o644) { home, path in
            let result = try await run(["calls", "--lead", "100002", "--format", "csv"], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "calltrail: warning: config file \(path) holds a token and is readable by others (mode 0644); run chmod 600 \(path)\n")
            #expect(result.stdoutLines.count == 13)
        }
        try await withConfig(config, mode: 0o600) { home, _ in
            let result = try await run(["calls", "--lead", "100002", "--format", "csv"], home: home)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test func aTokenCommandOthersCanChangeIsRefusedAndNotRun() async throws {
        let marker = try TemporaryDirectory()
        defer { marker.remove() }
        let ran = marker.path + "/ran"
        let config = "provider = \"lofty\"\ntoken_command = \"touch '\(ran)'; echo t0ken\"\n"
        for (mode, directoryMode, why) in [(0o666, 0o700, "is writable by others (mode 0666)"), (0o620, 0o700, "is writable by others (mode 0620)"),
                                           (0o600, 0o777, "its directory is writable by others (mode 0777)")] {
            try await withConfig(config, mode: mode, directoryMode: directoryMode) { home, path in
                let result = try await run(["calls", "--lead", "100002"], home: home)
                #expect(result.status == 78, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("calltrail: config file \(path) sets token_command but \(why)"), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: ran), "the command ran")
            }
        }
        // Readable by others is fine for a command (it holds no secret).
        try await withConfig(config, mode: 0o644) { home, _ in
            let result = try await run(["calls", "--lead", "100002", "--base-url", "http://127.0.0.1:9"], home: home)
            #expect(FileManager.default.fileExists(atPath: ran))
            #expect(result.status == 5, "\(result.stderr)")
        }
    }

    @Test func theTokenIsTheFirstLineEvenWhenItIsEmpty() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let blankFirst = lofty(stub, "token_command = \"printf '\\\\n%s\\\\n' \(StubAPIProcess.token)\"\n")
        try await withConfig(blankFirst, mode: 0o600) { home, path in
            let result = try await run(["calls", "--lead", "100002"], home: home)
            #expect(result.status == 78)
            #expect(result.stderr == "calltrail: config file \(path): token_command printed an empty first line (the token must be on the first line)\n")
        }
    }

    @Test func outputOver64KBIsReadWhileTheCommandRuns() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        // The token, then 1 MB more: the pipe (64 KB) fills long before the command ends.
        let command = "echo \(StubAPIProcess.token); yes x | head -c 1000000"
        try await withConfig(lofty(stub, "token_command = \"\(command)\"\n"), mode: 0o600) { home, _ in
            let started = ContinuousClock.now
            let result = try await run(["calls", "--lead", "100002", "--format", "csv"], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutLines.count == 13)
            #expect(ContinuousClock.now - started < .seconds(15), "it waited for the timeout")
        }
    }

    @Test func onTimeoutEverythingTheCommandStartedIsStopped() async throws {
        let marker = try TemporaryDirectory()
        defer { marker.remove() }
        let pidFile = marker.path + "/pid"
        // A background child that would outlive a killed shell, and a shell that never ends.
        let command = "sleep 600 & echo $! > '\(pidFile)'; sleep 600"
        try await withConfig("provider = \"lofty\"\ntoken_command = \"\(command)\"\n", mode: 0o600) { home, path in
            let result = try await run(["calls", "--lead", "100002"], home: home)
            #expect(result.status == 78)
            #expect(result.stderr == "calltrail: config file \(path): token_command did not finish within 15 s (stopped it and everything it started)\n")
            let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            // The background sleep is gone (or a zombie about to be reaped by init).
            let deadline = ContinuousClock.now + .seconds(10)
            while kill(pid, 0) == 0 && !Self.isZombie(pid) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(kill(pid, 0) != 0 || Self.isZombie(pid), "sleep \(pid) outlived the timeout")
        }
    }

    static func isZombie(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
