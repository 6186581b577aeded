import Foundation
import Testing

/// `calltrail summary`: table and JSON against the Lofty stand-in (the id fallback
/// shows in `foundBy`), every status, none, refusals, bad ids and vendors without
/// summaries, with the same exit statuses as `recording`.
@Suite struct CommandsSummaryTests {
    @Test func tableAndJSON() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let lofty = ["--provider", "lofty", "--base-url", stub.baseURL]
        let table = try await Calltrail.run(["summary", "200306"] + lofty)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdoutLines
        #expect(lines.prefix(3) == ["Call      200306", "Status    finished", "Score     87"])
        #expect(lines.contains("Keywords  roof, inspection, offer"))
        #expect(lines.contains("Found by  dialerCallRecordId 7200306"))
        #expect(lines.contains("Transcript"))
        #expect(lines.contains("  Lead: Mostly the roof. It looked old to us."))
        #expect(!table.stdout.contains("\u{1B}"), "the transcript's escape sequence is shown inert")
        #expect(table.stdout.contains("␛]0;pwned"))

        let json = try await Calltrail.run(["summary", "200206", "--format", "json"] + lofty)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdoutLines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["callId"] as? Int == 200206)
        #expect(object["status"] as? String == "finished" && object["statusCode"] as? Int == 2)
        let foundBy = try #require(object["foundBy"] as? [String: Any])
        #expect(foundBy["key"] as? String == "callId" && foundBy["id"] as? Int == 200206)
        #expect(object["transcript"] as? String != nil && object["raw"] as? [String: Any] != nil)
    }

    @Test func statusesNoneRefusalsAndBadIds() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let lofty = ["--provider", "lofty", "--base-url", stub.baseURL]
        for (id, word) in [("200212", "pending"), ("200211", "processing"), ("200210", "failed")] {
            let result = try await Calltrail.run(["summary", id] + lofty)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutLines.prefix(2) == ["Call      \(id)", "Status    \(word)"])
            #expect(!result.stdout.contains("Transcript"))
        }
        let none = try await Calltrail.run(["summary", "200305"] + lofty)
        #expect(none.status == 3)
        #expect(none.stderr == "calltrail: call 200305 has no summary\n")
        #expect(none.stdout.isEmpty)

        let refused = try await Calltrail.run(["summary", "200209"] + lofty)
        #expect(refused.status == 7)
        #expect(refused.stderr.contains("AI summary service unavailable"))

        let denied = try await Calltrail.run(["summary", "200999"] + lofty)
        #expect(denied.status == 3)
        #expect(denied.stderr == "calltrail: no access to call 200999 or it does not exist\n")

        let before = try await stub.requests().count
        let bad = try await Calltrail.run(["summary", "12ab"] + lofty)
        #expect(bad.status == 65)
        let skipcall = try await Calltrail.run(
            ["summary", "123e4567-e89b-12d3-a456-426614174000", "--provider", "skipcall", "--base-url", stub.baseURL + "/skipcall/v1"])
        #expect(skipcall.status == 64)
        #expect(skipcall.stderr == "calltrail: AI call summaries are not offered by Skipcall\n")
        let csv = try await Calltrail.run(["summary", "200306", "--format", "csv"] + lofty)
        #expect(csv.status == 64)
        #expect(try await stub.requests().count == before, "refused before any request")
    }

    @Test func demo() async throws {
        // The demo's first lead: find a recorded call through `calls --format json`.
        let calls = try await Calltrail.run(["calls", "--lead", "100001", "--limit", "40", "--format", "json", "--provider", "demo"], token: nil)
        #expect(calls.status == 0, "\(calls.stderr)")
        let ids = calls.stdoutLines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  (object["details"] as? [String: Any])?["recordingSwitch"] as? Bool == true else { return nil }
            return (object["id"] as? Int).map(String.init)
        }
        let id = try #require(ids.first)
        let result = try await Calltrail.run(["summary", id, "--provider", "demo", "--format", "json"], token: nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"status\":"))
    }
}
