import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// The Lofty provider over real loopback HTTP against the in-process stand-in.
@Suite struct LoftyProviderTests {
    static let token = "lofty-test-token-0001"

    /// Retries without real waits; the waits asked for are recorded.
    static func provider(_ server: StubServer, token: String = token, sleeps: RecordedSleeps = RecordedSleeps(),
                         timeout: Duration = .seconds(10), attempts: Int = 6) throws -> LoftyProvider {
        let policy = RetryPolicy(maxAttempts: attempts, maxTotal: .seconds(120), sleep: { sleeps.record($0) })
        return try LoftyProvider(baseURL: server.baseURL, token: AccessToken(token), authScheme: .bearer,
                                 retry: policy, requestTimeout: timeout)
    }

    static func withStub(
        options: LoftyStubRoutes.Options = .init(), faults: FaultPlan = FaultPlan(),
        _ body: (StubServer) async throws -> Void
    ) async throws {
        try await StubServer.running(StubState(vendors: [LoftyStubRoutes(token: token, options: options)], faults: faults), body)
    }

    static let expectedBigLeadIDs = (0..<LoftyStubData.bigLeadCallCount).map {
        String(LoftyStubData.bigLeadFirstCallID - Int64($0) * 3)
    }

    @Test func walksTwoThousandFourHundredCallsWithTheCursor() async throws {
        try await Self.withStub { server in
            let calls = try await ProviderWalk.allCalls(try Self.provider(server), lead: LeadID(LoftyStubData.bigLead))
            #expect(calls.map(\.id.rawValue) == Self.expectedBigLeadIDs)
            let requests = server.state.requests
            // 24 pages of 100 (each asks for 101), then one that finds nothing more: only an
            // empty page ends a history, since a server capping `limit` sends short ones.
            #expect(requests.count == 25)
            #expect(requests.allSatisfy { $0.query.contains("limit=101") })
            #expect(!requests[0].query.contains("currentId"))
            for (index, entry) in requests.enumerated().dropFirst() {
                let previousLast = Self.expectedBigLeadIDs[index * 100 - 1]
                #expect(entry.query.contains("currentId=\(previousLast)"), "request \(index + 1): \(entry.query)")
            }
            #expect(calls.allSatisfy { ($0.id.int64Value ?? 0) > 9_007_199_254_740_992 })
        }
    }

    @Test func survivesFaultsOnAFifthOfTheListRequests() async throws {
        let rule = FaultRule(kinds: [.status500, .status503, .rateLimited, .truncate], path: "/v1.0/communication/call",
                             fraction: 0.2, retryAfter: 1)
        let sleeps = RecordedSleeps()
        try await Self.withStub(faults: FaultPlan(rules: [rule], seed: 7)) { server in
            let calls = try await ProviderWalk.allCalls(try Self.provider(server, sleeps: sleeps), lead: LeadID(LoftyStubData.bigLead))
            #expect(calls.map(\.id.rawValue) == Self.expectedBigLeadIDs)
            let faults = server.state.requests.compactMap(\.fault)
            #expect(Set(faults) == ["500", "503", "429", "truncate"])
            #expect(server.state.requests.count == 25 + faults.count)
            #expect(sleeps.all.contains(.seconds(1)), "Retry-After: 1 was honoured")
        }
    }

    @Test func toleratesAnInclusiveCursor() async throws {
        try await Self.withStub(options: .init(inclusiveCursor: true)) { server in
            let calls = try await ProviderWalk.allCalls(try Self.provider(server), lead: LeadID(LoftyStubData.bigLead))
            #expect(calls.map(\.id.rawValue) == Self.expectedBigLeadIDs)
        }
    }

    @Test func fallsBackToOffsetWhenTheCursorIsIgnored() async throws {
        try await Self.withStub(options: .init(ignoreCursor: true)) { server in
            let calls = try await ProviderWalk.allCalls(try Self.provider(server), lead: LeadID(LoftyStubData.bigLead), limit: 300)
            #expect(calls.map(\.id.rawValue) == Self.expectedBigLeadIDs)
            let queries = server.state.requests.map(\.query)
            // The first page, one request that shows the cursor ignored, then offsets 300…2400
            // (the last finds nothing more).
            #expect(queries.count == 10)
            #expect(queries.last?.contains("offset=2400") == true)
        }
    }

    @Test func pagesOfOneWorkWithEveryKindOfCursor() async throws {
        for options in [LoftyStubRoutes.Options(), .init(inclusiveCursor: true), .init(ignoreCursor: true)] {
            try await Self.withStub(options: options) { server in
                let calls = try await ProviderWalk.allCalls(try Self.provider(server), lead: LeadID(LoftyStubData.emojiLead), limit: 1)
                #expect(calls.map(\.id.rawValue) == (0..<6).map { String(200306 - $0) })
            }
        }
    }

