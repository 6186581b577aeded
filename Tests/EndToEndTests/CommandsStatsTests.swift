import CalltrailModel
import Foundation
import Testing

/// `calltrail stats --lead ID`: every page walked, the figures equal to a recount
/// of what `calltrail calls` prints for the same lead, on the demo data and over
/// HTTP against the Lofty stand-in.
@Suite struct CommandsStatsTests {
    struct Recount: Equatable {
        var calls = 0, talk = 0, talked = 0
        var outcomes: [String: Int] = [:]
        var weekTotal = 0
    }

    static func recount(_ lines: [String]) throws -> Recount {
        var recount = Recount()
        for line in lines {
            let call = try JSONValue.parse(Array(line.utf8))
            recount.calls += 1
            let duration = Int(call["duration"]?.int64Value ?? 0)
            recount.talk += max(0, duration)
            let outcome = call["outcome"]?.stringValue
            let status = call["status"]?.stringValue
            if outcome == "Talked" { recount.talked += 1 }
            let known = ["Talked", "VoiceMessage", "NoAnswer", "BadNumber", "DNCNumber", "DNCContact"]
            if !known.contains(outcome ?? ""), duration > 0, !["Missed", "Failed", "Busy", "NoAnswer", "VoiceMail"].contains(status ?? "") { recount.talked += 1 }
            recount.outcomes[outcome ?? "-", default: 0] += 1
            if call["startTime"]?.stringValue != nil { recount.weekTotal += 1 }
        }
        return recount
    }

    static func figures(_ json: JSONValue) -> Recount {
        var figures = Recount()
        figures.calls = Int(json["calls"]?.int64Value ?? -1)
        figures.talk = Int(json["talkSeconds"]?.int64Value ?? -1)
        figures.talked = Int(json["connected"]?.int64Value ?? -1)
        if case .array(let outcomes)? = json["outcomes"] {
            for entry in outcomes { figures.outcomes[entry["outcome"]?.stringValue ?? "-"] = Int(entry["calls"]?.int64Value ?? -1) }
        }
        if case .array(let weeks)? = json["weeks"] {
            figures.weekTotal = weeks.reduce(0) { $0 + Int($1["calls"]?.int64Value ?? 0) }
        }
        return figures
    }

    @Test func theDemoLeadsStatsMatchARecountOfItsCalls() async throws {
        let stats = try await Calltrail.run(["stats", "--lead", "100001", "--format", "json", "--page-size", "37"], token: nil)
        #expect(stats.status == 0, "\(stats.stderr)")
        let calls = try await Calltrail.run(["calls", "--lead", "100001", "--format", "json"], token: nil)
        #expect(calls.status == 0, "\(calls.stderr)")
        #expect(stats.stdoutLines.count == 1)
        let json = try JSONValue.parse(Array(stats.stdout.utf8))
        let expected = try Self.recount(calls.stdoutLines)
        #expect(expected.calls > 100)
        #expect(Self.figures(json) == expected)
        #expect(json["lead"]?.stringValue == "100001")

        let table = try await Calltrail.run(["stats", "--lead", "100001"], token: nil)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Calls"))
        #expect(table.stdout.contains(DisplayCount.format(expected.calls)))
        #expect(table.stdout.contains("Talk time"))
        #expect(table.stdout.contains("Calls per week"))
        #expect(table.stdout.contains("T Talked"))
    }

    @Test func walksEveryPageOfALoftyLeadOverHTTP() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let stats = try await Calltrail.run([
            "stats", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100001", "--page-size", "500", "--format", "json",
        ])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try JSONValue.parse(Array(stats.stdout.utf8))
        #expect(json["calls"]?.int64Value == 2_400)
        let calls = try await Calltrail.run([
            "calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100001", "--page-size", "1000", "--format", "json",
        ])
        #expect(Self.figures(json) == (try Self.recount(calls.stdoutLines)))
    }

    @Test func aRefusedLeadFailsInOneLine() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(["stats", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002x"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("calltrail: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

/// "1,204", as the table prints counts.
enum DisplayCount {
    static func format(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
