import CalltrailModel
import Foundation
import Testing

/// `calltrail calls` and `calltrail call` on Skipcall and NectarDesk, against a
/// `calltrail-stub-api` process: every call of a multi-page contact once, every
/// field kept, the fault mix survived, refusals in one line.
@Suite struct VendorCommandsTests {
    struct Vendor: Sendable, CustomTestStringConvertible {
        var name: String
        var prefix: String
        var bigContact: String
        var bigContactCalls: Int
        /// A call with undocumented fields, and the vendor fields its table must show.
        var extraFieldCall: String
        var otherFields: [String]
        var detailLabels: [String]
        var missingCall: String
        var missingLine: String
        var malformedCall: String
        var badTokenLine: String
        var testDescription: String { name }
    }

    static let skipcall = Vendor(
        name: "skipcall", prefix: "/skipcall/v1", bigContact: "c0a70000-0000-4000-8000-000000000001", bigContactCalls: 230,
        extraFieldCall: "ca110000-0000-4000-8000-00000000d002", otherFields: ["sentiment", "recordingUrl"],
        detailLabels: ["Call type", "Sequence", "Sequence run", "Organisation", "Caller", "User provider SID"],
        missingCall: "ca110000-0000-4000-8000-00000000f0ff",
        missingLine: "calltrail: no access to call ca110000-0000-4000-8000-00000000f0ff or it does not exist\n",
        malformedCall: "ca110000-0000-4000-8000-00000000f0ee",
        badTokenLine: "calltrail: not authorised: Skipcall refused the API key (API_KEY_INVALID); keys look like sk_live_… or sk_test_…\n")

    static let nectarDesk = Vendor(
        name: "nectardesk", prefix: "/nectardesk/v1", bigContact: "5501", bigContactCalls: 230,
        extraFieldCall: "990002", otherFields: ["queue_wait_seconds", "sentiment"],
        detailLabels: ["All agents", "Answered by", "Campaign", "Recordings", "Talk time", "Line"],
        missingCall: "990999", missingLine: "calltrail: call 990999 (BASE/calls/990999) not found\n",
        malformedCall: "990998", badTokenLine: "calltrail: not authorised: Invalid access token\n")

    static let vendors = [skipcall, nectarDesk]

    static func parsed(_ lines: [String]) throws -> [JSONValue] {
        try lines.map { line in try JSONValue.parse(Array(line.utf8)) }
    }

    static func calls(_ vendor: Vendor, _ stub: StubAPIProcess, pageSize: Int) async throws -> CommandResult {
        try await Calltrail.run([
            "calls", "--provider", vendor.name, "--base-url", stub.baseURL + vendor.prefix, "--lead", vendor.bigContact,
            "--page-size", String(pageSize), "--format", "json",
        ])
    }

    @Test(arguments: vendors)
    func everyCallOfAMultiPageContactOnceNewestFirst(_ vendor: Vendor) async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Self.calls(vendor, stub, pageSize: 50)
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try Self.parsed(result.stdoutLines)
        let ids = calls.compactMap { $0["id"]?.displayText }
        #expect(ids.count == vendor.bigContactCalls)
        #expect(Set(ids).count == vendor.bigContactCalls)
        let starts = calls.compactMap { $0["startTime"]?.stringValue }
        #expect(starts.count == ids.count && starts == starts.sorted(by: >), "newest first")
        #expect(calls.allSatisfy { $0["leadId"]?.displayText == vendor.bigContact })
        let lists = try await stub.requests().filter { $0.path == vendor.prefix + "/calls" }
        #expect(lists.count >= 5, "several pages")

        // --outcome takes the vendor's own words, even one spelled like a known outcome.
        let word = vendor.name == "skipcall" ? "no-answer" : "not interested"
        let filtered = try await Calltrail.run([
            "calls", "--provider", vendor.name, "--base-url", stub.baseURL + vendor.prefix, "--lead", vendor.bigContact,
            "--outcome", word, "--format", "json",
        ])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let outcomes = try Self.parsed(filtered.stdoutLines).compactMap { $0["outcome"]?.stringValue?.lowercased() }
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0 == word })
        #expect(outcomes.count == calls.filter { $0["outcome"]?.stringValue?.lowercased() == word }.count)
    }

    @Test(arguments: vendors)
    func theFaultMixLosesNothing(_ vendor: Vendor) async throws {
        let clean = try await StubAPIProcess()
        let expected = try Self.parsed(try await Self.calls(vendor, clean, pageSize: 10).stdoutLines).compactMap { $0["id"]?.displayText }
        clean.stop()
        let stub = try await StubAPIProcess(arguments: [
            "--fault", "500,503,429,truncate@fraction=0.2@path=\(vendor.prefix)/calls@retry-after=1", "--seed", "5",
        ])
        defer { stub.stop() }
        let result = try await Self.calls(vendor, stub, pageSize: 10)
        #expect(result.status == 0, "\(result.stderr)")
        let ids = try Self.parsed(result.stdoutLines).compactMap { $0["id"]?.displayText }
        #expect(ids.count == vendor.bigContactCalls)
        #expect(ids == expected)
        let faults = try await stub.requests().compactMap(\.fault)
        #expect(Set(faults) == ["500", "503", "429", "truncate"])
    }

    @Test(arguments: vendors)
    func oneCallWithEveryFieldUnknownOnesKept(_ vendor: Vendor) async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let base = ["call", vendor.extraFieldCall, "--provider", vendor.name, "--base-url", stub.baseURL + vendor.prefix]
        let json = try await Calltrail.run(base + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let call = try #require(try Self.parsed(json.stdoutLines).first)
        guard case .object(let other)? = call["otherFields"] else { Issue.record("no otherFields"); return }
        #expect(other.map(\.key) == vendor.otherFields)
        guard case .object(let raw)? = call["raw"] else { Issue.record("no raw"); return }
        for key in vendor.otherFields { #expect(raw.contains { $0.key == key }) }
        let table = try await Calltrail.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        for label in vendor.detailLabels { #expect(table.stdout.contains("\n\(label) "), "\(label)") }
        for key in vendor.otherFields { #expect(table.stdout.contains("Other: \(key)")) }
    }

    @Test(arguments: vendors)
    func badTokenMissingCallAndMalformedBodyEachGiveOneLine(_ vendor: Vendor) async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let base = ["--provider", vendor.name, "--base-url", stub.baseURL + vendor.prefix]
        let secret = "wrong-token-5d1e"
        let badToken = try await Calltrail.run(["call", vendor.extraFieldCall] + base, token: secret)
        #expect(badToken.status == 4)
        #expect(badToken.stderr == vendor.badTokenLine)
        #expect(!badToken.stderr.contains(secret) && badToken.stdout.isEmpty)

        let missing = try await Calltrail.run(["call", vendor.missingCall] + base)
        #expect(missing.status == 3)
        // A 404 without a vendor code of its own names the URL tried (BASE: the base URL given).
        #expect(missing.stderr == vendor.missingLine.replacingOccurrences(of: "BASE", with: stub.baseURL + vendor.prefix))

        let malformed = try await Calltrail.run(["call", vendor.malformedCall] + base)
        #expect(malformed.status != 0)
        #expect(malformed.stderr.hasPrefix("calltrail: the provider sent a response calltrail cannot read"))
        #expect(malformed.stderr.split(separator: "\n").count == 1)
        #expect(!malformed.stderr.contains("Fatal error") && malformed.stdout.isEmpty)
    }
}
