import Foundation
import Testing

/// `calltrail recent` against a `calltrail-stub-api` process and the demo: every
/// window and page walked, newest first and never a call twice; the team view
/// refused to an agent's token with a clear message; the same exit statuses and
/// formats as `calls`.
@Suite struct CommandsRecentTests {
    static let agentToken = "e2e-agent-token-51c0"
    /// The stand-in's newest day (its newest call is 2026-04-22 10:15 UTC).
    static let window = ["--until", "2026-04-22"]

    static func lofty(_ stub: StubAPIProcess) -> [String] { ["--provider", "lofty", "--base-url", stub.baseURL] }

    @Test func theTeamsHistoryAcrossWindowsNewestFirstAndNeverTwice() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(
            ["recent", "--team", "--since", "2025-01-01", "--page-size", "500", "--format", "csv"] + Self.window + Self.lofty(stub))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let rows = result.stdoutLines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(result.stdoutLines.first?.hasPrefix("id,lead_id,start_time") == true)
        #expect(rows.count > 3_000)
        let ids = rows.compactMap(\.first)
        #expect(Set(ids).count == ids.count, "no call twice")
        let times = rows.map { $0.count > 2 ? $0[2] : "" }
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 >= $1 }, "newest first")
        #expect(times.first?.hasPrefix("2026-04-22") == true && times.last.map { $0 < "2025-09-01" } == true)
        let leads = Set(rows.map { $0.count > 1 ? $0[1] : "" })
        #expect(leads.count > 20 && !leads.contains("100004"), "across leads, never the restricted one")
        let requests = try await stub.requests().filter { $0.path == "/v2.0/communication/agent" }
        let starts = Set(requests.compactMap { $0.query.split(separator: "&").first { $0.hasPrefix("startTime=") } })
        #expect(starts.count >= 3, "several 90-day windows")
    }

    @Test func tableWithOutcomeAndLimitAndTheQuietStop() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let table = try await Calltrail.run(
            ["recent", "--since", "30d", "--outcome", "talked", "--limit", "5"] + Self.window + Self.lofty(stub))
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdoutLines.count == 6)
        #expect(table.stdoutLines.first?.contains("LEAD") == true)
        #expect(table.stdoutLines.dropFirst().allSatisfy { $0.hasSuffix("Talked") })

        let all = try await Calltrail.run(["recent", "--since", "all", "--format", "json", "--page-size", "1000"] + Self.window + Self.lofty(stub))
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdoutLines.count > 400)
        #expect(all.stderr.hasPrefix("calltrail: no calls in the 360 days before "))
        #expect(all.stderr.hasSuffix("; stopped looking there (--since looks further back)\n"))
    }

    @Test func anAgentsTokenIsToldTheTeamViewNeedsThePermission() async throws {
        let stub = try await StubAPIProcess(arguments: ["--lofty-agent-token", Self.agentToken])
        defer { stub.stop() }
        let message = "calltrail: the team view needs a Lofty user allowed to see all team leads (ACCESS_ALL_TEAM_LEADS), "
            + "which this token's user is not; leave out --team (or set team_view = false) for your own calls\n"
        let denied = try await Calltrail.run(["recent", "--team"] + Self.window + Self.lofty(stub), token: Self.agentToken)
        #expect(denied.status == 3)
        #expect(denied.stderr == message)
        #expect(denied.stdout.isEmpty, "no orphan header")

        let home = try TemporaryDirectory()
        defer { home.remove() }
        let dir = home.url.appendingPathComponent("config/calltrail")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("team_view = true\n".utf8).write(to: dir.appendingPathComponent("config.toml"))
        let configured = try await CommandRunner.run(
            try BuiltProducts.path(of: "calltrail"), ["recent"] + Self.window + Self.lofty(stub),
            environment: Calltrail.environment(token: Self.agentToken, home: home.path))
        #expect(configured.status == 3)
        #expect(configured.stderr == message)

        let own = try await Calltrail.run(["recent", "--limit", "3"] + Self.window + Self.lofty(stub), token: Self.agentToken)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdoutLines.count == 4)
    }

    @Test func demoOtherVendorsAndMistakes() async throws {
        let demo = try await Calltrail.run(["recent", "--since", "all", "--limit", "20", "--format", "json"], token: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdoutLines.count == 20)
        #expect(demo.stdoutLines.allSatisfy { $0.hasPrefix("{\"id\":") && $0.contains("\"leadId\":") })

        let skipcall = try await Calltrail.run(["recent", "--provider", "skipcall", "--base-url", "http://127.0.0.1:9/skipcall/v1"])
        #expect(skipcall.status == 64)
        #expect(skipcall.stderr == "calltrail: recent calls across leads are not offered by Skipcall\n")

        let badSince = try await Calltrail.run(["recent", "--since", "yesterday"], token: nil)
        #expect(badSince.status == 64)
        #expect(badSince.stderr.contains("--since 'yesterday' is not a span"))
        let reversed = try await Calltrail.run(["recent", "--since", "2026-05-01", "--until", "2026-04-01"], token: nil)
        #expect(reversed.status == 64)
        #expect(reversed.stderr == "calltrail: --since is after --until\n")
    }
}
