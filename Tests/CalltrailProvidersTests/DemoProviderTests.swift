import CalltrailModel
import Foundation
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
        let cache = DemoRecordingCache(directory: Self.temporaryDirectory() + "/calltrail/demo-recordings")
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        let recording = DemoProvider(seed: 1, latency: .zero, recordingCache: cache)
        for call in recorded.prefix(3) {
            let link = try #require(try await recording.recording(forCall: call.id))
            #expect(link.url == "file://\(cache.directory)/\(call.id.rawValue).wav")
            #expect(link.localPath == "\(cache.directory)/\(call.id.rawValue).wav")
            #expect(link.validFor == .seconds(3_600))
        }
        for call in unrecorded.prefix(3) {
            #expect(try await recording.recording(forCall: call.id) == nil)
        }
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("calltrail-demo-\(UUID().uuidString)").path
    }

    /// The file a recorded call's link names: a small, valid WAV made from the
    /// call id (the same bytes every run, other calls sound different), in a
    /// private directory, written again when it was damaged.
    @Test func aRecordingIsASmallWAVFileInAPrivateCacheDirectory() async throws {
        let root = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = DemoRecordingCache(directory: root + "/calltrail/demo-recordings")
        let demo = DemoProvider(seed: 1, latency: .zero, recordingCache: cache)
        let page = try await demo.calls(forLead: LeadID(100_001), after: nil, limit: 60)
        let recorded = page.calls.filter { $0.hasRecording == true }.prefix(2)
        var files: [[UInt8]] = []
        for call in recorded {
            let path = try #require(try await demo.recording(forCall: call.id)?.localPath)
            let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
            #expect(bytes.count > 20_000 && bytes.count <= 100_000, "\(bytes.count) bytes")
            #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<16]) == Array("WAVEfmt ".utf8))
            #expect(WAVHeader(bytes) == WAVHeader(channels: 1, sampleRate: 8_000, bitsPerSample: 16, dataBytes: bytes.count - 44))
            #expect(UInt32(bytes.count - 8) == WAVHeader.uint32(bytes, at: 4), "the RIFF size is the file's")
            #expect(bytes[44...].contains { $0 != 0 }, "there is sound")
            files.append(bytes)
        }
        #expect(files.count == 2 && files[0] != files[1], "each call sounds its own")
        var info = stat()
        #expect(stat(cache.directory, &info) == 0 && info.st_mode & 0o777 == 0o700, "private")

        // Damaged or gone: written again, whole; the same bytes as before.
        let call = try #require(recorded.first)
        let path = try #require(try await demo.recording(forCall: call.id)?.localPath)
        try Data("junk".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try await demo.recording(forCall: call.id)?.localPath == path)
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == files[0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory).count == 2, "no temporary files left")
    }

    @Test func aCacheThatCannotBeWrittenSaysWhereAndWhatToDo() async throws {
        let root = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A file where the directory should be.
        try Data().write(to: URL(fileURLWithPath: root))
        let demo = DemoProvider(seed: 1, latency: .zero, recordingCache: DemoRecordingCache(directory: root + "/demo-recordings"))
        let page = try await demo.calls(forLead: LeadID(100_001), after: nil, limit: 60)
        let call = try #require(page.calls.first { $0.hasRecording == true })
        do {
            _ = try await demo.recording(forCall: call.id)
            Issue.record("a recording was written under a file")
        } catch let error as ProviderError {
            guard case .configuration(let why) = error else { Issue.record("\(error)"); return }
            #expect(why.hasPrefix("cannot write the demo's recordings to \(root)/demo-recordings: "), "\(why)")
            #expect(why.hasSuffix("; set XDG_CACHE_HOME to a writable directory"))
        }
    }

    @Test func theCacheDirectoryFollowsXDGThenHome() {
        #expect(DemoRecordingCache(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])?.directory
            == "/x/cache/calltrail/demo-recordings")
        #expect(DemoRecordingCache(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"])?.directory
            == "/home/u/.cache/calltrail/demo-recordings")
        #expect(DemoRecordingCache(environment: ["HOME": "/home/u"])?.directory == "/home/u/.cache/calltrail/demo-recordings")
        #expect(DemoRecordingCache(environment: [:]) == nil)
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

/// The fields of a canonical 44-byte WAV header that say how to play it.
struct WAVHeader: Equatable {
    var channels: Int
    var sampleRate: Int
    var bitsPerSample: Int
    var dataBytes: Int

    init(channels: Int, sampleRate: Int, bitsPerSample: Int, dataBytes: Int) {
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
        self.dataBytes = dataBytes
    }

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 44, Array(bytes[36..<40]) == Array("data".utf8), Self.uint16(bytes, at: 20) == 1 else { return nil }
        channels = Int(Self.uint16(bytes, at: 22))
        sampleRate = Int(Self.uint32(bytes, at: 24))
        bitsPerSample = Int(Self.uint16(bytes, at: 34))
        dataBytes = Int(Self.uint32(bytes, at: 40))
    }

    static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}
