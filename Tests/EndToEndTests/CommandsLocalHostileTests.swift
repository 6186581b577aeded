import Foundation
import Testing

/// Local hostile conditions for the commands: output that cannot be written,
/// endless standard input, base URLs that carry a secret or an impossible port.
@Suite struct CommandsLocalHostileTests {
    static var calltrail: String { (try? BuiltProducts.path(of: "calltrail")) ?? "calltrail" }

    func shell(_ script: String) async throws -> CommandResult {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        return try await CommandRunner.run("/bin/bash", ["-c", script], environment: Calltrail.environment(home: home.path))
    }

    @Test func aFullDeviceIsAnErrorNotSuccess() async throws {
        let result = try await shell("'\(Self.calltrail)' leads --format json > /dev/full")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr == "calltrail: cannot write the output: No space left on device\n")
    }

    @Test func helpThatCannotBeWrittenIsAnErrorToo() async throws {
        // Help goes through C's buffered stdout (ArgumentParser's print), written only at exit.
        for arguments in ["--help", "leads --help", "--version"] {
            let result = try await shell("'\(Self.calltrail)' \(arguments) > /dev/full")
            #expect(result.status == 74, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "calltrail: cannot write the output: No space left on device\n", "\(arguments)")
        }
        let fine = try await shell("'\(Self.calltrail)' --help > /dev/null")
        #expect(fine.status == 0 && fine.stderr.isEmpty, "\(fine.stderr)")
    }

    @Test func aFileSizeLimitIsAnErrorNotACoreDumpOrSuccess() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // bash's ulimit -f counts 1024-byte blocks; the demo's leads as JSON are far larger.
        let result = try await shell("ulimit -f 1; '\(Self.calltrail)' leads --format json > '\(directory.path)/out'")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr == "calltrail: cannot write the output: File too large\n")
        let written = try FileManager.default.attributesOfItem(atPath: directory.path + "/out")[.size] as? Int
        #expect(written == 1024)
    }

    @Test func endlessStandardInputForAWebhookIsCappedAt32MiB() async throws {
        let result = try await shell("'\(Self.calltrail)' webhook - --provider lofty < /dev/zero")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr == "calltrail: standard input holds more than 32 MiB; a webhook payload is at most that large\n")
        // Exactly the cap is still read (and then judged as a payload).
        let atCap = try await shell("head -c 33554432 /dev/zero | '\(Self.calltrail)' webhook - --provider lofty")
        #expect(atCap.status == 65)
        #expect(!atCap.stderr.contains("32 MiB"), "\(atCap.stderr)")
    }

    @Test func aBaseURLWithCredentialsIsRefusedWithoutPrintingThem() async throws {
        for url in ["https://user:SECRET@api.lofty.com", "http://user:SECRET@127.0.0.1:99999", "https://user:SECRET@"] {
            let result = try await Calltrail.run(["calls", "--provider", "lofty", "--base-url", url, "--lead", "100002"])
            #expect(result.status == 65, "\(url): \(result.stderr)")
            #expect(!result.stderr.contains("SECRET") && !result.stdout.contains("SECRET"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func aPortOutsideOneTo65535IsRefusedNotATrap() async throws {
        for url in ["http://127.0.0.1:99999", "https://api.lofty.com:65979", "http://127.0.0.1:0"] {
            let result = try await Calltrail.run(["calls", "--provider", "lofty", "--base-url", url, "--lead", "100002"])
            #expect(result.status == 65, "\(url): status \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("a port is a number from 1 to 65535"), "\(result.stderr)")
        }
    }

    @Test func hugeValuesCutOnScreenArePrintedWholeAsJSON() async throws {
        let stub = try await StubAPIProcess(arguments: ["--lofty-huge-values"])
        defer { stub.stop() }
        let result = try await Calltrail.run(["call", "200612", "--provider", "lofty", "--base-url", stub.baseURL, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        // Measured in the bytes (a 10 MiB JSON parse would hold up the suite's other tests).
        func stringValue(after key: String) -> Substring.UTF8View? {
            let bytes = result.stdout.utf8
            guard let range = result.stdout.range(of: "\"\(key)\":\"") else { return nil }
            let rest = bytes[range.upperBound...]
            guard let end = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return rest[..<end]
        }
        #expect(stringValue(after: "note").map { String(Substring($0)).count } == 30_000)
        #expect(stringValue(after: "transcriptBlob")?.count == 10 * 1_048_576)
        #expect(!result.stdout.contains("cut for display"))
    }
}
