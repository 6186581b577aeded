import Foundation
import Testing

/// `calltrail webhook`: each createdCall entry fetched by timelineId; the legacy
/// callId only for a non-manual entry without one; one entry's failure does not
/// stop the others.
@Suite struct CommandsWebhookTests {
    static let payload = """
        {"eventType":"Call","createdCall":[
          {"type":"MANUAL","timelineId":200201,"callId":7700201,"leadId":100002},
          {"type":"DIALER","timelineId":200204,"callId":7200204,"leadId":100002},
          {"type":"DIALER","callId":200205,"leadId":100002},
          {"type":"MANUAL","callId":7700999,"leadId":100002},
          {"type":"DIALER","timelineId":200999,"callId":7200999,"leadId":100004}
        ]}
        """

    @Test func fetchesByTimelineIdAndReportsEachFailure() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(
            ["webhook", "-", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json"], stdin: Self.payload)
        let printed = result.stdoutLines.compactMap { $0.split(separator: ",").first }
        #expect(printed == ["{\"id\":200201", "{\"id\":200204", "{\"id\":200205"])
        let paths = try await stub.requests().map(\.path)
        #expect(paths == [
            "/v2.0/communication/call/200201", "/v2.0/communication/call/200204",
            "/v2.0/communication/call/200205", "/v2.0/communication/call/200999",
        ])
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors == [
            "calltrail: createdCall[2] has no timelineId; fetching by its legacy callId 200205",
            "calltrail: createdCall[3] skipped: a MANUAL entry without timelineId (its callId names the dialer record, not the call)",
            "calltrail: createdCall[4]: no access to call 200999 or it does not exist",
            "calltrail: 2 of 5 webhook entries could not be printed",
        ])
        #expect(result.status == 8)
    }

    @Test func readsAPayloadFileAndRefusesNonsense() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appendingPathComponent("payload.json")
        try Data(#"{"createdCall":[{"type":"MANUAL","timelineId":200201,"callId":7700201}]}"#.utf8).write(to: file)
        let ok = try await Calltrail.run(["webhook", file.path, "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Call "))
        #expect(ok.stdout.contains("manually (no dialer record)"))
        let bad = try await Calltrail.run(
            ["webhook", "-", "--provider", "lofty", "--base-url", stub.baseURL], stdin: "{\"created\":1}")
        #expect(bad.status == 65)
        #expect(bad.stderr == "calltrail: the webhook payload has no \"createdCall\" list\n")
    }
}
