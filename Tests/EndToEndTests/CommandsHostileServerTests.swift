import CalltrailModel
import Foundation
import Testing

/// Issue 9's hostile servers end to end: `calltrail calls` and `leads` against a
/// `calltrail-stub-api` process in one of its fault modes. Each run is bounded in
/// time and ends with every call of the history exactly once, or with a clear error
/// (never exit 0 after losing a call).
@Suite struct CommandsHostileServerTests {
    static let bigLead = CommandsPagingTests.bigLead
    static let expectedIDs = CommandsPagingTests.expectedIDs
    /// Far below the retry budget of a single request: a walk that takes this long loops.
    static let bound: Duration = .seconds(60)

    struct Run {
        var result: CommandResult
        var ids: [String]
        var elapsed: Duration
    }

    static func calls(stub arguments: [String], lead: String = bigLead, extra: [String] = []) async throws -> (Run, [StubAPIProcess.LoggedRequest]) {
        let stub = try await StubAPIProcess(arguments: arguments)
        defer { stub.stop() }
        let started = ContinuousClock.now
        let result = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", lead, "--format", "json"] + extra)
        let elapsed = ContinuousClock.now - started
        let run = Run(result: result, ids: CommandsPagingTests.ids(in: result.stdoutLines), elapsed: elapsed)
        #expect(elapsed < bound, "bounded: \(elapsed)")
        return (run, try await stub.requests())
    }

