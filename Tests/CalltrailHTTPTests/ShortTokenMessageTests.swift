import CalltrailHTTP
import CalltrailProviders
import Testing

/// A token under 4 characters cannot be masked safely (it could sit in any
/// message, in some spelling): no server message is printed at all, whether or
/// not it visibly holds the token. A longer token's messages are shown, masked.
@Suite struct ShortTokenMessageTests {
    func message(token: String, status: Int, body: String) async throws -> String {
        let transport = ScriptedTransport([.reply(status, [], body)])
        let api = APIClient(
            baseURL: try EndpointPolicy.validatedBaseURL("http://127.0.0.1:9"),
            auth: AuthHeader(scheme: "Bearer", token: AccessToken(token)),
            retry: RetryPolicy(maxAttempts: 1, maxTotal: .seconds(1), baseDelay: .milliseconds(1),
                               maxDelay: .milliseconds(1), maxServerWait: .seconds(1), sleep: { _ in }, random: { 0.5 }),
            transport: transport)
        do {
            _ = try await api.send(APIRequest(path: "/v1/things", subject: "thing 1")) { String(decoding: $0, as: UTF8.self) }
        } catch let error as ProviderError {
            return error.message
        }
        Issue.record("the request succeeded")
        return ""
    }

    @Test func aShortTokenHidesEveryServerMessage() async throws {
        for body in [#"{"code":400,"message":"bad filter, token Ab1 refused"}"#, #"{"message":"bad filter"}"#, "plain proxy text"] {
            let shown = try await message(token: "Ab1", status: 400, body: body)
            #expect(shown.contains(AccessToken.withheldMessage), "\(shown)")
            #expect(!shown.contains("bad filter") && !shown.contains("proxy"), "\(shown)")
        }
        // A server error's message too; the status still says what happened.
        let server = try await message(token: "Ab1", status: 503, body: #"{"message":"maintenance, ab1"}"#)
        #expect(server.contains("503") && !server.lowercased().contains("ab1"), "\(server)")
    }

    @Test func aLongerTokenLetsTheMessageThroughMasked() async throws {
        let shown = try await message(token: "Ab1-long-enough", status: 400, body: #"{"message":"bad filter for AB1-LONG-ENOUGH"}"#)
        #expect(shown.contains("bad filter for •••"), "\(shown)")
    }
}
