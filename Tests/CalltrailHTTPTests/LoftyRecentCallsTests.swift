import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// Recent calls across leads (`GET /v2.0/communication/agent`) over loopback
/// against the stand-in: window by window, opaque cursors, empty last pages, the
/// team view refused to an agent's token, and never a call twice.
@Suite struct LoftyRecentCallsTests {
    static let token = LoftyProviderTests.token
    static let agentToken = "lofty-agent-token-0002"
    /// The end of the stand-in's newest day (its newest call is 2026-04-22 10:15 UTC).
    static let until = Date(timeIntervalSince1970: 1_776_902_399.999)
    static let data = LoftyStubData()

    static func withStub(_ body: (StubServer) async throws -> Void) async throws {
        let routes = LoftyStubRoutes(token: token, options: .init(agentToken: agentToken))
        try await StubServer.running(StubState(vendors: [routes]), body)
    }

    static func walk(
        _ provider: LoftyProvider, _ query: RecentCallsQuery, limit: Int
    ) async throws -> (calls: [Call], pages: [RecentCallPage]) {
        var calls: [Call] = []
        var pages: [RecentCallPage] = []
        var cursor: PageCursor?
        repeat {
            let page = try await provider.recentCalls(query, after: cursor, limit: limit)
            pages.append(page)
            calls += page.calls
            cursor = page.next
        } while cursor != nil
        return (calls, pages)
    }

    static func expected(team: Bool, since: Date? = nil) -> [String] {
        let floor = since.map { Int64(($0.timeIntervalSince1970 * 1_000).rounded(.down)) } ?? Int64.min
        let top = Int64((until.timeIntervalSince1970 * 1_000).rounded(.down))
        return data.communications
            .filter { $0.time <= top && $0.time >= floor && (team || $0.userID == LoftyStubData.callerUserID) }
            .map { String($0.id) }
    }

    static func parameter(_ name: String, _ query: String) -> Int64? {
        query.split(separator: "&").first { $0.hasPrefix(name + "=") }.flatMap { Int64($0.dropFirst(name.count + 1)) }
    }

