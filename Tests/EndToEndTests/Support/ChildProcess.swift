import Foundation

/// Runs a short command to completion with posix_spawn, waiting at most
/// `deadline` (then it is killed and reported, so a stuck tmux client cannot hang CI).
/// Foundation's Process is avoided here: tmux's new-session leaves a daemon
/// behind, and Process on Linux could miss the client's exit (a defunct child
/// and a test that never ends). Output goes through files, not pipes, because
/// the daemon inherits the descriptors and would keep a pipe open forever.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], deadline: Duration = .seconds(30)) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.path
        let outputPath = directory + "/calltrail-child-out-\(UUID().uuidString)"
        let errorPath = directory + "/calltrail-child-err-\(UUID().uuidString)"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw LaunchFailure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        let end = ContinuousClock.now + deadline
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR { throw LaunchFailure(description: "waitpid failed for \(arguments[0])") }
            if ContinuousClock.now > end {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw LaunchFailure(description: "\(arguments.joined(separator: " ")) did not finish within \(deadline)")
            }
            usleep(2_000)  // polling the child's exit, not an assertion
        }
        // Exited normally: the low 7 bits are zero and the status is in the next byte.
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Result(status: exitStatus, output: output, errors: errors)
    }
}
