import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing
@testable import CalltrailHTTP

/// Skipcall and NectarDesk over loopback against the stand-in, in-process: every
/// call of a multi-page contact exactly once, through the same fault mix as Lofty's.
@Suite struct VendorStandInTests {
    static let token = "sk_test_standin"
    /// 500, 503, 429 (Retry-After: 1) and a truncated body, on a fifth of list requests
    /// (pages of 10 so that every kind comes round).
    static func faultMix(path: String) -> FaultPlan {
        FaultPlan(rules: [FaultRule(kinds: [.status500, .status503, .rateLimited, .truncate], path: path, fraction: 0.2, retryAfter: 1)], seed: 7)
    }

    static func withServer(faults: FaultPlan = FaultPlan(), _ body: (StubServer) async throws -> Void) async throws {
        let state = StubState(vendors: [SkipcallStubRoutes(token: token), NectarDeskStubRoutes(token: token)], faults: faults)
        try await StubServer.running(state, body)
    }

    static func skipcall(_ server: StubServer, token: String = token) throws -> SkipcallProvider {
        try SkipcallProvider(baseURL: server.baseURL + SkipcallStubRoutes.prefix,
                         token: AccessToken(token), retry: RetryPolicy(baseDelay: .milliseconds(20)))
    }

    static func nectarDesk(_ server: StubServer, token: String = token) throws -> NectarDeskProvider {
        try NectarDeskProvider(baseURL: server.baseURL + NectarDeskStubRoutes.prefix,
                           token: AccessToken(token), retry: RetryPolicy(baseDelay: .milliseconds(20)))
    }

    @Test func skipcallFaultMixLosesNothing() async throws {
        let path = SkipcallStubRoutes.prefix + "/calls"
        try await Self.withServer(faults: Self.faultMix(path: path)) { server in
            let calls = try await ProviderWalk.allCalls(Self.skipcall(server), lead: LeadID(SkipcallStubData.bigContact), limit: 10)
            let expected = (SkipcallStubData().calls[SkipcallStubData.bigContact] ?? [])
                .compactMap { $0["id"]?.stringValue }
            #expect(calls.map(\.id.rawValue) == expected)
            #expect(Set(calls.map(\.id)).count == SkipcallStubData.bigContactCallCount)
            let log = server.state.requests
            #expect(Set(log.compactMap(\.fault)) == ["500", "503", "429", "truncate"])
            // Exactly one successful answer per page: none fetched twice, none skipped.
            let served = log.filter { $0.status == 200 && $0.fault == nil }.map(\.query)
            #expect(served == (0..<23).map { "contactId=\(SkipcallStubData.bigContact)&page=\($0)&size=10" })
        }
    }

    @Test func nectarDeskFaultMixLosesNothing() async throws {
        let path = NectarDeskStubRoutes.prefix + "/calls"
        try await Self.withServer(faults: Self.faultMix(path: path)) { server in
            let calls = try await ProviderWalk.allCalls(Self.nectarDesk(server), lead: LeadID(NectarDeskStubData.bigContact), limit: 10)
            let expected = (NectarDeskStubData().calls[NectarDeskStubData.bigContact] ?? []).compactMap { $0["id"]?.int64Value }
            #expect(calls.compactMap(\.id.int64Value) == expected)
            #expect(Set(calls.map(\.id)).count == NectarDeskStubData.bigContactCallCount)
            let log = server.state.requests
            #expect(Set(log.compactMap(\.fault)) == ["500", "503", "429", "truncate"])
            // No total in NectarDesk's list: only a short page ends it, so 230 calls in
            // full pages of 10 take one more, empty, request.
            let served = log.filter { $0.status == 200 && $0.fault == nil }.map(\.query)
            #expect(served == (1...24).map { "contact_id=\(NectarDeskStubData.bigContact)&page=\($0)&per_page=10" })
        }
    }

    @Test func oneCallKeepsVendorAndUnknownFields() async throws {
        try await Self.withServer { server in
            let skip = try await Self.skipcall(server).call(id: CallID(SkipcallStubData.extraFieldCall))
            #expect(skip.direction == .other("internal"))
            #expect(Set(skip.otherFields.map(\.key)) == ["sentiment", "recordingUrl"])
            #expect(skip.details.contains { $0.key == "organizationId" })
            let deleted = try await Self.skipcall(server).call(id: CallID(SkipcallStubData.deletedCall))
            #expect(deleted.isDeleted)
            let nectar = try await Self.nectarDesk(server).call(id: CallID(NectarDeskStubData.extraFieldCall))
            #expect(Set(nectar.otherFields.map(\.key)) == ["queue_wait_seconds", "sentiment"])
            #expect(nectar.details.contains { $0.key == "all_agents" })
        }
    }

    @Test func refusalsAreTypedNotCrashes() async throws {
        try await Self.withServer { server in
            await #expect(throws: ProviderError.unauthorized(
                "Skipcall refused the API key (API_KEY_INVALID); keys look like sk_live_… or sk_test_…")) {
                try await Self.skipcall(server, token: "sk_test_wrong").call(id: CallID(SkipcallStubData.deletedCall))
            }
            await #expect(throws: ProviderError.noAccess("call \(SkipcallStubData.outsideWorkspaceCall)")) {
                try await Self.skipcall(server).call(id: CallID(SkipcallStubData.outsideWorkspaceCall))
            }
            await #expect(throws: ProviderError.unauthorized("Invalid access token")) {
                try await Self.nectarDesk(server, token: "wrong").call(id: CallID(NectarDeskStubData.extraFieldCall))
            }
            // NectarDesk's 404 has no code of its own: the message names the URL tried.
            let missingURL = "\(server.baseURL)\(NectarDeskStubRoutes.prefix)/calls/\(NectarDeskStubData.missingCall)"
            await #expect(throws: ProviderError.notFound("call \(NectarDeskStubData.missingCall) (\(missingURL))")) {
                try await Self.nectarDesk(server).call(id: CallID(NectarDeskStubData.missingCall))
            }
            do {
                _ = try await Self.nectarDesk(server).call(id: CallID(NectarDeskStubData.malformedCall))
                Issue.record("a malformed body must not decode")
            } catch let error as ProviderError {
                guard case .badResponse = error else { Issue.record("expected badResponse, got \(error)"); return }
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test func contactsAreTheLeads() async throws {
        try await Self.withServer { server in
            let skip = try await Self.skipcall(server).leads(matching: nil, after: nil, limit: 10)
            #expect(skip.leads.first?.displayName == "Jane Cooper")
            #expect(skip.total == 30)
            let next = try await Self.skipcall(server).leads(matching: nil, after: skip.next, limit: 99)
            #expect(next.leads.first?.displayName == "Contact No. 11")
            let nectar = try await Self.nectarDesk(server).leads(matching: "高橋", after: nil, limit: 10)
            #expect(nectar.leads.map(\.displayName) == ["高橋 美咲"])
            #expect(nectar.next == nil)
        }
    }
}