    /// Stopped with the paging error: non-zero exit, one line that says what the
    /// server did, and what was printed is the history's start, each call once.
    func expectStopped(_ run: Run, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.result.status == 7, "exit \(run.result.status): \(run.result.stderr)", sourceLocation: sourceLocation)
        #expect(run.result.stderr.hasPrefix("calltrail: ") && run.result.stderr.contains(words), "\(run.result.stderr)",
                sourceLocation: sourceLocation)
        #expect(Set(run.ids).count == run.ids.count, "no call printed twice", sourceLocation: sourceLocation)
        #expect(!run.ids.isEmpty && run.ids == Array(Self.expectedIDs.prefix(run.ids.count)), sourceLocation: sourceLocation)
    }

    @Test func theSamePageForEverEndsWithAnError() async throws {
        let (run, log) = try await Self.calls(stub: ["--lofty-ignore-cursor", "--lofty-ignore-offset"], extra: ["--page-size", "100"])
        expectStopped(run, saying: "ignores both currentId and offset")
        #expect(run.ids.count == 100)
        #expect(log.count <= 4, "\(log.count) requests")
    }

    @Test(arguments: ["A-B-B", "A-B-A"])
    func aLoopingCursorEndsWithAnError(_ loop: String) async throws {
        let (run, log) = try await Self.calls(stub: ["--lofty-loop", loop], extra: ["--page-size", "100"])
        // The stand-in loops from the fourth page: A→B→C→B, or A→B→C→A (the newest call again).
        expectStopped(run, saying: loop == "A-B-B" ? "does not advance" : "ignores both currentId and offset")
        #expect(run.ids.count == 300)
        #expect(log.count <= 6, "\(log.count) requests")
    }

    @Test func idsGoingUpEndWithAnError() async throws {
        let (run, _) = try await Self.calls(stub: ["--lofty-ids-go-up"], extra: ["--page-size", "100"])
        expectStopped(run, saying: "does not advance")
        #expect(run.ids.count == 100)
    }

    @Test(arguments: [["--lofty-overlap", "3"], ["--lofty-overlap", "3", "--lofty-ignore-cursor"], ["--lofty-limit-cap", "100"]])
    func overlappingOrCappedPagesPrintEveryCallOnce(_ arguments: [String]) async throws {
        // Asked for 150 a page (151 with the look-ahead), the capping server sends 100.
        let (run, _) = try await Self.calls(stub: arguments, extra: ["--page-size", "150"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.ids == Self.expectedIDs)
    }

    @Test func leadsIgnoringOffsetWithoutATotalEndWithAnError() async throws {
        let stub = try await StubAPIProcess(arguments: ["--lofty-leads-ignore-offset"])
        defer { stub.stop() }
        let result = try await Calltrail.run(
            ["leads", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json", "--page-size", "10"])
        #expect(result.status == 7, "\(result.stderr)")
        #expect(result.stderr.contains("already shown"), "\(result.stderr)")
        #expect(result.stdoutLines.count == 10)
        #expect(try await stub.requests().count == 2)
    }

    @Test(arguments: [("skipcall", "/skipcall/v1", "c0a70000-0000-4000-8000-000000000001"), ("nectardesk", "/nectardesk/v1", "5501")])
    func pageNumberVendorsIgnoringPageEndWithAnError(_ vendor: (String, String, String)) async throws {
        let stub = try await StubAPIProcess(arguments: ["--paged-ignore-page"])
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "calls", "--provider", vendor.0, "--base-url", stub.baseURL + vendor.1, "--lead", vendor.2,
            "--page-size", "50", "--format", "json",
        ])
        #expect(result.status == 7, "\(result.stderr)")
        #expect(result.stderr.contains("already shown"), "\(result.stderr)")
        #expect(result.stdoutLines.count == 50)
        #expect(try await stub.requests().count == 2)
    }

    @Test(arguments: [("skipcall", "/skipcall/v1", "c0a70000-0000-4000-8000-000000000002", "contactId"),
                      ("nectardesk", "/nectardesk/v1", "5502", "contact_id")])
    func anIgnoredContactFilterIsAnErrorNamingTheParameter(_ vendor: (String, String, String, String)) async throws {
        let stub = try await StubAPIProcess(arguments: ["--paged-ignore-contact-filter"])
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "calls", "--provider", vendor.0, "--base-url", stub.baseURL + vendor.1, "--lead", vendor.2, "--format", "json",
        ])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("\"\(vendor.3)\"") && result.stderr.contains("--base-url"), "\(result.stderr)")
        #expect(!result.stdoutLines.contains { !$0.contains(vendor.2) }, "no other contact's call printed")
    }

    /// The hostile records page: the same instant in every time format, an id as a
    /// string and a bare number (unreadable), 1e400, a key sent twice, year 0000.
    @Test(arguments: ["{}", "{\"calls\": null}"])
    func unreadableRecordsAreKeptAndCountedAndEveryTimeFormatReads(_ emptyPage: String) async throws {
        let stub = try await StubAPIProcess(arguments: ["--lofty-hostile-records", "--lofty-empty-page-body", emptyPage])
        defer { stub.stop() }
        let base = ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002"]
        let json = try await Calltrail.run(base + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stderr == "calltrail: 2 call records could not be read; printed as unreadable calls with the raw JSON\n")
        let objects = try json.stdoutLines.map { try JSONValue.parse(Array($0.utf8)) }
        #expect(objects.count == 11, "every record, readable or not")
        let unreadable = objects.filter { $0["unreadable"] != nil }
        #expect(unreadable.map { $0["raw"]?["id"] } == [.string("8000004"), nil])
        #expect(unreadable.last?["raw"] == .integer(7))
        let readable = objects.filter { $0["unreadable"] == nil }
        #expect(readable.count == 9)
        let times = readable.compactMap { $0["startTime"]?.stringValue }
        #expect(times.count == 8 && Set(times) == ["2026-04-22T10:15:00Z"], "\(times)")
        let year0000 = readable.first { $0["id"] == .integer(8_000_003) }
        #expect(year0000?["startTime"] == .null && year0000?["endTime"] == .null)
        let twice = readable.first { $0["id"] == .integer(8_000_002) }
        #expect(twice?["note"] == .string("last wins"))
        #expect(twice?["raw"]?["note"] == .string("last wins"), "the last key wins in raw too")
        #expect(json.stdout.contains("1e400"), "1e400 kept as sent")
        #expect(!json.stdout.contains("invalidT"))

        let table = try await Calltrail.run(base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stderr.contains("2 call records could not be read"))
        let rows = table.stdoutLines.dropFirst()
        #expect(rows.count == 11)
        #expect(rows.filter { $0.contains("unreadable call") }.count == 2)
        #expect(rows.filter { !$0.contains("unreadable call") && $0.contains("2026-04-22 10:15") }.count == 8)
        #expect(!table.stdout.contains("invalidT"))
    }
}
