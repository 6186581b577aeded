import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing
@testable import CalltrailHTTP

/// Recordings over loopback against the in-process stand-in: Lofty's recording
/// URLs (fresh, empty, expired, refused), NectarDesk's, and downloads from the
/// stand-in's recording host (resume, size cap, no token, stall).
@Suite struct RecordingTests {
    static let token = LoftyProviderTests.token

    static func withStub(_ body: (StubServer) async throws -> Void) async throws {
        let state = StubState(vendors: [LoftyStubRoutes(token: token), NectarDeskStubRoutes(token: token)])
        try await StubServer.running(state, body)
    }

    static func lofty(_ server: StubServer) throws -> LoftyProvider {
        try LoftyProviderTests.provider(server)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("calltrail-\(UUID().uuidString)-\(name)").path
    }

    static func contents(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }

    @Test func loftyHandsOutAnHourLongLinkToItsRecordingHost() async throws {
        try await Self.withStub { server in
            let link = try #require(try await Self.lofty(server).recording(forCall: CallID(LoftyStubData.recordedCall)))
            #expect(link.url.hasPrefix(server.baseURL + "/recordings/lofty/\(LoftyStubData.recordedCall).mp3?expires="))
            #expect(link.validFor == .seconds(3_600))
            let request = try #require(server.state.requests.last)
            #expect(request.path == "/v1.0/call/url/\(LoftyStubData.recordedCall)")
            #expect(request.authorization)
        }
    }

    @Test func anEmptyURLMeansNoRecording() async throws {
        try await Self.withStub { server in
            let provider = try Self.lofty(server)
            #expect(try await provider.recording(forCall: CallID(LoftyStubData.unrecordedCall)) == nil)
            #expect(try await provider.recording(forCall: CallID(LoftyStubData.manualCall)) == nil)
        }
    }

