import Foundation
import Testing

/// The config file: defaults ← file ← environment ← flags; a bad file is named
/// with its key; token_command supplies the token without showing it.
@Suite struct CommandsConfigTests {
    func withConfig(_ text: String, _ body: (_ home: String) async throws -> Void) async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let dir = home.url.appendingPathComponent("config/calltrail")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: dir.appendingPathComponent("config.toml"))
        try await body(home.path)
    }

    func run(_ arguments: [String], home: String, token: String? = nil, extra: [String: String] = [:]) async throws -> CommandResult {
        try await CommandRunner.run(
            try BuiltProducts.path(of: "calltrail"), arguments,
            environment: Calltrail.environment(token: token, home: home, extra: extra))
    }

    @Test func aBadConfigNamesTheFileAndTheKey() async throws {
        try await withConfig("provider = \"lofty\"\npage_size = \"many\"\n") { home in
            let result = try await run(["leads"], home: home)
            #expect(result.status == 78)
            #expect(result.stderr == "calltrail: config file \(home)/config/calltrail/config.toml: page_size must be a whole number ≥ 1\n")
        }
        try await withConfig("provider = \"lofty\"\ntokn = \"x\"\n") { home in
            let result = try await run(["leads"], home: home)
            #expect(result.status == 78)
            #expect(result.stderr.contains("unknown key \"tokn\""))
        }
        try await withConfig("provider = \n") { home in
            let result = try await run(["leads"], home: home)
            #expect(result.status == 78)
            #expect(result.stderr.contains("config.toml, line 1"))
        }
    }

    @Test func globalOptionsMayComeBeforeTheSubcommand() async throws {
        try await withConfig("theme = \"default\"\n") { home in
            let before = try await run(["--provider", "demo", "--page-size=7", "leads", "--limit", "2", "--format", "csv"], home: home)
            #expect(before.status == 0, "\(before.stderr)")
            let after = try await run(["leads", "--provider", "demo", "--page-size", "7", "--limit", "2", "--format", "csv"], home: home)
            #expect(before.stdout == after.stdout)
            #expect(before.stdoutLines.count == 3)
            let unknown = try await run(["--provider", "bogus", "calls", "--lead", "1"], home: home)
            #expect(unknown.status == 78)
            #expect(unknown.stderr.contains("unknown provider \"bogus\""))
        }
    }

    @Test func tokenCommandAndFileSettingsAreUsedAndFlagsWin() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let config = """
            provider = "lofty"
            base_url = "\(stub.baseURL)"
            token_command = "printf '%s\\\\n' \(StubAPIProcess.token)"
            auth_scheme = "token"
            page_size = 7
            """
        try await withConfig(config) { home in
            let result = try await run(["calls", "--lead", "100002", "--format", "json"], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutLines.count == 12)
            #expect(!result.stdout.contains(StubAPIProcess.token) && !result.stderr.contains(StubAPIProcess.token))
            let log = try await stub.requests()
            // Two pages and one that finds nothing more (only an empty page ends a history).
            #expect(log.count == 3 && log.allSatisfy { $0.query.contains("limit=8") }, "page_size 7, plus one to look ahead")
            // A flag beats the file.
            let flagged = try await run(["calls", "--lead", "100002", "--page-size", "20", "--format", "csv"], home: home)
            #expect(flagged.stdoutLines.count == 13)
            // The environment's token beats the file's command.
            let wrong = try await run(["calls", "--lead", "100002"], home: home, token: "env-token-wins")
            #expect(wrong.status == 4)
        }
    }

    @Test func theDemoIsTheDefaultWithoutAnyConfiguration() async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let result = try await run(["leads", "--format", "json", "--limit", "3"], home: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 3)
    }
}
