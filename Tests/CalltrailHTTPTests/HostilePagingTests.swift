import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// Issue 9's hostile servers, over real loopback HTTP against the stand-in's fault
/// modes. Each walk is bounded: it ends with every call exactly once, or with a
/// clear error after what it already had, never in a loop or a silent short history.
@Suite struct HostilePagingTests {
    typealias Stub = LoftyProviderTests

    /// Walks like the `calls` command: the page guard drops repeats and stops a walk
    /// that does not advance. Returns what was shown and the error it stopped with.
    static func walk(_ provider: some CallProvider, lead: Int64 = LoftyStubData.bigLead, limit: Int = 100)
        async -> (ids: [String], error: ProviderError?)
    {
        var guardian = PageWalkGuard<CallID>(noun: "call")
        var ids: [String] = []
        var cursor: PageCursor? = nil
        // A hard bound on requests, so a regression fails instead of hanging.
        for _ in 0..<200 {
            do {
                let page = try await provider.calls(forLead: LeadID(lead), after: cursor, limit: limit)
                let admitted = guardian.admit(ids: page.calls.map(\.dedupeID), next: page.next)
                ids += admitted.keep.map { page.calls[$0].id.rawValue }
                if let stop = admitted.stop { return (ids, stop) }
                guard let next = page.next else { return (ids, nil) }
                cursor = next
            } catch let error as ProviderError {
                return (ids, error)
            } catch {
                return (ids, .badResponse("\(error)"))
            }
        }
        return (ids, .badResponse("the walk did not end within 200 pages"))
    }

    static func options(_ change: (inout LoftyStubRoutes.Options) -> Void) -> LoftyStubRoutes.Options {
        var options = LoftyStubRoutes.Options()
        change(&options)
        return options
    }

    func expectStopped(_ result: (ids: [String], error: ProviderError?), saying words: String) {
        guard case .pagingBroken(let what)? = result.error else {
            Issue.record("expected a paging error, got \(String(describing: result.error)) after \(result.ids.count) calls")
            return
        }
        #expect(what.contains(words), "\(what)")
        #expect(Set(result.ids).count == result.ids.count, "no call shown twice")
        #expect(Array(Stub.expectedBigLeadIDs.prefix(result.ids.count)) == result.ids, "what was shown is the history's start")
    }

    @Test func theSamePageForEverStopsWithAnError() async throws {
        try await Stub.withStub(options: Self.options { $0.ignoreCursor = true; $0.ignoreOffset = true }) { server in
            let result = await Self.walk(try Stub.provider(server))
            expectStopped(result, saying: "ignores both currentId and offset")
            #expect(result.ids.count == 100)
            #expect(server.state.requests.count <= 4)
        }
    }

    @Test(arguments: LoftyStubRoutes.PagingLoop.allCases)
    func aCursorLoopStopsWithAnError(_ loop: LoftyStubRoutes.PagingLoop) async throws {
        try await Stub.withStub(options: Self.options { $0.loop = loop }) { server in
            let result = await Self.walk(try Stub.provider(server))
            // The stand-in loops once a page starts 2·limit in (the fourth page here): A→B→C→B, A→B→C→A.
            expectStopped(result, saying: loop == .repeatSecond ? "currentId cursor does not advance" : "ignores both currentId and offset")
            #expect(result.ids.count == 300)
        }
    }

    @Test func idsGoingUpAfterTheCursorStopWithAnError() async throws {
        try await Stub.withStub(options: Self.options { $0.idsGoUpAfterCursor = true }) { server in
            let result = await Self.walk(try Stub.provider(server))
            expectStopped(result, saying: "currentId cursor does not advance")
            #expect(result.ids.count == 100)
        }
    }

    @Test func overlappingPagesShowEveryCallOnce() async throws {
        try await Stub.withStub(options: Self.options { $0.overlap = 3 }) { server in
            let result = await Self.walk(try Stub.provider(server))
            #expect(result.error == nil)
            #expect(result.ids == Stub.expectedBigLeadIDs)
        }
    }

    @Test func overlappingPagesByOffsetShowEveryCallOnce() async throws {
        try await Stub.withStub(options: Self.options { $0.overlap = 3; $0.ignoreCursor = true }) { server in
            let result = await Self.walk(try Stub.provider(server))
            #expect(result.error == nil)
            #expect(result.ids == Stub.expectedBigLeadIDs)
        }
    }

    @Test(arguments: [37, 100])
    func aServerCappingLimitStillGivesEveryCall(_ cap: Int) async throws {
        try await Stub.withStub(options: Self.options { $0.limitCap = cap }) { server in
            let result = await Self.walk(try Stub.provider(server), limit: 150)
            #expect(result.error == nil)
            #expect(result.ids == Stub.expectedBigLeadIDs)
        }
    }

