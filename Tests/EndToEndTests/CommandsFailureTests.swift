import Foundation
import Testing

/// Refusals and odd data: one clear line on stderr, a distinct exit status,
/// and nothing the API sent lost in `--format json`.
@Suite struct CommandsFailureTests {
    @Test func permissionDeniedLeadAndCall() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let lead = try await Calltrail.run(["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100004"])
        #expect(lead.status == 3)
        #expect(lead.stderr == "calltrail: no access to lead 100004 or it does not exist\n")
        #expect(lead.stdout.isEmpty)
        let call = try await Calltrail.run(["call", "200999", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(call.status == 3)
        #expect(call.stderr == "calltrail: no access to call 200999 or it does not exist\n")
        let missing = try await Calltrail.run(["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "999999"])
        #expect(missing.status == 3)
        #expect(missing.stderr == "calltrail: no access to lead 999999 (it may be outside your team) or it does not exist\n")
        let bad = try await Calltrail.run(["call", "12ab", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("calltrail: \"12ab\" is not a Lofty call id"))
    }

    @Test func aBadTokenIsRefusedAndNeverShown() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let secret = "wrong-secret-token-93c1"
        let result = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002"], token: secret)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("calltrail: not authorised: Lofty refused the token (BAD_CREDENTIALS)"))
        #expect(result.stderr.contains("auth_scheme"), "the likely cause is named")
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        let none = try await Calltrail.run(["leads", "--provider", "lofty", "--base-url", stub.baseURL], token: nil)
        #expect(none.status == 4)
        #expect(none.stderr.contains("CALLTRAIL_TOKEN"))
        #expect(try await stub.requests().count == 1, "no request is sent without a token")
    }

    @Test func aTokenWithLineEndsWorksAndOneWithControlCharactersIsRefusedUnquoted() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        // A key file saved with CRLF, read with $(cat …), keeps its \r: it is trimmed.
        let crlf = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002", "--limit", "1"],
            token: StubAPIProcess.token + "\r\n")
        #expect(crlf.status == 0, "\(crlf.stderr)")
        let secret = "inner\u{1}control-secret"
        let bad = try await Calltrail.run(["leads", "--provider", "lofty", "--base-url", stub.baseURL], token: secret)
        #expect(bad.status == 4)
        #expect(bad.stderr.contains("the token has a space, a control character"))
        #expect(!bad.stderr.contains("control-secret") && !bad.stdout.contains("control-secret"))
        let webhookOnDemo = try await Calltrail.run(
            ["webhook", "-", "--provider", "demo"], token: nil, stdin: #"{"createdCall":[{"timelineId":200201}]}"#)
        #expect(webhookOnDemo.status == 65)
        #expect(webhookOnDemo.stderr.contains("use --provider lofty"))
    }

    @Test func unreachableHostAndPlainHTTPElsewhere() async throws {
        let unreachable = try await Calltrail.run(
            ["call", "200201", "--provider", "lofty", "--base-url", "http://127.0.0.1:1"])
        #expect(unreachable.status == 5)
        #expect(unreachable.stderr.hasPrefix("calltrail: cannot reach the provider"))
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
        let insecure = try await Calltrail.run(
            ["call", "200201", "--provider", "lofty", "--base-url", "http://api.lofty.com"])
        #expect(insecure.status == 65)
        #expect(insecure.stderr.contains("HTTPS is required"))
    }

    @Test func aRateLimitThatWillNotClearIsReported() async throws {
        let stub = try await StubAPIProcess(arguments: ["--fault", "429@fraction=1@retry-after=3600"])
        defer { stub.stop() }
        let result = try await Calltrail.run(["call", "200201", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(result.status == 6)
        #expect(result.stderr == "calltrail: rate limited by the provider; try again in 3600s\n")
    }

    @Test func unknownValuesManualCallsAndExtraFieldsAppearInJSON() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        func json(_ id: String) async throws -> String {
            let result = try await Calltrail.run(
                ["call", id, "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let odd = try await json("200202")
        #expect(odd.contains("\"direction\":\"Internal\",\"status\":\"Transferred\",\"outcome\":\"LeftMessageWithGatekeeper\""))
        #expect(odd.contains("\"callingOutcome\":\"LeftMessageWithGatekeeper\""))

        let manual = try await json("200201")
        #expect(manual.contains("\"status\":null") && manual.contains("\"manual\":true"))
        #expect(!manual.contains("dialerCallRecordId") && !manual.contains("elapsedTime"))
        // `raw` is the object as sent, keys in the server's order.
        #expect(manual.contains("\"raw\":{\"id\":200201,\"userId\":"))

        let extra = try await json("200203")
        #expect(extra.contains("\"otherFields\":{\"sentimentScore\":0.82,\"transcriptLanguage\":\"ja\"}"))
        #expect(extra.contains("\"manual\":false"))

        let table = try await Calltrail.run(["call", "200203", "--provider", "lofty", "--base-url", stub.baseURL])
        #expect(table.stdout.contains("Other: sentimentScore"))
    }
}