    @Test func permissionDeniedNotFoundAndBadTokenAreTyped() async throws {
        try await Self.withStub { server in
            let provider = try Self.provider(server)
            await #expect(throws: ProviderError.noAccess("lead 100004")) {
                try await provider.calls(forLead: LeadID(LoftyStubData.deniedLead), after: nil, limit: 10)
            }
            await #expect(throws: ProviderError.noAccess("call 200999")) {
                try await provider.call(id: CallID(LoftyStubData.deniedCall))
            }
            await #expect(throws: ProviderError.noAccess("lead 999999 (it may be outside your team)")) {
                try await provider.calls(forLead: "999999", after: nil, limit: 10)
            }
            await #expect(throws: ProviderError.self) { try await provider.call(id: "abc") }
            let wrong = try Self.provider(server, token: "wrong-token-value")
            do {
                _ = try await wrong.call(id: CallID(LoftyStubData.manualCall))
                Issue.record("a wrong token was accepted")
            } catch let error as ProviderError {
                guard case .unauthorized(let why) = error else { Issue.record("unexpected \(error)"); return }
                #expect(why.contains("BAD_CREDENTIALS") && why.contains("auth_scheme = \"token\""))
            }
            // No retries for refusals.
            #expect(server.state.requests.count == 4)
        }
    }

    @Test func manualCallsUnknownValuesAndExtraFieldsSurvive() async throws {
        try await Self.withStub { server in
            let provider = try Self.provider(server)
            let manual = try await provider.call(id: CallID(LoftyStubData.manualCall))
            #expect(manual.isManual)
            #expect(manual.status == nil)
            #expect(!manual.details.contains { ["dialerCallRecordId", "elapsedTime", "price"].contains($0.key) })
            #expect(manual.leadPhoneNumber == "+81312345678")

            let odd = try await provider.call(id: CallID(LoftyStubData.unknownEnumCall))
            #expect(odd.outcome == .other("LeftMessageWithGatekeeper"))
            #expect(odd.status == .other("Transferred"))
            #expect(odd.direction == .other("Internal"))
            #expect(!odd.isManual)
            #expect(odd.details.contains { $0.key == "dialerCallRecordId" && $0.value == .integer(7_200_202) })

            let extra = try await provider.call(id: CallID(LoftyStubData.extraFieldCall))
            #expect(extra.otherFields.map(\.key).sorted() == ["sentimentScore", "transcriptLanguage"])
            #expect(extra.raw?["sentimentScore"] == .number(0.82))

            let hostile = try await provider.call(id: CallID(LoftyStubData.hostileNoteCall))
            #expect(hostile.note == LoftyStubData.hostileNote)
            #expect(hostile.startTime != nil)
        }
    }

    @Test func pagesLeadsWithTheTotal() async throws {
        try await Self.withStub { server in
            let provider = try Self.provider(server)
            let first = try await provider.leads(matching: nil, after: nil, limit: 25)
            #expect(first.total == 60 && first.leads.count == 25)
            #expect(first.leads[1].displayName == "美咲 高橋")
            var all = first.leads
            var cursor = first.next
            while let next = cursor {
                let page = try await provider.leads(matching: nil, after: next, limit: 25)
                all += page.leads
                cursor = page.next
            }
            #expect(all.count == 60 && Set(all.map(\.id)).count == 60)
            let found = try await provider.leads(matching: "高橋", after: nil, limit: 10)
            #expect(found.leads.map(\.id) == [LeadID(LoftyStubData.cjkLead)])
        }
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let slow = FaultRule(kinds: [.slow], requests: [1], delayMs: 30_000)
        try await Self.withStub(faults: FaultPlan(rules: [slow])) { server in
            let provider = try Self.provider(server, timeout: .seconds(60))
            let task = Task { try await provider.call(id: CallID(LoftyStubData.manualCall)) }
            let deadline = ContinuousClock.now + .seconds(10)
            while server.state.requests.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            let cancelledAt = ContinuousClock.now
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(ContinuousClock.now - cancelledAt < .seconds(10))
        }
    }

    @Test func aSlowAnswerTimesOut() async throws {
        let slow = FaultRule(kinds: [.slow], requests: [1], delayMs: 5_000)
        try await Self.withStub(faults: FaultPlan(rules: [slow])) { server in
            let provider = try Self.provider(server, timeout: .milliseconds(300), attempts: 1)
            await #expect(throws: ProviderError.timedOut) { try await provider.call(id: CallID(LoftyStubData.manualCall)) }
        }
    }

    @Test func plainHTTPToARemoteHostIsRefused() {
        #expect(throws: ProviderError.self) {
            try LoftyProvider(baseURL: "http://api.lofty.com", token: AccessToken("abcd"), authScheme: .bearer)
        }
    }
}

/// Connection mistakes a user makes in the base URL, explained with the fix.
@Suite struct BaseURLMistakeTests {
    @Test func aWrongPathNamesTheURLTried() async throws {
        try await LoftyProviderTests.withStub { server in
            let provider = try LoftyProvider(baseURL: server.baseURL + "/wrong/path", token: AccessToken(LoftyProviderTests.token), authScheme: .bearer)
            await #expect(throws: ProviderError.notFound("the lead list (\(server.baseURL)/wrong/path/v1.0/leads)")) {
                try await provider.leads(matching: nil, after: nil, limit: 10)
            }
        }
    }

    @Test func aVendorsOwnNotFoundCodeKeepsItsMessage() async throws {
        try await LoftyProviderTests.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            // Lofty's 404 20006: its own meaning, no URL.
            await #expect(throws: ProviderError.noAccess("lead 999999 (it may be outside your team)")) {
                try await provider.calls(forLead: "999999", after: nil, limit: 10)
            }
        }
    }

    @Test func httpsToAPlainHTTPServerSaysSo() async throws {
        try await LoftyProviderTests.withStub { server in
            let https = server.baseURL.replacingOccurrences(of: "http://", with: "https://")
            let provider = try LoftyProvider(baseURL: https, token: AccessToken(LoftyProviderTests.token), authScheme: .bearer)
            let error = await #expect(throws: ProviderError.self) { try await provider.leads(matching: nil, after: nil, limit: 10) }
            #expect(error?.message.contains("speaks plain HTTP on this port, not HTTPS") == true)
        }
    }
}
