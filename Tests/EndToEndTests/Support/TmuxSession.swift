import Foundation

/// One tmux server on its own socket with one fixed-size window, for driving the
/// browser as a user would. Tests poll `capture-pane` with a deadline; the server
/// is killed when the session is closed or released, even after a failure.
final class TmuxSession: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The server's socket, in a directory of this session's own (not the shared
    /// /tmp/tmux-UID), so nothing else can remove it from under the test.
    let socket: String
    private let directory: String
    private let target = "main"
    private var closed = false
    private var serverPID: pid_t = 0
    private var panePID: pid_t = 0

    /// Starts `command` (run by `sh -c`) in a new detached window of the given size.
    /// Every session gets TERM=xterm-256color and TZ=UTC unless `environment` says otherwise.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltrail-tmux-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        socket = directory + "/socket"
        var env = ["TERM": "xterm-256color", "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }.joined(separator: " ")
        let full = "env \(assignments) sh -c \(Self.shellQuote(command))"
        _ = try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", full])
        serverPID = pid_t(try display("#{pid}")) ?? 0
        panePID = pid_t(try display("#{pane_pid}")) ?? 0
        // Keep the pane after the program exits so a failure can still be inspected.
        _ = try? run(["set-option", "-t", target, "remain-on-exit", "on"])
    }

    deinit { close() }

    /// Kills the tmux server and the program in its pane, whatever state they are in.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        // Only processes still ours: the pane's program is the server's child.
        if panePID > 0, Self.parent(of: panePID) == serverPID { kill(panePID, SIGKILL) }
        if serverPID > 0, Self.commandLine(of: serverPID).contains(socket) { kill(serverPID, SIGKILL) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Sends tmux key names ("Enter", "Escape", "j", "C-c").
    func send(_ keys: String...) throws {
        _ = try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        _ = try run(["send-keys", "-t", target, "-l", text])
    }

    /// The visible pane text; with `escapes`, including colour/attribute sequences.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
    }

    /// A tmux format for the pane, e.g. "#{pane_title}" or "#{pane_pid}".
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's paste buffers (an OSC 52 clipboard write would add one).
    func listBuffers() throws -> String {
        try run(["list-buffers"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        _ = try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds, or fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(15), escapes: Bool = false, _ condition: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while clock.now < deadline {
            screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n\(screen)")
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["tmux", "-S", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? ""): \(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return result.output
    }

    private static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    private static func commandLine(of pid: pid_t) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