    @Test func theTeamsWholeHistoryComesWindowByWindowNewestFirstAndNeverTwice() async throws {
        try await Self.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            let (calls, pages) = try await Self.walk(provider, RecentCallsQuery(until: Self.until, team: true), limit: 250)
            let ids = calls.map(\.id.rawValue)
            #expect(ids.count > 3_000)
            #expect(ids == Self.expected(team: true))
            #expect(Set(ids).count == ids.count, "no call twice")
            #expect(pages.dropLast().allSatisfy { !$0.calls.isEmpty }, "only the last page may be empty")
            // Jane Cooper's calls reach back ~10 months, then four quiet windows end the walk.
            let stop = try #require(pages.last?.stop)
            #expect(stop.quietDays == 360)
            let requests = server.state.requests.filter { $0.path == "/v2.0/communication/agent" }
            let windows = requests.compactMap { request in
                Self.parameter("startTime", request.query).flatMap { start in Self.parameter("endTime", request.query).map { (start, $0) } }
            }
            #expect(windows.count == requests.count)
            #expect(windows.allSatisfy { $0.1 - $0.0 < 90 * 86_400_000 }, "at most 90 days a request")
            let distinct = windows.reduce(into: [(Int64, Int64)]()) { if $0.last?.0 != $1.0 { $0.append($1) } }
            #expect(distinct.count >= 8, "four windows with calls, four quiet ones")
            for (newer, older) in zip(distinct, distinct.dropFirst()) {
                #expect(older.1 == newer.0 - 1, "windows meet without overlapping")
            }
            #expect(requests.allSatisfy { $0.query.contains("type=CALL") && $0.query.contains("teamView=true") })
            #expect(requests.allSatisfy { $0.authorization })
        }
    }

    @Test func theCallersOwnCallsSinceADateAndAnEmptyLastPage() async throws {
        try await Self.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            let since = Self.until.addingTimeInterval(-10 * 86_400)
            // Pages of one: every page is full, so each window ends with Lofty's empty last page.
            let (calls, pages) = try await Self.walk(provider, RecentCallsQuery(since: since, until: Self.until), limit: 1)
            let expected = Self.expected(team: false, since: since)
            #expect(!expected.isEmpty)
            #expect(calls.map(\.id.rawValue) == expected)
            #expect(pages.last?.stop == nil, "a walk with since ends there, not for quiet")
            let requests = server.state.requests.filter { $0.path == "/v2.0/communication/agent" }
            #expect(requests.count == expected.count + 1, "one request per call and the empty last page")
            #expect(requests.allSatisfy { $0.query.contains("teamView=false") && $0.query.contains("limit=1") })
            #expect(requests.compactMap { Self.parameter("startTime", $0.query) }.allSatisfy {
                $0 == Int64((since.timeIntervalSince1970 * 1_000).rounded(.down))
            })
            #expect(requests.dropFirst().allSatisfy { $0.query.contains("cursor=") })
            // The entries are read as calls: lead, time, outcome, duration from its string.
            let first = try #require(calls.first)
            #expect(first.leadID != nil && first.startTime != nil && first.outcome != nil && first.duration != nil)
            #expect(first.details.contains { $0.key == "agentId" && $0.value == .integer(LoftyStubData.callerUserID) })
        }
    }

    @Test func anAgentsTokenMayNotUseTheTeamView() async throws {
        try await Self.withStub { server in
            let provider = try LoftyProviderTests.provider(server, token: Self.agentToken)
            await #expect(throws: ProviderError.noAccess("the team's recent calls")) {
                try await provider.recentCalls(RecentCallsQuery(until: Self.until, team: true), after: nil, limit: 50)
            }
            let own = try await provider.recentCalls(RecentCallsQuery(until: Self.until), after: nil, limit: 50)
            #expect(own.calls.count == 50)
        }
    }

    @Test func aServerThatRepeatsOrStraysNeverShowsACallTwice() async throws {
        // Window one: a page, then the same page again under a new cursor, a call outside
        // the window, then the end; window two (with since) repeats the newest call.
        let t0: Int64 = 1_776_852_900_000
        func entry(_ id: Int64, _ time: Int64) -> String {
            #"{"id":\#(id),"leadId":7,"agentId":1,"direction":"Outbound","callOutcome":"Talked","callDuration":"00:02:05","status":"Completed","communicationTime":\#(time),"communicationType":"AUTO","eventType":"CALL","fromPond":false}"#
        }
        let page1 = #"{"data":[\#(entry(3, t0)),\#(entry(2, t0)),\#(entry(1, t0 - 1000))],"nextCursor":"a b/c"}"#
        let repeated = #"{"data":[\#(entry(2, t0)),\#(entry(1, t0 - 1000)),\#(entry(9, t0 + 99_000_000_000))],"nextCursor":"zz"}"#
        let end = #"{"data":[],"nextCursor":null}"#
        let older = #"{"data":[\#(entry(3, t0)),\#(entry(5, t0 - 91 * 86_400_000))],"nextCursor":null}"#
        let transport = ScriptedTransport([.reply(200, [], page1), .reply(200, [], repeated), .reply(200, [], end), .reply(200, [], older)])
        let provider = try LoftyProvider(baseURL: "https://api.example", token: AccessToken("t"), authScheme: .bearer, transport: transport)
        let query = RecentCallsQuery(since: Date(timeIntervalSince1970: Double(t0) / 1_000 - 120 * 86_400),
                                     until: Date(timeIntervalSince1970: Double(t0 + 1_000) / 1_000))
        var ids: [String] = []
        var cursor: PageCursor?
        repeat {
            let page = try await provider.recentCalls(query, after: cursor, limit: 3)
            ids += page.calls.map(\.id.rawValue)
            cursor = page.next
        } while cursor != nil
        #expect(ids == ["3", "2", "1", "5"])
        #expect(transport.requestCount == 4)
        #expect(transport.sent[1].url.contains("cursor=a%20b%2Fc") || transport.sent[1].url.contains("cursor=a+b%2Fc"))
    }

    @Test func entriesDecodeLeniently() throws {
        let body = #"{"data":[{"id":5,"leadId":"x","callDuration":"125","communicationTime":"2026-04-22 10:15:00","communicationType":"MANUAL","novel":1}],"nextCursor":""}"#
        let page = try LoftyRecentDecoder.page(from: Array(body.utf8))
        let (entries, next) = (page.entries, page.next)
        #expect(next == nil)
        let call = try #require(entries.first?.call)
        #expect(call.duration == 125 && call.isManual && call.leadID == nil)
        #expect(entries.first?.time == 1_776_852_900_000)
        #expect(call.otherFields.map(\.key) == ["leadId", "novel"])
        #expect(throws: ProviderError.self) { try LoftyRecentDecoder.page(from: Array(#"{"data":{}}"#.utf8)) }
        let unreadable = try LoftyRecentDecoder.page(from: Array(#"{"data":[{"leadId":1}]}"#.utf8))
        #expect(unreadable.entries.count == 1 && unreadable.entries.first?.call.unreadable != nil, "shown as unreadable, not dropped")
    }
}