    @Test func refusalsMapAsForTheOtherEndpoints() async throws {
        try await Self.withStub { server in
            let provider = try Self.lofty(server)
            await #expect(throws: ProviderError.noAccess("call \(LoftyStubData.deniedCall)")) {
                try await provider.recording(forCall: CallID(LoftyStubData.deniedCall))
            }
            await #expect(throws: ProviderError.notFound("call 777777")) {
                try await provider.recording(forCall: CallID("777777"))
            }
            let before = server.state.requests.count
            await #expect(throws: ProviderError.self) { try await provider.recording(forCall: CallID("abc")) }
            #expect(server.state.requests.count == before, "a bad id is refused before any request")
        }
    }

    @Test func decodingIsStrictAboutTheURLAndLenientAboutTheRest() throws {
        func link(_ json: String) throws -> RecordingLink? { try LoftyRecordingDecoder.link(from: Array(json.utf8), call: 5) }
        #expect(try link(#"{"calls":{"id":5,"url":"https://r.example/a.mp3"}}"#)?.url == "https://r.example/a.mp3")
        #expect(try link(#"{"calls":{"id":5,"url":""}}"#) == nil)
        #expect(try link(#"{"calls":{"id":5,"url":null}}"#) == nil)
        #expect(try link(#"{"calls":{"id":5}}"#) == nil)
        for hostile in [#""file:///etc/passwd""#, #""--script=x.lua""#, #""https://a.example/x y""#,
                        #""https://user:pw@a.example/x""#, #""javascript:alert(1)""#, "7"] {
            #expect(throws: ProviderError.self, "\(hostile)") { try link(#"{"calls":{"id":5,"url":"# + hostile + "}}") }
        }
        #expect(throws: ProviderError.self) { try link(#"{"calls":{"id":6,"url":"https://r.example/a.mp3"}}"#) }
    }

    @Test func nectarDeskReadsTheCallsRecordingsAndSkipcallHasNone() async throws {
        try await Self.withStub { server in
            let nectar = try NectarDeskProvider(baseURL: server.baseURL + NectarDeskStubRoutes.prefix, token: AccessToken(Self.token))
            let data = NectarDeskStubData()
            let withRecordings = data.callsByID.filter { entry in
                if case .array(let items)? = entry.value["recordings"] { return !items.isEmpty }
                return false
            }
            let recorded = try #require(withRecordings.keys.min())
            let link = try #require(try await nectar.recording(forCall: CallID(recorded)))
            #expect(link.url.hasPrefix(server.baseURL + "/recordings/nectardesk/"))
            let call = try await nectar.call(id: CallID(recorded))
            #expect(call.hasRecording == true)

            let skipcall = try SkipcallProvider(baseURL: server.baseURL, token: AccessToken("sk_test_x"))
            #expect(!skipcall.descriptor.offersRecordings)
            await #expect(throws: ProviderError.unsupported("recordings are not offered by Skipcall")) {
                try await skipcall.recording(forCall: CallID("123e4567-e89b-12d3-a456-426614174000"))
            }
        }
    }

    @Test func downloadsWithoutTheTokenAndResumesAPartialFile() async throws {
        try await Self.withStub { server in
            let link = try #require(try await Self.lofty(server).recording(forCall: CallID(LoftyStubData.recordedCall)))
            let expected = StubRecordings.bytes(for: LoftyStubData.recordedCall)
            let path = Self.temporaryPath("whole.mp3")
            defer { try? FileManager.default.removeItem(atPath: path) }

            let whole = try await RecordingDownload().download(link, to: path)
            #expect(whole == .init(size: Int64(expected.count), resumedFrom: 0, wasComplete: false))
            #expect(Self.contents(path) == expected)
            let download = try #require(server.state.requests.last)
            #expect(download.path.hasPrefix("/recordings/"))
            #expect(!download.authorization, "the API token never goes to the recording host")
            #expect(download.range == nil)

            // A partial file is continued from where it stops.
            let cut = 70_001
            FileManager.default.createFile(atPath: path, contents: Data(expected.prefix(cut)))
            let recorder = ProgressRecorder()
            let resumed = try await RecordingDownload().download(link, to: path) { recorder.record($0) }
            #expect(resumed.resumedFrom == Int64(cut))
            #expect(Self.contents(path) == expected)
            #expect(server.state.requests.last?.range == "bytes=\(cut)-")
            #expect(recorder.all.first?.bytes == Int64(cut))
            #expect(recorder.all.last == .init(bytes: Int64(expected.count), total: Int64(expected.count)))

            // A complete file is left alone.
            let again = try await RecordingDownload().download(link, to: path)
            #expect(again.wasComplete)
            #expect(Self.contents(path) == expected)
        }
    }

    @Test func refusesARecordingOverTheCapBeforeWritingIt() async throws {
        try await Self.withStub { server in
            let link = try #require(try await Self.lofty(server).recording(forCall: CallID(LoftyStubData.recordedCall)))
            let path = Self.temporaryPath("capped.mp3")
            defer { try? FileManager.default.removeItem(atPath: path) }
            await #expect(throws: RecordingDownloadError.tooLarge(limit: 100_000, size: Int64(StubRecordings.bytes(for: LoftyStubData.recordedCall).count))) {
                try await RecordingDownload(maximumBytes: 100_000).download(link, to: path)
            }
            #expect(Self.contents(path).isEmpty)
            #expect(RecordingDownloadError.tooLarge(limit: 512 * 1_048_576, size: nil).description
                .contains("larger than the 512.0 MiB limit"))
        }
    }

    /// A `file://` link (the demo's) is copied with the download's rules: progress
    /// up to the size, a partial file continued, the size cap before any write.
    @Test func aLocalFileLinkIsCopiedWithTheSameRules() async throws {
        let source = Self.temporaryPath("source.wav")
        let path = Self.temporaryPath("copy.wav")
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: path)
        }
        let audio = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(audio).write(to: URL(fileURLWithPath: source))
        let link = RecordingLink(localFile: source)
        #expect(link.localPath == source && link.url == "file://" + source)
        #expect(RecordingLink(url: link.url) == nil, "a vendor's URL is never a file")

        let seen = ProgressLog()
        let result = try await RecordingDownload().download(link, to: path) { seen.append($0) }
        #expect(result == RecordingDownload.Result(size: 150_000, resumedFrom: 0, wasComplete: false))
        #expect(Self.contents(path) == audio)
        #expect(seen.all.first == RecordingDownload.Progress(bytes: 0, total: 150_000))
        #expect(seen.all.last == RecordingDownload.Progress(bytes: 150_000, total: 150_000))
        #expect(seen.all.map(\.bytes) == seen.all.map(\.bytes).sorted() && seen.all.count >= 3)

        try Data(audio.prefix(70_000)).write(to: URL(fileURLWithPath: path))
        let resumed = try await RecordingDownload().download(link, to: path)
        #expect(resumed.resumedFrom == 70_000 && Self.contents(path) == audio)

        let capped = Self.temporaryPath("capped.wav")
        await #expect(throws: RecordingDownloadError.tooLarge(limit: 100_000, size: 150_000)) {
            try await RecordingDownload(maximumBytes: 100_000).download(link, to: capped)
        }
        #expect(!FileManager.default.fileExists(atPath: capped), "refused before anything is written")
        let gone = RecordingLink(localFile: source + ".missing")
        await #expect(throws: RecordingDownloadError.self) { try await RecordingDownload().download(gone, to: capped) }
        #expect(!FileManager.default.fileExists(atPath: capped))
    }

    @Test func anExpiredLinkIsRefusedWithAdvice() async throws {
        try await Self.withStub { server in
            let link = try #require(try await Self.lofty(server).recording(forCall: CallID(LoftyStubData.expiredRecordingCall)))
            let path = Self.temporaryPath("expired.mp3")
            defer { try? FileManager.default.removeItem(atPath: path) }
            await #expect(throws: RecordingDownloadError.refused(status: 403)) {
                try await RecordingDownload().download(link, to: path)
            }
            #expect(RecordingDownloadError.refused(status: 403).description.contains("run the command again"))
        }
    }

    @Test func aStalledHostTimesOutAndTheFileCanBeResumed() async throws {
        try await Self.withStub { server in
            let fresh = try #require(try await Self.lofty(server).recording(forCall: CallID(LoftyStubData.recordedCall)))
            let stalling = try #require(RecordingLink(url: fresh.url + "&stall=1"))
            let path = Self.temporaryPath("stalled.mp3")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let started = ContinuousClock.now
            await #expect(throws: RecordingDownloadError.stalled) {
                try await RecordingDownload(stallTimeout: .milliseconds(500)).download(stalling, to: path)
            }
            #expect(ContinuousClock.now - started < .seconds(20))
            let expected = StubRecordings.bytes(for: LoftyStubData.recordedCall)
            let partial = Self.contents(path)
            #expect(partial == Array(expected.prefix(partial.count)), "what arrived is kept")
            _ = try await RecordingDownload().download(fresh, to: path)
            #expect(Self.contents(path) == expected)
        }
    }
}

final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: [RecordingDownload.Progress] = []
    func record(_ p: RecordingDownload.Progress) { lock.withLock { progress.append(p) } }
    var all: [RecordingDownload.Progress] { lock.withLock { progress } }
}

/// Progress reports as they came, from whichever thread reported them.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [RecordingDownload.Progress] = []
    func append(_ progress: RecordingDownload.Progress) { lock.withLock { reports.append(progress) } }
    var all: [RecordingDownload.Progress] { lock.withLock { reports } }
}
