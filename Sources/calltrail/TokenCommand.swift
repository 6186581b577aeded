import CalltrailHTTP
import Foundation

/// Runs the config's `token_command` (e.g. `pass show lofty`) through /bin/sh and
/// takes its first line as the token. Its output is never echoed, even on failure.
/// The command runs in a process group of its own, its output is read while it
/// runs (a pipe holds only 64 KB), and on timeout the whole group is killed, so
/// nothing it started outlives calltrail.
enum TokenCommand {
    static let timeout: Duration = .seconds(15)
    /// Output kept; the rest is read and dropped so the command never blocks on a full pipe.
    static let maximumOutput = 1 << 20

    static func run(_ command: String, configPath: String, timeout: Duration = timeout) throws -> AccessToken {
        func failure(_ why: String) -> ConfigurationError { ConfigurationError("config file \(configPath): token_command \(why)") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw failure("could not be started (no pipe)") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        defer { close(readEnd) }
        let pid: pid_t
        do {
            defer { close(writeEnd) }
            pid = try spawn(command, output: writeEnd, closing: readEnd)
        } catch {
            throw failure("could not be started")
        }
        let deadline = ContinuousClock.now + timeout
        var output: [UInt8] = []
        var outcome = readOutput(from: readEnd, into: &output, until: deadline)
        var status: Int32 = 0
        if outcome == .finished { outcome = waitForExit(pid, status: &status, until: deadline) }
        guard outcome == .finished else {
            // The group's id is the shell's pid (POSIX_SPAWN_SETPGROUP with 0).
            kill(-pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            throw failure("did not finish within \(timeout.components.seconds) s (stopped it and everything it started)")
        }
        let exited = (status & 0x7F) == 0
        guard exited, (status >> 8) & 0xFF == 0 else {
            throw failure(exited ? "failed (exit status \((status >> 8) & 0xFF))" : "was killed by signal \(status & 0x7F)")
        }
        // The first line, even when it is empty: a blank first line is an error, not a reason to take the second.
        let firstLine = output.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let token = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw failure(output.isEmpty ? "printed no token" : "printed an empty first line (the token must be on the first line)")
        }
        return AccessToken(token)
    }

    enum Outcome { case finished, timedOut }

    /// `/bin/sh -c command` with stdout on `output`, stdin and stderr on /dev/null,
    /// default signal handling (NIO ignores SIGPIPE) and a new process group.
    private static func spawn(_ command: String, output: Int32, closing readEnd: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, output)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }

    /// Reads until end of file (every writer closed it) or the deadline.
    private static func readOutput(from descriptor: Int32, into output: inout [UInt8], until deadline: ContinuousClock.Instant) -> Outcome {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return .timedOut }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(1_000, max(1, left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000)))
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 && errno != EINTR { return .finished }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .finished }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .finished
            }
            if output.count < maximumOutput { output.append(contentsOf: buffer[0..<min(count, maximumOutput - output.count)]) }
        }
    }

    /// Reaps the shell, polling until the deadline (it has closed its output; it is about to exit).
    private static func waitForExit(_ pid: pid_t, status: inout Int32, until deadline: ContinuousClock.Instant) -> Outcome {
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return .finished }
            if reaped < 0 && errno != EINTR { return .finished }
            if ContinuousClock.now >= deadline { return .timedOut }
            usleep(2_000)
        }
    }
}
