import CalltrailModel
import Testing
@testable import CalltrailProviders

@Suite struct DemoProviderTests {
    let demo = DemoProvider(seed: 1, latency: .zero)

    @Test func sameSeedSameData() async throws {
        let other = DemoProvider(seed: 1, latency: .zero)
        let a = try await demo.calls(forLead: LeadID(100_002), after: PageCursor("700"), limit: 50)
        let b = try await other.calls(forLead: LeadID(100_002), after: PageCursor("700"), limit: 50)
        #expect(a == b)
        let c = try await DemoProvider(seed: 2, latency: .zero).calls(forLead: LeadID(100_002), after: PageCursor("700"), limit: 50)
        #expect(a.calls.map(\.note) != c.calls.map(\.note) || a.calls.map(\.duration) != c.calls.map(\.duration))
    }

    @Test func talkedDialledCallsHaveRecordingsTheRestNone() async throws {
        #expect(demo.descriptor.offersRecordings)
        let page = try await demo.calls(forLead: LeadID(100_001), after: nil, limit: 60)
        let recorded = page.calls.filter { $0.hasRecording == true }
        let unrecorded = page.calls.filter { $0.hasRecording == false }
        #expect(!recorded.isEmpty && !unrecorded.isEmpty)
        #expect(recorded.allSatisfy { $0.outcome == .talked && !$0.isManual })
        for call in recorded.prefix(3) {
            let link = try #require(try await demo.recording(forCall: call.id))
            #expect(link.url == DemoProvider.recordingURL(call.id))
            #expect(link.validFor == .seconds(3_600))
        }
        for call in unrecorded.prefix(3) {
            #expect(try await demo.recording(forCall: call.id) == nil)
        }
    }

    @Test func recordedCallsHaveSummariesInEveryStateTheSameEachRun() async throws {
        #expect(demo.descriptor.offersSummaries)
        let page = try await demo.calls(forLead: LeadID(100_002), after: nil, limit: 200)
        var seen: [CallSummary.Status: Int] = [:]
        for call in page.calls {
            let summary = try await demo.summary(forCall: call)
            #expect((summary != nil) == (call.hasRecording == true), "only recorded calls have one")
            guard let summary else { continue }
            seen[summary.status, default: 0] += 1
            #expect((summary.transcript != nil) == (summary.status == .finished))
            if summary.status == .finished {
                #expect(summary.summary != nil && !summary.keywords.isEmpty && summary.score != nil)
                #expect((summary.transcript?.split(separator: "\n").count ?? 0) >= 12)
            }
            #expect(try await DemoProvider(seed: 1, latency: .zero).summary(forCall: call) == summary, "deterministic")
        }
        for status in [CallSummary.Status.pending, .processing, .failed, .finished] {
            #expect((seen[status] ?? 0) > 0, "\(status) among \(seen)")
        }
        #expect((seen[.finished] ?? 0) > (seen[.pending] ?? 0))
    }

    @Test func aboutFiftyLeadsWithOneOfFiftyThousandCallsAndOneEmpty() async throws {
        let page = try await demo.leads(matching: nil, after: nil, limit: 100)
        #expect(page.leads.count == 50)
        #expect(page.next == nil)
        let counts = page.leads.compactMap { demo.callCount(forLead: $0.id) }
        #expect(counts.max() == 50_000)
        #expect(counts.contains(0))
    }

    @Test func pagesJoinWithoutGapOrOverlapNewestFirstAndEndWithNilCursor() async throws {
        let lead = LeadID(100_001)  // 1,204 calls
        var cursor: PageCursor?
        var calls: [Call] = []
        var requests = 0
        repeat {
            let page = try await demo.calls(forLead: lead, after: cursor, limit: 100)
            calls += page.calls
            cursor = page.next
            requests += 1
        } while cursor != nil
        #expect(requests == 13)
        #expect(calls.count == 1_204)
        #expect(Set(calls.map(\.id)).count == 1_204)
        let times = calls.compactMap(\.startTime)
        #expect(times.count == calls.count)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func everyOutcomeStatusAndDirectionAndManualCallsWithoutDialerFields() async throws {
        let page = try await demo.calls(forLead: LeadID(100_002), after: nil, limit: 1_000)
        let outcomes = Set(page.calls.compactMap(\.outcome))
        for outcome in CallOutcome.known { #expect(outcomes.contains(outcome)) }
        #expect(outcomes.contains { if case .other = $0 { true } else { false } })
        let statuses = Set(page.calls.compactMap(\.status))
        for status in [CallStatus.completed, .missed, .failed, .busy, .noAnswer, .voiceMail] { #expect(statuses.contains(status)) }
        let directions = Set(page.calls.compactMap(\.direction))
        #expect(directions.contains(.inbound) && directions.contains(.outbound))
        let manual = page.calls.filter(\.isManual)
        #expect(!manual.isEmpty)
        #expect(manual.allSatisfy { $0.status == nil && !$0.details.contains { $0.key == "dialerCallRecordId" } })
        #expect(page.calls.contains { !$0.otherFields.isEmpty })
        let notes = page.calls.compactMap(\.note)
        #expect(notes.contains { $0.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0x2000 } })
        #expect(notes.contains { $0.contains("内覧") })
        #expect(notes.contains { $0.count > 200 })
    }

    @Test func deepPageOfAMillionCallLeadAndLookupByID() async throws {
        let (big, lead) = demo.addingLead(callCount: 1_000_000)
        let page = try await big.calls(forLead: lead, after: PageCursor("999950"), limit: 100)
        #expect(page.calls.count == 50)
        #expect(page.next == nil)
        let last = try #require(page.calls.last)
        let fetched = try await big.call(id: last.id)
        #expect(fetched == last)
        #expect(last.id.int64Value.map { $0 > 9_007_199_254_740_992 } == true)
    }

    @Test func searchByNameOrPhoneAndRestrictedLeadSaysNoAccess() async throws {
        let byName = try await demo.leads(matching: "jane COOPER", after: nil, limit: 10)
        #expect(byName.leads.map(\.displayName) == ["Jane Cooper"])
        let phone = try #require(byName.leads.first?.phones.first)
        let byPhone = try await demo.leads(matching: String(phone.suffix(7)), after: nil, limit: 10)
        #expect(byPhone.leads.contains { $0.id == byName.leads[0].id })
        await #expect(throws: ProviderError.noAccess("lead 100007")) {
            try await demo.calls(forLead: LeadID(100_007), after: nil, limit: 10)
        }
        await #expect(throws: ProviderError.self) {
            try await demo.calls(forLead: LeadID(100_001), after: PageCursor("nonsense"), limit: 10)
        }
    }

    @Test func latencyIsCancellable() async throws {
        let slow = DemoProvider(seed: 1, latency: .seconds(60))
        let task = Task { try await slow.calls(forLead: LeadID(100_001), after: nil, limit: 10) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
