import Foundation

/// Runs a built binary to completion with a clean environment and captures its
/// output through files (no pipe buffer can stall it). Polls for the exit with
/// a deadline; a process past the deadline is killed and reported.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutLines: [String] { stdout.split(whereSeparator: \.isNewline).map(String.init) }
}

enum CommandRunner {
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        deadline: Duration = .seconds(120)
    ) async throws -> CommandResult {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outURL = dir.url.appendingPathComponent("stdout")
        let errURL = dir.url.appendingPathComponent("stderr")
        let inURL = dir.url.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let end = ContinuousClock.now + deadline
        while process.isRunning {
            if ContinuousClock.now > end {
                process.terminate()
                throw SupportError("\(executable) \(arguments.joined(separator: " ")) ran past \(deadline)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        try? out.close()
        try? err.close()
        try? input.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
