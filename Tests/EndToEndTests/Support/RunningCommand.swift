import Foundation

/// A built binary started in the background, its stdout going to a file that can
/// be read while it runs (to see output stream before the process ends).
final class RunningCommand {
    private let process: Process
    private let dir: TemporaryDirectory
    private let outURL: URL

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        dir = try TemporaryDirectory()
        outURL = dir.url.appendingPathComponent("stdout")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    var stdoutSoFar: String { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }

    /// Polls until `condition` holds on the output so far, or the deadline passes.
    func waitForOutput(deadline: Duration, _ condition: (String) -> Bool) async throws -> Bool {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if condition(stdoutSoFar) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition(stdoutSoFar)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        dir.remove()
    }
}
