import Foundation
import Testing

/// `calltrail calls` against a `calltrail-stub-api` process: every page walked
/// with the cursor, faults survived, ids exact.
@Suite struct CommandsPagingTests {
    /// Lead 100001 in the stand-in: 2,400 calls, ids from 9007199254750000 down by 3.
    static let bigLead = "100001"
    static let expectedIDs = (0..<2_400).map { String(9_007_199_254_750_000 - Int64($0) * 3) }

    static func ids(in lines: [String]) -> [String] {
        lines.compactMap { line in
            guard line.hasPrefix("{\"id\":") else { return nil }
            return String(line.dropFirst(6).prefix { $0.isNumber })
        }
    }

    @Test func printsAllTwoThousandFourHundredCallsInServerOrderWithTheCursor() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", Self.bigLead,
            "--page-size", "100", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == 2_400)
        #expect(Self.ids(in: lines) == Self.expectedIDs)
        // Exact beyond 2^53: the JSON carries every digit, in `id` and in `raw`.
        #expect(lines[1].contains("\"id\":9007199254749997"))
        #expect(lines[1].contains("\"raw\":{") && lines[1].components(separatedBy: "9007199254749997").count == 3)

        let list = try await stub.requests().filter { $0.path == "/v1.0/communication/call" }
        // 24 pages of 100, and one that finds nothing more (only an empty page ends a
        // history: a server capping `limit` sends short pages that are not the last).
        #expect(list.count == 25)
        #expect(!list[0].query.contains("currentId"))
        for (index, request) in list.enumerated().dropFirst() {
            #expect(request.query.contains("currentId=\(Self.expectedIDs[index * 100 - 1])"), "request \(index + 1)")
            #expect(request.query.contains("limit=101"))
        }
    }

    @Test func survivesFaultsOnAFifthOfTheListRequests() async throws {
        let stub = try await StubAPIProcess(arguments: [
            "--fault", "500,503,429,truncate@fraction=0.2@path=/v1.0/communication/call@retry-after=1", "--seed", "3",
        ])
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", Self.bigLead,
            "--page-size", "100", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = Self.ids(in: result.stdoutLines)
        #expect(ids == Self.expectedIDs)
        #expect(Set(ids).count == 2_400)
        let log = try await stub.requests()
        let faults = log.compactMap(\.fault)
        #expect(Set(faults) == ["500", "503", "429", "truncate"])
        #expect((log.count / 5 - 1...log.count / 5 + 1).contains(faults.count), "a fifth of the list requests were faulted")
        #expect(log.filter { $0.fault == nil }.count == 25)
    }

    @Test func streamsEachPageAsItArrives() async throws {
        // The third list request is held for a minute: the first two pages must be out before it.
        let stub = try await StubAPIProcess(arguments: ["--fault", "slow@requests=3@delay-ms=60000"])
        defer { stub.stop() }
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let command = try RunningCommand(
            try BuiltProducts.path(of: "calltrail"),
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", Self.bigLead,
             "--page-size", "100", "--format", "json"],
            environment: Calltrail.environment(home: home.path))
        defer { command.stop() }
        let streamed = try await command.waitForOutput(deadline: .seconds(30)) { output in
            output.split(separator: "\n").count == 200
        }
        #expect(streamed)
        #expect(command.isRunning, "the walk is still waiting for page 3")
    }

    @Test func aReaderThatStopsEarlyEndsTheWalkQuietly() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let calltrail = try BuiltProducts.path(of: "calltrail")
        let script = "'\(calltrail)' calls --provider lofty --base-url \(stub.baseURL) --lead \(Self.bigLead) | head -n 2; "
            + "echo \"status=${PIPESTATUS[0]}\" >&2"
        let result = try await CommandRunner.run(
            "/bin/bash", ["-c", script], environment: Calltrail.environment(home: home.path))
        #expect(result.stdoutLines.count == 2)
        #expect(result.stderr == "status=0\n", "no crash report on a closed pipe")
    }

    @Test func limitStopsEarlyAndOutcomeFilters() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let limited = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", Self.bigLead,
            "--page-size", "100", "--limit", "150", "--format", "json",
        ])
        #expect(limited.status == 0)
        #expect(Self.ids(in: limited.stdoutLines) == Array(Self.expectedIDs.prefix(150)))
        #expect(try await stub.requests().count == 2)

        let filtered = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", Self.bigLead,
            "--outcome", "no-answer,BadNumber", "--limit", "40", "--format", "csv",
        ])
        #expect(filtered.status == 0)
        let rows = filtered.stdoutLines.dropFirst()
        #expect(rows.count == 40)
        #expect(rows.allSatisfy { $0.contains(",NoAnswer,") || $0.contains(",BadNumber,") })

        // A value Lofty added later, in any case, marked as such (a bare unknown word is a typo: exit 64).
        let odd = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002",
            "--outcome", "other:leftmessagewithgatekeeper", "--format", "json",
        ])
        #expect(odd.stdoutLines.count == 1 && odd.stdout.hasPrefix("{\"id\":200202,"))
    }

    @Test func tablesAreSanitisedAndCSVIsQuoted() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        // Lead 100003: call 200301's note holds ESC[2J, an OSC 0 title and an OSC 52 clipboard write.
        let table = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100003"],
            extraEnvironment: ["COLUMNS": "200"])
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{07}"))
        #expect(table.stdout.contains("␛[2J"))
        let detail = try await Calltrail.run(["call", "200301", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(!detail.stdout.contains("\u{1B}") && detail.stdout.contains("␛]52;c;"))
        let json = try await Calltrail.run(
            ["call", "200301", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json"])
        #expect(!json.stdout.contains("\u{1B}") && json.stdout.contains("\\u001b]0;pwned\\u0007"))
        let csv = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100003", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,lead_id,start_time,"))
        #expect(!csv.stdout.contains("\u{1B}"))
        for line in csv.stdout.components(separatedBy: "\r\n") where line.contains("Olmo,") {
            #expect(line.hasSuffix("\"Interesado en la casa de la calle Olmo, prefiere llamadas por la tarde.\""))
        }
    }

    @Test func leadsListsEveryLeadWithCJKAndEmojiNames() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "leads", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json", "--page-size", "25",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 60)
        #expect(result.stdout.contains("\"name\":\"美咲 高橋\""))
        #expect(result.stdout.contains("Zoë 🚀"))
        #expect(try await stub.requests().count == 3)
    }
}
