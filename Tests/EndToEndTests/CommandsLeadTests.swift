import CalltrailModel
import Foundation
import Testing

/// `calltrail lead ID`: the lead card on the demo data and over HTTP against the
/// Lofty stand-in, as a labelled table or one JSON object; a missing lead in one line.
@Suite struct CommandsLeadTests {
    @Test func theDemoLeadHasItsCardFieldsTheSameEveryRun() async throws {
        let first = try await Calltrail.run(["lead", "100001", "--format", "json"], token: nil)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try await Calltrail.run(["lead", "100001", "--format", "json"], token: nil)
        #expect(first.stdout == again.stdout, "deterministic")
        let json = try JSONValue.parse(Array(first.stdout.utf8))
        #expect(json["id"]?.int64Value == 100001)
        #expect(json["stage"]?.stringValue != nil)
        #expect(json["source"]?.stringValue != nil)
        #expect(json["score"]?.stringValue != nil)
        let table = try await Calltrail.run(["lead", "100001"], token: nil)
        #expect(table.status == 0, "\(table.stderr)")
        for label in ["Lead", "Name", "Stage", "Source", "Score", "Phones"] {
            #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix(label + " ") }, "\(label) in \(table.stdout)")
        }
    }

    @Test func aLoftyLeadOverHTTPWithEveryField() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(["lead", "100001", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Stage") && $0.hasSuffix("Active") })
        #expect(lines.contains { $0.hasPrefix("Assigned to") })
        #expect(lines.contains { $0.hasPrefix("Address") && $0.contains("San Francisco") })
        #expect(lines.contains("Other fields"))
        #expect(lines.contains { $0.hasPrefix("inquiry") })
        let json = try await Calltrail.run(["lead", "100001", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json"])
        let value = try JSONValue.parse(Array(json.stdout.utf8))
        if case .array(let tags)? = value["tags"] { #expect(!tags.isEmpty) } else { Issue.record("no tags") }
        #expect(value["otherFields"]?["leadTypes"] != nil)
    }

    @Test func aMissingLeadFailsInOneLine() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(["lead", "999999", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("calltrail: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
