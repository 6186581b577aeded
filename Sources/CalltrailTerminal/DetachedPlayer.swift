import CalltrailViewModel
import Foundation

/// The user's player, started in its own session with stdin, stdout and stderr on
/// /dev/null: it can neither read keys nor draw over the screen, and it goes on
/// after calltrail quits. `command` is the program and its arguments, split on
/// blanks (no shell); the URL is added as the last argument.
public struct DetachedPlayer: RecordingPlayer {
    public let arguments: [String]

    /// `player` from the config file, else `$CALLTRAIL_PLAYER`, else the desktop's opener.
    public init(command: String?) {
        let words = (command ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        arguments = words.isEmpty ? [Self.systemOpener] : words
    }

    #if os(macOS)
    public static let systemOpener = "open"
    #else
    public static let systemOpener = "xdg-open"
    #endif

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func play(_ url: String) throws -> String {
        guard let program = arguments.first else { throw Failure(description: "no player set") }
        let pid = try Self.spawn(arguments + [url])
        // Reap it whenever it ends, so it never lingers as a zombie.
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        return (program as NSString).lastPathComponent
    }

    /// posix_spawnp with a new session, default signal handling and a clean mask,
    /// and /dev/null for the standard descriptors.
    static func spawn(_ argv: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        // Ignored signals stay ignored across exec (SwiftNIO ignores SIGPIPE): give the player the defaults.
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(Self.newSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, environ)
        guard result == 0 else {
            let reason = String(cString: strerror(result)).lowercased()
            // The program's name only: a long path would push the reason off the footer.
            throw Failure(description: "\((argv[0] as NSString).lastPathComponent): \(reason)")
        }
        return pid
    }

    #if os(Linux)
    /// glibc's POSIX_SPAWN_SETSID (2.26+), not visible to Swift without _GNU_SOURCE.
    static let newSession: Int32 = 0x80
    #else
    static let newSession: Int32 = POSIX_SPAWN_SETSID
    #endif
}
