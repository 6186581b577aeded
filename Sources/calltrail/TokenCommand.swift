import CalltrailHTTP
import Foundation

/// Runs the config's `token_command` (e.g. `pass show lofty`) through /bin/sh and
/// takes its first line as the token. Its output is never echoed, even on failure.
enum TokenCommand {
    static let timeout: TimeInterval = 15

    static func run(_ command: String, configPath: String) throws -> AccessToken {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ConfigurationError("config file \(configPath): token_command could not be started")
        }
        // A command that hangs (a password prompt with no terminal) must not hang calltrail.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                process.terminate()
                throw ConfigurationError(
                    "config file \(configPath): token_command did not finish within \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationStatus == 0 else {
            throw ConfigurationError(
                "config file \(configPath): token_command failed (exit status \(process.terminationStatus))")
        }
        let token = String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else {
            throw ConfigurationError("config file \(configPath): token_command printed no token")
        }
        return AccessToken(token)
    }
}
