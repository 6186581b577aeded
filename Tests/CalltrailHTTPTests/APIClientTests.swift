import CalltrailHTTP
import CalltrailProviders
import Foundation
import Testing

@Suite struct APIClientTests {
    let secret = "s3cret-token-value-XYZ"

    func client(_ transport: ScriptedTransport, sleeps: RecordedSleeps, maxAttempts: Int = 5,
                maxServerWait: Duration = .seconds(30), now: Date = Date()) throws -> APIClient {
        let policy = RetryPolicy(
            maxAttempts: maxAttempts, maxTotal: .seconds(600), baseDelay: .milliseconds(100),
            maxDelay: .seconds(2), maxServerWait: maxServerWait,
            sleep: { sleeps.record($0) }, random: { 0.5 })
        return APIClient(
            baseURL: try EndpointPolicy.validatedBaseURL("http://127.0.0.1:9"),
            auth: AuthHeader(scheme: "Bearer", token: AccessToken(secret)),
            retry: policy, transport: transport, wallClock: { now })
    }

    let request = APIRequest(path: "/v1/things", query: [("q", "a b+c")], subject: "thing 1")

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func retriesServerErrorsAndNetworkFailuresThenSucceeds() async throws {
        let transport = ScriptedTransport([
            .reply(500, [], "oops"), .fail(.network("reset")), .fail(.timedOut), .reply(503, [], ""), .reply(200, [], "ok"),
        ])
        let sleeps = RecordedSleeps()
        let body = try await client(transport, sleeps: sleeps).send(request, decode: text)
        #expect(body == "ok")
        #expect(transport.requestCount == 5)
        // Full jitter with random 0.5: half of 100, 200, 400, 800 ms.
        #expect(sleeps.all == [.milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(transport.sent[0].url == "http://127.0.0.1:9/v1/things?q=a%20b%2Bc")
    }

    @Test func retriesAreBoundedInCount() async throws {
        let transport = ScriptedTransport(Array(repeating: .reply(500, [], #"{"code":1,"message":"down"}"#), count: 10))
        let sleeps = RecordedSleeps()
        await #expect(throws: ProviderError.server(status: 500, message: "down")) {
            try await client(transport, sleeps: sleeps, maxAttempts: 3).send(request, decode: text)
        }
        #expect(transport.requestCount == 3)
    }

    @Test func retriesAreBoundedInTotalTime() async throws {
        let transport = ScriptedTransport(Array(repeating: .fail(.timedOut), count: 10))
        let policy = RetryPolicy(maxAttempts: 10, maxTotal: .milliseconds(1), baseDelay: .seconds(1), random: { 0.99 })
        let client = APIClient(
            baseURL: try EndpointPolicy.validatedBaseURL("http://localhost:9"), auth: nil, retry: policy, transport: transport)
        await #expect(throws: ProviderError.timedOut) { try await client.send(request, decode: text) }
        #expect(transport.requestCount == 1)
    }

    @Test func honoursRetryAfterSecondsAndHTTPDateAndReset() async throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let transport = ScriptedTransport([
            .reply(429, [("Retry-After", "2")], ""),
            .reply(429, [("retry-after", "Tue, 14 Nov 2023 22:13:25 GMT")], ""),
            .reply(429, [("X-RateLimit-Reset", "1700000007")], ""),
            .reply(429, [("X-RateLimit-Reset", "9")], ""),
            .reply(200, [], "ok"),
        ])
        let sleeps = RecordedSleeps()
        let body = try await client(transport, sleeps: sleeps, now: now).send(request, decode: text)
        #expect(body == "ok")
        #expect(sleeps.all == [.seconds(2), .seconds(5), .seconds(7), .seconds(9)])
    }

    @Test func aRateLimitThatWillNotClearIsReported() async throws {
        let transport = ScriptedTransport([.reply(429, [("Retry-After", "3600")], "")])
        await #expect(throws: ProviderError.rateLimited(retryAfter: 3600)) {
            try await client(transport, sleeps: RecordedSleeps()).send(request, decode: text)
        }
        #expect(transport.requestCount == 1)
    }

