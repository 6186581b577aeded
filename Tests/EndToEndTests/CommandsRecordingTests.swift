import Foundation
import Testing

/// `calltrail recording`: the URL, a download without the token (resumed), no
/// recording, refusals and bad ids, with the same exit statuses as the other commands.
@Suite struct CommandsRecordingTests {
    @Test func printsTheURLAndDownloadsWithoutTheToken() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let lofty = ["--provider", "lofty", "--base-url", stub.baseURL]
        let printed = try await Calltrail.run(["recording", "200306"] + lofty)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix(stub.baseURL + "/recordings/lofty/200306.mp3?expires="))
        #expect(printed.stdout.hasSuffix("\n") && printed.stdoutLines.count == 1)

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appendingPathComponent("call.mp3").path
        let downloaded = try await Calltrail.run(["recording", "200306", "--output", file] + lofty)
        #expect(downloaded.status == 0, "\(downloaded.stderr)")
        #expect(downloaded.stdout.isEmpty)
        #expect(downloaded.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let whole = try #require(FileManager.default.contents(atPath: file))
        #expect(whole.count >= 160 * 1024 && whole.prefix(3) == Data("ID3".utf8))

        // Cut it short: the next run continues it with a range request.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 50_000)
        try handle.close()
        let resumed = try await Calltrail.run(["recording", "200306", "-o", file] + lofty)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(FileManager.default.contents(atPath: file) == whole)

        let log = try await stub.requests()
        let audio = log.filter { $0.path.hasPrefix("/recordings/") }
        #expect(audio.count == 2)
        #expect(audio.allSatisfy { $0.authorization == false }, "the token never goes to the recording host")
        #expect(audio.last?.range == "bytes=50000-")
        #expect(log.filter { $0.path.hasPrefix("/v1.0/") }.allSatisfy { $0.authorization == true })
    }

    @Test func noRecordingExpiredLinksRefusalsAndBadIds() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let lofty = ["--provider", "lofty", "--base-url", stub.baseURL]
        let none = try await Calltrail.run(["recording", "200305"] + lofty)
        #expect(none.status == 3)
        #expect(none.stderr == "calltrail: call 200305 has no recording\n")
        #expect(none.stdout.isEmpty)

        let denied = try await Calltrail.run(["recording", "200999"] + lofty)
        #expect(denied.status == 3)
        #expect(denied.stderr == "calltrail: no access to call 200999 or it does not exist\n")

        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let expired = try await Calltrail.run(["recording", "200212", "--output", dir.url.appendingPathComponent("x.mp3").path] + lofty)
        #expect(expired.status == 3)
        #expect(expired.stderr.contains("refused the link (HTTP 403)"))

        let before = try await stub.requests().count
        let bad = try await Calltrail.run(["recording", "12ab"] + lofty)
        #expect(bad.status == 65)
        #expect(bad.stderr == "calltrail: \"12ab\" is not a Lofty call id (a positive whole number)\n")
        let skipcall = try await Calltrail.run(
            ["recording", "123e4567-e89b-12d3-a456-426614174000", "--provider", "skipcall", "--base-url", stub.baseURL + "/skipcall/v1"])
        #expect(skipcall.status == 64)
        #expect(skipcall.stderr == "calltrail: recordings are not offered by Skipcall\n")
        #expect(try await stub.requests().count == before, "refused before any request")
    }

    @Test func nectarDesk() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let nectar = try await Calltrail.run(
            ["recording", "980001", "--provider", "nectardesk", "--base-url", stub.baseURL + "/nectardesk/v1"])
        // 980001, the big contact's newest call, was answered and recorded.
        #expect(nectar.status == 0, "\(nectar.stderr)")
        #expect(nectar.stdout.hasPrefix(stub.baseURL + "/recordings/nectardesk/980001.mp3?expires="))
    }

    /// The demo's first recorded and first unrecorded call of its first lead.
    static func demoCalls(environment: [String: String]) async throws -> (recorded: String, unrecorded: String) {
        let listed = try await Calltrail.run(
            ["calls", "--lead", "100001", "--provider", "demo", "--format", "json"], extraEnvironment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        struct Listed: Decodable {
            struct Details: Decodable { var recordingSwitch: Bool? }
            var id: Int64
            var details: Details?
        }
        let calls = try listed.stdoutLines.map { try JSONDecoder().decode(Listed.self, from: Data($0.utf8)) }
        let recorded = try #require(calls.first { $0.details?.recordingSwitch == true })
        let unrecorded = try #require(calls.first { $0.details?.recordingSwitch == false })
        return (String(recorded.id), String(unrecorded.id))
    }

    /// On the demo: the URL of a WAV it wrote into the cache, and --output copies
    /// it with the download's rules (resumed, complete left alone, larger refused).
    @Test func theDemoPrintsAFileURLAndOutputCopiesTheWAV() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let environment = ["XDG_CACHE_HOME": dir.path + "/cache"]
        let demo = ["--provider", "demo"]
        let (recorded, unrecorded) = try await Self.demoCalls(environment: environment)

        let printed = try await Calltrail.run(["recording", recorded] + demo, extraEnvironment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        let cached = dir.path + "/cache/calltrail/demo-recordings/\(recorded).wav"
        #expect(printed.stdout == "file://\(cached)\n")
        let audio = try #require(FileManager.default.contents(atPath: cached), "the URL names a file that exists")

        let file = dir.url.appendingPathComponent("call.wav").path
        let downloaded = try await Calltrail.run(["recording", recorded, "--output", file] + demo, extraEnvironment: environment)
        #expect(downloaded.status == 0, "\(downloaded.stderr)")
        #expect(downloaded.stdout.isEmpty && downloaded.stderr.isEmpty)
        let whole = try #require(FileManager.default.contents(atPath: file))
        #expect(whole == audio)
        #expect(whole.prefix(4) == Data("RIFF".utf8) && whole.dropFirst(8).prefix(8) == Data("WAVEfmt ".utf8))
        #expect(whole.count > 20_000 && whole.count <= 100_000, "\(whole.count) bytes")
        // The RIFF size field is the file's size less 8; the data chunk fills the rest.
        let riffSize = whole.dropFirst(4).prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        let dataSize = whole.dropFirst(40).prefix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(riffSize == whole.count - 8 && dataSize == whole.count - 44)

        // Cut short: continued. Whole: left alone. Longer than the recording: refused, untouched.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 1_000)
        try handle.close()
        let resumed = try await Calltrail.run(["recording", recorded, "-o", file] + demo, extraEnvironment: environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(FileManager.default.contents(atPath: file) == whole)
        let again = try await Calltrail.run(["recording", recorded, "-o", file] + demo, extraEnvironment: environment)
        #expect(again.status == 0)
        #expect(again.stderr == "calltrail: \(file) already holds the whole recording (\(whole.count) bytes)\n")
        let longer = whole + Data("more".utf8)
        try longer.write(to: URL(fileURLWithPath: file))
        let refused = try await Calltrail.run(["recording", recorded, "-o", file] + demo, extraEnvironment: environment)
        #expect(refused.status == 7)
        #expect(refused.stderr.contains("more than the recording's \(whole.count); remove it or choose another file"))
        #expect(FileManager.default.contents(atPath: file) == longer)

        let none = try await Calltrail.run(["recording", unrecorded] + demo, extraEnvironment: environment)
        #expect(none.status == 3)
        #expect(none.stderr == "calltrail: call \(unrecorded) has no recording\n")

        // A cache that cannot be written: said, with what to do (exit 78, a configuration problem).
        try Data().write(to: URL(fileURLWithPath: dir.path + "/not-a-directory"))
        let unwritable = try await Calltrail.run(
            ["recording", recorded] + demo, extraEnvironment: ["XDG_CACHE_HOME": dir.path + "/not-a-directory"])
        #expect(unwritable.status == 78)
        #expect(unwritable.stderr.hasPrefix("calltrail: cannot write the demo's recordings to \(dir.path)/not-a-directory/calltrail/demo-recordings: "))
        #expect(unwritable.stdout.isEmpty)
    }
}
