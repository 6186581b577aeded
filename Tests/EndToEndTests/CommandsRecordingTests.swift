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
}
