import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing
@testable import CalltrailHTTP

/// Lofty's AI call summaries over loopback against the in-process stand-in: every
/// status, no summary (data null), a refusal inside HTTP 200, PERMISSION_DENIED,
/// and which id `callRecordId` is sent (the dialer record first, then the call).
@Suite struct SummaryTests {
    static func withStub(_ body: (StubServer, LoftyProvider) async throws -> Void) async throws {
        let state = StubState(vendors: [LoftyStubRoutes(token: LoftyProviderTests.token)])
        try await StubServer.running(state) { server in try await body(server, try LoftyProviderTests.provider(server)) }
    }

    static func summary(_ provider: LoftyProvider, _ id: Int64) async throws -> CallSummary? {
        try await provider.summary(forCall: try await provider.call(id: CallID(id)))
    }

    /// The `callRecordId`s sent since `start` in the request log.
    static func recordIDs(_ server: StubServer, from start: Int) -> [String] {
        server.state.requests.dropFirst(start).filter { $0.path == "/v2.0/ai/call-summary" }.map(\.query)
    }

    @Test func aFinishedSummaryFoundByTheDialerRecord() async throws {
        try await Self.withStub { server, provider in
            let call = try await provider.call(id: CallID(LoftyStubData.summaryFinishedCall))
            let start = server.state.requests.count
            let summary = try #require(try await provider.summary(forCall: call))
            #expect(summary.status == .finished)
            #expect(summary.score == 87 && summary.scoreText == "87")
            #expect(summary.keywords == ["roof", "inspection", "offer"])
            #expect(summary.summary?.contains("worries about the roof") == true)
            #expect(summary.comment == "Good rapport; send the roof report before Friday.")
            #expect(summary.transcript?.split(separator: "\n").count == 40)
            #expect(summary.foundBy == CallSummary.Lookup(key: "dialerCallRecordId", id: 7_200_306))
            #expect(summary.raw?["recordingId"] != nil)
            #expect(Self.recordIDs(server, from: start) == ["callRecordId=7200306"], "one request when the dialer record answers")
        }
    }

    @Test func fallsBackToTheCallIDWhenTheDialerRecordHasNone() async throws {
        try await Self.withStub { server, provider in
            let start = server.state.requests.count
            let summary = try #require(try await Self.summary(provider, LoftyStubData.summaryByCallIDCall))
            #expect(summary.status == .finished)
            #expect(summary.foundBy == CallSummary.Lookup(key: "callId", id: LoftyStubData.summaryByCallIDCall))
            #expect(Self.recordIDs(server, from: start) == ["callRecordId=7200206", "callRecordId=200206"])
        }
    }

    @Test func pendingProcessingAndFailedCarryNoText() async throws {
        try await Self.withStub { _, provider in
            for (id, status) in [(LoftyStubData.summaryPendingCall, CallSummary.Status.pending),
                                 (LoftyStubData.summaryProcessingCall, .processing),
                                 (LoftyStubData.summaryFailedCall, .failed)] {
                let summary = try #require(try await Self.summary(provider, id), "\(id)")
                #expect(summary.status == status)
                #expect(summary.transcript == nil && summary.summary == nil && summary.score == nil && summary.keywords.isEmpty)
            }
        }
    }

    @Test func noSummaryIsNilAfterBothIds() async throws {
        try await Self.withStub { server, provider in
            var start = server.state.requests.count
            let unrecorded = try await Self.summary(provider, LoftyStubData.unrecordedCall)
            #expect(unrecorded == nil)
            #expect(Self.recordIDs(server, from: start) == ["callRecordId=7200305", "callRecordId=200305"])
            // A manual call has no dialer record: only its own id is asked.
            start = server.state.requests.count
            let manual = try await Self.summary(provider, LoftyStubData.manualCall)
            #expect(manual == nil)
            #expect(Self.recordIDs(server, from: start) == ["callRecordId=200201"])
        }
    }

    @Test func refusalsInsideAndOutsideHTTP200() async throws {
        try await Self.withStub { server, provider in
            let failing = try await provider.call(id: CallID(LoftyStubData.summaryServiceErrorCall))
            let start = server.state.requests.count
            await #expect(throws: ProviderError.badRequest(
                status: 200, message: "Lofty code 50001: AI summary service unavailable")) {
                try await provider.summary(forCall: failing)
            }
            #expect(Self.recordIDs(server, from: start).count == 1, "a refusal is not retried nor sent with the other id")

            // PERMISSION_DENIED for both ids of a call in the restricted lead (its call is listed by id 200400).
            let denied = Call(id: CallID(200_400), raw: .object([JSONField("dialerCallRecordId", .integer(7_200_400))]))
            await #expect(throws: ProviderError.noAccess("call 200400")) { try await provider.summary(forCall: denied) }
            await #expect(throws: ProviderError.noAccess("call \(LoftyStubData.deniedCall)")) {
                try await provider.summary(forCall: Call(id: CallID(LoftyStubData.deniedCall)))
            }
            let before = server.state.requests.count
            await #expect(throws: ProviderError.self) { try await provider.summary(forCall: Call(id: CallID("abc"))) }
            #expect(server.state.requests.count == before, "a bad id is refused before any request")
        }
    }

    @Test func decodingEveryShape() throws {
        func decode(_ json: String) throws -> CallSummary? {
            try LoftySummaryDecoder.summary(from: Array(json.utf8), recordID: 5, subject: "call 5")
        }
        #expect(try decode(#"{"status":{"code":0,"msg":"success"},"data":null}"#) == nil)
        #expect(try decode(#"{"status":{"code":0},"data":{"status":7}}"#)?.status == .other(7))
        let full = try #require(try decode(
            #"{"status":{"code":0},"data":{"id":12345678901234567,"recordingId":"r9","status":2,"userId":4,"text":"A: hi\nB: yo","summary":"S","keywords":"a, b","score":"4.5","comment":""}}"#))
        #expect(full.summaryID == "12345678901234567" && full.recordingID == "r9" && full.userID == "4")
        #expect(full.keywords == ["a", "b"] && full.score == 4.5 && full.scoreText == "4.5")
        #expect(full.comment == nil, "an empty comment is none")
        #expect(full.transcript == "A: hi\nB: yo")
        #expect(throws: ProviderError.noAccess("call 5")) { try decode(#"{"status":{"code":20017,"msg":"PERMISSION_DENIED"},"data":null}"#) }
        #expect(throws: ProviderError.notFound("call 5")) { try decode(#"{"status":{"code":20006,"msg":"not found"}}"#) }
        #expect(throws: ProviderError.self) { try decode(#"{"status":{"code":0},"data":{"summary":"no status"}}"#) }
        #expect(throws: ProviderError.self) { try decode(#"{"status":{"code":0},"data":[1]}"#) }
        #expect(throws: ProviderError.self) { try decode("not json") }
    }

    @Test func otherVendorsDoNotOfferSummaries() async throws {
        let skipcall = try SkipcallProvider(baseURL: "http://127.0.0.1:9", token: AccessToken("sk_test_x"))
        #expect(!skipcall.descriptor.offersSummaries)
        await #expect(throws: ProviderError.unsupported("AI call summaries are not offered by Skipcall")) {
            try await skipcall.summary(forCall: Call(id: CallID("123e4567-e89b-12d3-a456-426614174000")))
        }
    }
}
