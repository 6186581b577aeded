import AsyncHTTPClient
import CalltrailHTTP
import CalltrailModel
import CalltrailProviders
import Foundation
import Testing

@testable import CalltrailHTTP

/// What a broken or hostile server may send must end in a typed error or a
/// value, never a trap, and never in a message that carries the token.
@Suite struct HostileServerTests {
    let secret = "s3cret-token-value-XYZ"

    func client(_ transport: ScriptedTransport) throws -> APIClient {
        APIClient(
            baseURL: try EndpointPolicy.validatedBaseURL("http://127.0.0.1:9"),
            auth: AuthHeader(scheme: "Bearer", token: AccessToken(secret)),
            retry: RetryPolicy(maxAttempts: 3, sleep: { _ in }, random: { 0.5 }), transport: transport)
    }

    let request = APIRequest(path: "/v1/things", subject: "thing 1")

    /// A refusal inside a successful reply (Lofty's summaries answer `status.code` in
    /// HTTP 200) is thrown by the decoder: its text is masked all the same.
    @Test func aDecodersErrorQuotingTheTokenIsMasked() async throws {
        let transport = ScriptedTransport([.reply(200, [], "{}")])
        let echoed = "bad key \(secret.uppercased()) for this request"
        let error = await #expect(throws: ProviderError.self) {
            _ = try await client(transport).send(request) { _ -> Int in throw ProviderError.badRequest(status: 200, message: echoed) }
        }
        let message = error?.message ?? ""
        #expect(!message.lowercased().contains(secret.lowercased()), "\(message)")
        #expect(message.contains("•••"), "\(message)")
    }

    @Test(arguments: ["1e300", "inf", "nan", "-5", "99999999999999999999"])
    func absurdRetryAfterIsReportedNotSlept(_ value: String) async throws {
        let transport = ScriptedTransport(Array(repeating: .reply(429, [("Retry-After", value)], ""), count: 3))
        do {
            _ = try await client(transport).send(request) { _ in 0 }
            Issue.record("a 429 with Retry-After \(value) succeeded")
        } catch let error as ProviderError {
            guard case .rateLimited = error else { Issue.record("unexpected \(error)"); return }
            #expect(!error.message.isEmpty)
        }
    }

    @Test func absurdRateLimitResetIsReportedNotSlept() async throws {
        let transport = ScriptedTransport([
            .reply(200, [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1e300")], "ok"),
            .reply(200, [], "ok"),
        ])
        let client = try client(transport)
        _ = try await client.send(request) { _ in 0 }
        await #expect(throws: ProviderError.self) { _ = try await client.send(request) { _ in 0 } }
    }

    @Test func acceptableServerWaitRefusesWhatIsNotAWait() {
        let policy = RetryPolicy(maxServerWait: .seconds(30))
        #expect(policy.acceptableServerWait(1.5) == .milliseconds(1_500))
        for value in [Double.nan, .infinity, -1, 30.5, 1e300] { #expect(policy.acceptableServerWait(value) == nil) }
    }

    @Test func aTokenEchoedAcrossTheCutIsStillMasked() {
        let long = String(repeating: "x", count: VendorErrorBody.maximumMessageLength - 5) + secret + " tail"
        let json = #"{"code":"\#(secret)","message":"\#(long)"}"#
        let token = AccessToken(secret)
        for body in [json, long] {
            let parsed = VendorErrorBody(body: Array(body.utf8), redact: token.redact)
            #expect(!parsed.message.contains("s3cret"), "\(parsed.message)")
            #expect(!(parsed.code ?? "").contains("s3cret"))
        }
    }

    @Test func theClientsOwnRefusalNeverQuotesAHeader() {
        let refused = AsyncHTTPTransport.classify(
            HTTPClientError.invalidHeaderFieldValues(["Bearer \(secret)\r"]), host: "127.0.0.1")
        guard case .network(let why) = refused else { Issue.record("unexpected \(refused)"); return }
        #expect(!why.contains("s3cret") && why.contains("invalidHeaderFieldValues"), "\(why)")
    }

    @Test func aTokenAHeaderCannotCarryIsRefusedWithoutQuotingIt() {
        #expect(AccessToken("abc").isHeaderSafe)
        for bad in ["ab\rc", "ab c", "tök", "ab\u{1B}c"] {
            #expect(!AccessToken(bad).isHeaderSafe)
            do {
                _ = try LoftyProvider(baseURL: "http://127.0.0.1:9", token: AccessToken(bad), authScheme: .bearer)
                Issue.record("a token with \(bad.debugDescription) was accepted")
            } catch {
                guard case .unauthorized(let why) = error else { Issue.record("unexpected \(error)"); continue }
                #expect(!why.contains(bad))
            }
        }
    }
}