    @Test func leadsIgnoringOffsetWithoutATotalStop() async throws {
        try await Stub.withStub(options: Self.options { $0.leadsIgnoreOffset = true }) { server in
            let provider = try Stub.provider(server)
            var guardian = PageWalkGuard<LeadID>(noun: "lead")
            var cursor: PageCursor? = nil
            var shown: [LeadID] = []
            var stop: ProviderError? = nil
            for _ in 0..<50 {
                let page = try await provider.leads(matching: nil, after: cursor, limit: 10)
                let admitted = guardian.admit(ids: page.leads.map(\.id), next: page.next)
                shown += admitted.keep.map { page.leads[$0].id }
                stop = admitted.stop
                guard stop == nil, let next = page.next else { break }
                cursor = next
            }
            guard case .pagingBroken(let what)? = stop else { Issue.record("no paging error: \(String(describing: stop))"); return }
            #expect(what.contains("already shown"))
            #expect(shown.count == 10)
        }
    }

    @Test func specMetadataKeyGivesTheTotal() async throws {
        try await Stub.withStub(options: Self.options { $0.specMetadataKey = true }) { server in
            let page = try await Stub.provider(server).leads(matching: nil, after: nil, limit: 10)
            #expect(page.total == LoftyStubData().leads.count)
        }
    }

    @Test func aBodyThatStallsOnceIsRetriedAndAStallForEverTimesOut() async throws {
        let once = FaultRule(kinds: [.stall], path: "/v1.0/communication/call", requests: [1])
        try await Stub.withStub(faults: FaultPlan(rules: [once])) { server in
            let provider = try Stub.provider(server, timeout: .milliseconds(500))
            let page = try await provider.calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 100)
            #expect(page.calls.count == 100)
            #expect(server.state.requests.first?.fault == "stall")
        }
        for kind in [FaultKind.stall, .trickle] {
            let always = FaultRule(kinds: [kind], path: "/v1.0/communication/call", fraction: 1, delayMs: 50)
            try await Stub.withStub(faults: FaultPlan(rules: [always])) { server in
                let provider = try Stub.provider(server, timeout: .milliseconds(400), attempts: 3)
                do {
                    _ = try await provider.calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 100)
                    Issue.record("a \(kind) body for ever was accepted")
                } catch let error as ProviderError {
                    #expect(error == .timedOut, "\(error)")
                }
                #expect(server.state.requests.count == 3, "the retry budget applies to \(kind)")
            }
        }
    }

    @Test func loftyErrorCodesSayWhatToFix() async throws {
        try await Stub.withStub(options: Self.options { $0.scopeMissing = true }) { server in
            do {
                _ = try await Stub.provider(server).calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 10)
                Issue.record("a missing scope was accepted")
            } catch let error as ProviderError {
                guard case .configuration(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("scope") && why.contains("200100"))
            }
        }
        try await Stub.withStub(options: Self.options { $0.requiredScheme = "token" }) { server in
            do {
                _ = try await Stub.provider(server).calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 10)
                Issue.record("a key sent as Bearer was accepted")
            } catch let error as ProviderError {
                guard case .unauthorized(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("auth_scheme = \"token\"") && why.contains("sent with auth_scheme = \"bearer\""), "\(why)")
            }
        }
        try await Stub.withStub { server in
            do {
                _ = try await Stub.provider(server, token: "wrong").calls(forLead: LeadID(LoftyStubData.bigLead), after: nil, limit: 10)
                Issue.record("a wrong token was accepted")
            } catch let error as ProviderError {
                guard case .unauthorized(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("BAD_CREDENTIALS") && why.contains("auth_scheme"), "\(why)")
            }
            do {
                _ = try await Stub.provider(server).calls(forLead: LeadID(999_999), after: nil, limit: 10)
                Issue.record("a lead outside the team was listed")
            } catch let error as ProviderError {
                #expect(error.message.contains("outside your team"), "\(error.message)")
            }
        }
    }

    @Test func aRateLimitResetFarBeyondTheWindowIsNotSeconds() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func wait(_ reset: String) -> Double? {
            RateLimitHeaders(headers: [("X-RateLimit-Reset", reset)], now: now).waitAfterRateLimit(now: now)
        }
        #expect(wait("30") == 30)
        #expect(wait("21000") == 21, "Lofty's documented 21000 with a 60 s window is milliseconds")
        #expect(wait("1800000045") == 45)
        #expect(wait("1800000045000") == 45)
        #expect(wait("99999999") == nil)
    }
}
