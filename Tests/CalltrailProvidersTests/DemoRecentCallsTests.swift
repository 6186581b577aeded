import CalltrailModel
import Foundation
import Testing
@testable import CalltrailProviders

/// The demo's inbox is its leads' own calls merged newest first: every call of
/// every lead the user may see, once, whatever the page size.
@Suite struct DemoRecentCallsTests {
    let demo = DemoProvider(seed: 1, latency: .zero)

    func walk(_ query: RecentCallsQuery, limit: Int) async throws -> [Call] {
        var calls: [Call] = []
        var cursor: PageCursor?
        repeat {
            let page = try await demo.recentCalls(query, after: cursor, limit: limit)
            calls += page.calls
            cursor = page.next
        } while cursor != nil
        return calls
    }

    /// Every lead's timeline, joined and sorted newest first (a recount by another road).
    func everyLeadsCalls() async throws -> [Call] {
        var all: [Call] = []
        for lead in demo.demoLeads where !lead.isRestricted {
            var cursor: PageCursor?
            repeat {
                let page = try await demo.calls(forLead: lead.id, after: cursor, limit: 1_000)
                all += page.calls
                cursor = page.next
            } while cursor != nil
        }
        return all.sorted { a, b in
            DemoProvider.isNewer((a.startTime ?? .distantPast, a.id), than: (b.startTime ?? .distantPast, b.id))
        }
    }

    @Test func theWholeInboxIsEveryLeadsCallsOnceNewestFirst() async throws {
        let expected = try await everyLeadsCalls()
        #expect(expected.count > 1_000)
        let walked = try await walk(RecentCallsQuery(), limit: 97)
        #expect(walked.map(\.id) == expected.map(\.id))
        #expect(walked == expected, "the same calls the leads' timelines show")
        #expect(try await walk(RecentCallsQuery(team: true), limit: 1_000).map(\.id) == expected.map(\.id))
    }

    @Test func sinceAndUntilBoundTheWalk() async throws {
        let expected = try await everyLeadsCalls()
        let newest = try #require(expected.first?.startTime)
        let until = newest.addingTimeInterval(-5 * 86_400)
        let since = until.addingTimeInterval(-30 * 86_400)
        let walked = try await walk(RecentCallsQuery(since: since, until: until), limit: 10)
        let bounded = expected.filter { ($0.startTime ?? .distantPast) >= since && ($0.startTime ?? .distantFuture) <= until }
        #expect(!bounded.isEmpty)
        #expect(walked.map(\.id) == bounded.map(\.id))
        await #expect(throws: ProviderError.self) {
            try await demo.recentCalls(RecentCallsQuery(since: until, until: since), after: nil, limit: 10)
        }
        await #expect(throws: ProviderError.self) {
            try await demo.recentCalls(RecentCallsQuery(), after: PageCursor("12"), limit: 10)
        }
    }
}
