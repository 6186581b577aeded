import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// The stand-in's faults on the routes issue 11 added — the recording URL
/// (`/v1.0/call/url/{id}`), the AI summary (`/v2.0/ai/call-summary`) and the
/// recent calls (`/v2.0/communication/agent`) — over loopback: 5xx and 429 are
/// retried to the same answer (Retry-After honoured), and a body cut short or
/// stalled for ever ends in the same typed error as the call list's.
@Suite struct NewRouteFaultTests {
    enum Route: String, CaseIterable, CustomStringConvertible {
        case recordingURL, summary, recentCalls, callList

        var path: String {
            switch self {
            case .recordingURL: return "/v1.0/call/url/"
            case .summary: return "/v2.0/ai/call-summary"
            case .recentCalls: return "/v2.0/communication/agent"
            case .callList: return "/v1.0/communication/call"
            }
        }

        var description: String { rawValue }

        /// What the route's request needs first (the summary asks with the whole call).
        func prepare(_ provider: LoftyProvider) async throws -> Call? {
            guard self == .summary else { return nil }
            return try await provider.call(id: CallID(LoftyStubData.summaryFinishedCall))
        }

        /// One provider request on the route; what it answered, comparable across runs.
        func answer(_ provider: LoftyProvider, _ call: Call?) async throws -> [String] {
            switch self {
            case .recordingURL:
                let link = try await provider.recording(forCall: CallID(LoftyStubData.recordedCall))
                // Without `?expires=…`, which moves with the clock.
                return [String(link?.url.split(separator: "?").first ?? "none")]
            case .summary:
                let summary = try await provider.summary(forCall: try #require(call))
                return [summary?.summary ?? "none", summary?.transcript ?? "none"]
            case .recentCalls:
                let page = try await provider.recentCalls(
                    RecentCallsQuery(until: LoftyRecentCallsTests.until, team: true), after: nil, limit: 100)
                return page.calls.map(\.id.rawValue)
            case .callList:
                return try await provider.calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 100).calls.map(\.id.rawValue)
            }
        }
    }

    static let newRoutes: [Route] = [.recordingURL, .summary, .recentCalls]

    static func withStub(_ body: (StubServer) async throws -> Void) async throws {
        try await StubServer.running(StubState(vendors: [LoftyStubRoutes(token: LoftyProviderTests.token)]), body)
    }

    /// The faults the log shows on `route`'s requests, in order (nil for a clean answer).
    static func faults(_ server: StubServer, on route: Route) -> [String?] {
        server.state.requests.filter { $0.path.hasPrefix(route.path) }.map(\.fault)
    }

    @Test(arguments: newRoutes)
    func fiveHundredsAndRateLimitsAreRetriedToTheSameAnswer(_ route: Route) async throws {
        try await Self.withStub { server in
            let sleeps = RecordedSleeps()
            let provider = try LoftyProviderTests.provider(server, sleeps: sleeps)
            let call = try await route.prepare(provider)
            let clean = try await route.answer(provider, call)
            // The route's next three requests fail: 500, 503, then 429 with Retry-After: 1.
            let rule = FaultRule(kinds: [.status500, .status503, .rateLimited], path: route.path, requests: [1, 2, 3], retryAfter: 1)
            server.state.reset(faults: FaultPlan(rules: [rule]))
            let answer = try await route.answer(provider, call)
            #expect(answer == clean)
            #expect(Self.faults(server, on: route) == ["500", "503", "429", nil])
            #expect(sleeps.all.contains(.seconds(1)), "Retry-After: 1 was honoured")
        }
    }

    /// What `kind` on every request of `route` ends in, and how many requests it took.
    static func failure(of route: Route, under kind: FaultKind) async throws -> (error: ProviderError?, requests: Int) {
        var outcome: (ProviderError?, Int) = (nil, 0)
        try await Self.withStub { server in
            let provider = try LoftyProviderTests.provider(server, timeout: .milliseconds(400), attempts: 3)
            let call = try await route.prepare(provider)
            server.state.reset(faults: FaultPlan(rules: [FaultRule(kinds: [kind], path: route.path, fraction: 1)]))
            do {
                _ = try await route.answer(provider, call)
            } catch let error as ProviderError {
                outcome.0 = error
            }
            outcome.1 = server.state.requests.filter { $0.path.hasPrefix(route.path) }.count
        }
        return outcome
    }

    @Test(arguments: newRoutes)
    func aBodyCutShortOrStalledForEverFailsLikeTheCallList(_ route: Route) async throws {
        for kind in [FaultKind.truncate, .stall] {
            let list = try await Self.failure(of: .callList, under: kind)
            let failed = try await Self.failure(of: route, under: kind)
            let error = try #require(failed.error, "a \(kind) body on every request was accepted")
            #expect(error == list.error, "\(kind): \(error) vs the call list's \(String(describing: list.error))")
            switch (kind, error) {
            case (.truncate, .network(let why)): #expect(why.contains("cut short"), "\(why)")
            case (.stall, .timedOut): break
            default: Issue.record("\(kind) ended in \(error)")
            }
            #expect(failed.requests == 3, "\(kind): the retry budget applies")
            #expect(!error.message.isEmpty && !error.message.contains(LoftyProviderTests.token))
        }
    }

    @Test(arguments: newRoutes)
    func aBodyCutShortOnceIsRetried(_ route: Route) async throws {
        try await Self.withStub { server in
            let provider = try LoftyProviderTests.provider(server, timeout: .milliseconds(500))
            let call = try await route.prepare(provider)
            let clean = try await route.answer(provider, call)
            server.state.reset(faults: FaultPlan(rules: [FaultRule(kinds: [.truncate, .stall], path: route.path, requests: [1, 2])]))
            #expect(try await route.answer(provider, call) == clean)
            #expect(Self.faults(server, on: route) == ["truncate", "stall", nil])
        }
    }
}