    @Test func pacesByRemainingAndReset() async throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let transport = ScriptedTransport([
            .reply(200, [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1700000004")], "first"),
            .reply(200, [], "second"),
        ])
        let sleeps = RecordedSleeps()
        let api = try client(transport, sleeps: sleeps, now: now)
        #expect(try await api.send(request, decode: text) == "first")
        #expect(try await api.send(request, decode: text) == "second")
        #expect(sleeps.all == [.seconds(4)])
    }

    @Test func undecodableBodiesAreRetriedThenReported() async throws {
        let transport = ScriptedTransport([.reply(200, [], #"{"a":"#), .reply(200, [], #"{"a":"#)])
        struct Shape: Decodable { var a: Int }
        await #expect(throws: ProviderError.self) {
            try await client(transport, sleeps: RecordedSleeps(), maxAttempts: 2)
                .send(request) { try JSONDecoder().decode(Shape.self, from: Data($0)) }
        }
        #expect(transport.requestCount == 2)
    }

    @Test func clientErrorsAreNotRetriedAndGoThroughTheMapping() async throws {
        let transport = ScriptedTransport([.reply(401, [], #""token expired""#)])
        await #expect(throws: ProviderError.unauthorized("the provider refused the token (HTTP 401)")) {
            try await client(transport, sleeps: RecordedSleeps()).send(request, decode: text)
        }
        #expect(transport.requestCount == 1)
    }

    @Test func theTokenGoesOnlyInTheAuthHeaderAndNeverIntoErrors() async throws {
        let transport = ScriptedTransport([
            .reply(401, [], #"{"code":401,"message":"Bearer \#(secret) is invalid"}"#),
            .reply(400, [], "plain text \(secret)"),
            .fail(.network("peer said \(secret)")),
        ])
        let api = try client(transport, sleeps: RecordedSleeps(), maxAttempts: 1)
        var messages: [String] = []
        for _ in 0..<3 {
            do {
                _ = try await api.send(request, decode: text)
            } catch let error as ProviderError {
                messages.append(error.message)
                messages.append(String(describing: error))
                messages.append(String(reflecting: error))
            }
        }
        #expect(messages.count == 9)
        for message in messages { #expect(!message.contains(secret), "leaked: \(message)") }
        let sent = transport.sent[0]
        #expect(sent.headers.filter { $0.1.contains(secret) }.map(\.0) == ["Authorization"])
        #expect(!sent.url.contains(secret))
        #expect(String(describing: AccessToken(secret)) == "•••")
        #expect(!String(reflecting: AuthHeader(scheme: "token", token: AccessToken(secret))).contains(secret))
    }

    @Test func cancellingTheTaskStopsRetrying() async throws {
        let transport = ScriptedTransport(Array(repeating: .reply(503, [], ""), count: 100))
        let policy = RetryPolicy(maxAttempts: 100, maxTotal: .seconds(600), baseDelay: .seconds(30))
        let api = APIClient(baseURL: try EndpointPolicy.validatedBaseURL("http://[::1]:9"), auth: nil,
                            retry: policy, transport: transport)
        let task = Task { try await api.send(request, decode: text) }
        let deadline = ContinuousClock.now + .seconds(10)
        while transport.requestCount == 0, ContinuousClock.now < deadline { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.requestCount == 1)
    }
}

@Suite struct EndpointPolicyTests {
    @Test func httpsAnywherePlainHTTPOnlyOnLoopback() throws {
        for ok in ["https://api.lofty.com", "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:1/x/", "http://[::1]:5"] {
            #expect(throws: Never.self) { try EndpointPolicy.validatedBaseURL(ok) }
        }
        for bad in ["http://api.lofty.com", "http://127.0.0.1.evil.com", "http://128.0.0.1", "ftp://x", "nonsense", "https://h?x=1"] {
            #expect(throws: ProviderError.self) { try EndpointPolicy.validatedBaseURL(bad) }
        }
        #expect(try EndpointPolicy.validatedBaseURL("http://localhost:1/x/").text == "http://localhost:1/x")
    }
}

@Suite struct VendorErrorBodyTests {
    @Test func readsTheShapesVendorsSend() {
        let coded = VendorErrorBody(body: Array(#"{"code":20017,"message":"PERMISSION_DENIED"}"#.utf8))
        #expect(coded.code == "20017" && coded.message == "PERMISSION_DENIED")
        let named = VendorErrorBody(body: Array(#"{"code":"API_KEY_INVALID"}"#.utf8))
        #expect(named.code == "API_KEY_INVALID" && named.mentions("API_KEY_INVALID"))
        #expect(VendorErrorBody(body: Array(#""PERMISSION_DENIED""#.utf8)).message == "PERMISSION_DENIED")
        #expect(VendorErrorBody(body: Array("<html>\nBad gateway\n</html>".utf8)).message == "<html> Bad gateway </html>")
        #expect(VendorErrorBody(body: [0xFF, 0xFE]).code == nil)
        let long = VendorErrorBody(body: Array("\"\(String(repeating: "x", count: 5_000))\"".utf8))
        #expect(long.message.count == VendorErrorBody.maximumMessageLength + 1)
    }
}
