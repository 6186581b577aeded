import Foundation

/// The checks ssh makes of its config, for a file that holds a secret or names a
/// command to run: a token others can read gets a warning; a `token_command`
/// others could change (the file, or the directory it is in) is refused, since
/// whoever can edit it runs commands as you.
enum ConfigFilePermissions {
    struct Ownership: Equatable {
        var mode: mode_t
        var user: uid_t
    }

    /// The file's and its directory's mode and owner, as `stat` gives them.
    static func ownership(of path: String) -> Ownership? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Ownership(mode: info.st_mode, user: info.st_uid)
    }

    /// Throws when `token_command` is set in a file others can change; returns
    /// the warning to print when a token sits in a file others can read.
    static func check(
        path: String, holdsToken: Bool, runsCommand: Bool,
        file: Ownership?, directory: Ownership?, currentUser: uid_t = getuid()
    ) throws -> String? {
        if runsCommand {
            if let file, let problem = unsafe(file, currentUser: currentUser) {
                throw ConfigurationError(
                    "config file \(path) sets token_command but is \(problem); make it yours and not writable by others (chmod go-w \(path)) before calltrail runs the command")
            }
            // A sticky directory (/tmp) only lets owners replace their own files.
            if let directory, directory.mode & S_ISVTX == 0, let problem = unsafe(directory, currentUser: currentUser) {
                let folder = (path as NSString).deletingLastPathComponent
                throw ConfigurationError(
                    "config file \(path) sets token_command but its directory is \(problem); make it yours and not writable by others (chmod go-w \(folder)) before calltrail runs the command")
            }
        }
        if holdsToken, let file, file.mode & (S_IRGRP | S_IROTH) != 0 {
            return "calltrail: warning: config file \(path) holds a token and is readable by others (mode \(octal(file.mode))); run chmod 600 \(path)"
        }
        return nil
    }

    /// Why others could change it, or nil when only its owner (you or root) can.
    private static func unsafe(_ owner: Ownership, currentUser: uid_t) -> String? {
        if owner.mode & (S_IWGRP | S_IWOTH) != 0 { return "writable by others (mode \(octal(owner.mode)))" }
        if owner.user != currentUser && owner.user != 0 { return "owned by another user (uid \(owner.user))" }
        return nil
    }

    private static func octal(_ mode: mode_t) -> String {
        let permissions = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - permissions.count)) + permissions
    }
}
