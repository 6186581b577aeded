import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import CalltrailViewModel
import Foundation
import Testing

@testable import CalltrailHTTP

/// The browser against the stand-in's hostile fault modes over real loopback HTTP:
/// `G` ends (every call once, or a clear error with what was shown kept), a body
/// that stalls ends in an error within the retry budget, and an error ends the
/// catching up, so the header no longer says "to the end · Esc stops".
@MainActor @Suite(.serialized) struct HostileBrowserHTTPTests {
    static func browser(_ server: StubServer, timeout: Duration = .seconds(10), attempts: Int = 3) throws -> Browser {
        let provider = try LoftyProvider(
            baseURL: server.baseURL, token: AccessToken(LoftyProviderTests.token), authScheme: .bearer,
            retry: RetryPolicy(maxAttempts: attempts, maxTotal: .seconds(60), baseDelay: .milliseconds(10)),
            requestTimeout: timeout)
        let browser = Browser(provider: provider, settings: BrowserSettings(
            pageSize: 100, maximumHeldPages: 40, timeZone: TimeZone(identifier: "UTC") ?? .current,
            initialLead: LeadID(LoftyStubData.bigLead)))
        browser.send(.resize(rows: 30, columns: 120))
        browser.start()
        return browser
    }

    static func serve(_ options: LoftyStubRoutes.Options = .init(), faults: FaultPlan = FaultPlan()) async throws -> StubServer {
        try await StubServer.start(state: StubState(
            vendors: [LoftyStubRoutes(token: LoftyProviderTests.token, options: options)], faults: faults))
    }

    nonisolated static func options(_ change: (inout LoftyStubRoutes.Options) -> Void) -> LoftyStubRoutes.Options {
        var options = LoftyStubRoutes.Options()
        change(&options)
        return options
    }

    struct AfterG {
        var timeline: TimelineState?
        var header: HeaderFacts
        var shown: [CallID]
        var requests: Int
    }

    /// Opens the big lead on a stand-in with `options`, presses `G` and waits until
    /// nothing loads any more (expected within the bound: a loop would not end).
    static func pressG(_ options: LoftyStubRoutes.Options) async throws -> AfterG {
        let server = try await serve(options)
        let browser = try browser(server)
        _ = await browser.wait(timeout: .seconds(30)) { $0.timeline?.lines.isEmpty == false || $0.timeline?.failure != nil }
        browser.send(.focus(.calls))
        browser.send(.last)
        let settled = await browser.wait(timeout: .seconds(60)) { state in
            guard let timeline = state.timeline else { return false }
            return timeline.pending == nil && (timeline.failure != nil || timeline.showsEndOfHistory)
        }
        #expect(settled, "G ended")
        let timeline = browser.state.timeline
        let shown = timeline.map { timeline in timeline.lines.filter(\.isCall).compactMap { timeline.call(at: $0.ref)?.id } } ?? []
        let after = AfterG(timeline: timeline, header: browser.state.header, shown: shown, requests: server.state.requests.count)
        browser.stop()
        await server.shutdown()
        return after
    }

    @Test(arguments: [
        options { $0.ignoreCursor = true; $0.ignoreOffset = true },
        options { $0.loop = .repeatSecond }, options { $0.loop = .backToFirst }, options { $0.idsGoUpAfterCursor = true },
    ])
    func capitalGEndsWithAnErrorWhenPagingDoesNotAdvance(_ options: LoftyStubRoutes.Options) async throws {
        let after = try await Self.pressG(options)
        guard case .pagingBroken? = after.timeline?.failure?.error else {
            Issue.record("no paging error: \(String(describing: after.timeline?.failure))")
            return
        }
        #expect(after.timeline?.isCatchingUp == false, "G, motion and search owed end with the error")
        #expect(after.header.catchingUp == nil)
        #expect(!after.shown.isEmpty && Set(after.shown).count == after.shown.count, "what was shown stays, each call once")
        #expect(after.requests < 20)
    }

    @Test(arguments: [options { $0.limitCap = 100 }, options { $0.overlap = 3 }, options { $0.overlap = 3; $0.ignoreCursor = true }])
    func capitalGReachesEveryCallOnceFromACappingOrOverlappingServer(_ options: LoftyStubRoutes.Options) async throws {
        let after = try await Self.pressG(options)
        #expect(after.timeline?.failure == nil, "\(String(describing: after.timeline?.failure))")
        #expect(after.timeline?.callsLoaded == LoftyStubData.bigLeadCallCount)
        #expect(after.shown.last == CallID(LoftyProviderTests.expectedBigLeadIDs.last ?? ""))
        #expect(Set(after.shown).count == after.shown.count)
    }

    @Test func aStalledBodyEndsInAnErrorWithinTheRetryBudget() async throws {
        let rule = FaultRule(kinds: [.stall], path: "/v1.0/communication/call", fraction: 1)
        let server = try await Self.serve(faults: FaultPlan(rules: [rule]))
        let started = ContinuousClock.now
        let browser = try Self.browser(server, timeout: .milliseconds(400), attempts: 3)
        let failed = await browser.wait(timeout: .seconds(30)) { $0.timeline?.failure != nil }
        let elapsed = ContinuousClock.now - started
        let failure = browser.state.timeline?.failure?.error
        let loading = browser.state.loadingSince
        browser.stop()
        await server.shutdown()
        #expect(failed && failure == .timedOut, "\(String(describing: failure))")
        #expect(loading == nil, "the spinner stops")
        #expect(server.state.requests.filter { $0.path == "/v1.0/communication/call" }.count == 3, "the retry budget applies")
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}
