import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `calltrail-stub-api` process on a free port (it binds port 0 and prints
/// "listening on 127.0.0.1:PORT" first). Always `stop()` it.
final class StubAPIProcess: @unchecked Sendable {
    static let token = "e2e-stub-token-7f3a"

    let port: Int
    private let process: Process
    private let dir: TemporaryDirectory

    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(arguments: [String] = [], deadline: Duration = .seconds(30)) async throws {
        dir = try TemporaryDirectory()
        let outURL = dir.url.appendingPathComponent("stdout")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "calltrail-stub-api"))
        process.arguments = ["--port", "0", "--token", Self.token] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let end = ContinuousClock.now + deadline
        var found: Int? = nil
        while found == nil {
            let text = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
            if let line = text.split(separator: "\n").first, text.contains("\n") {
                guard line.hasPrefix("listening on 127.0.0.1:"), let port = Int(line.split(separator: ":").last ?? "") else {
                    process.terminate()
                    throw SupportError("calltrail-stub-api printed \"\(line)\" first")
                }
                found = port
            } else if !process.isRunning {
                throw SupportError("calltrail-stub-api exited with \(process.terminationStatus) before listening")
            } else if ContinuousClock.now > end {
                process.terminate()
                throw SupportError("calltrail-stub-api did not start listening within \(deadline)")
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        port = found ?? 0
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        dir.remove()
    }

    struct LoggedRequest: Decodable {
        var n: Int
        var method: String
        var path: String
        var query: String
        var status: Int
        var fault: String?
        /// The request carried an Authorization header.
        var authorization: Bool?
        var range: String?
    }

    /// The stand-in's request log.
    func requests() async throws -> [LoggedRequest] {
        struct Log: Decodable { var requests: [LoggedRequest] }
        guard let url = URL(string: baseURL + "/_stub/requests") else { throw SupportError("bad stub URL") }
        let (data, _) = try await URLSession.shared.data(from: url)
        return try JSONDecoder().decode(Log.self, from: data).requests
    }
}

/// Runs `calltrail` with a clean environment: an empty config dir, the token in
/// CALLTRAIL_TOKEN, nothing else from the developer's shell.
enum Calltrail {
    static func environment(token: String? = StubAPIProcess.token, home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/config", "LANG": "C.UTF-8"]
        if let token { env["CALLTRAIL_TOKEN"] = token }
        return env.merging(extra) { $1 }
    }

    static func run(
        _ arguments: [String], token: String? = StubAPIProcess.token, extraEnvironment: [String: String] = [:],
        stdin: String? = nil
    ) async throws -> CommandResult {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        return try await CommandRunner.run(
            try BuiltProducts.path(of: "calltrail"), arguments,
            environment: environment(token: token, home: home.path, extra: extraEnvironment), stdin: stdin)
    }
}
