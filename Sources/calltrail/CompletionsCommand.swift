import ArgumentParser

/// `calltrail completions bash|zsh|fish`: the shell completion script, generated
/// from the same parser that reads the command line (so it never goes stale).
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: "scripts/install.sh installs it; or e.g. `calltrail completions fish > ~/.config/fish/completions/calltrail.fish`.")

    @Argument(help: "bash, zsh or fish.", completion: .list(CompletionShell.allCases.map(\.rawValue)))
    var shell: String

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else {
            throw ValidationError("no completions for '\(shell)': use \(CompletionShell.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let shell = CompletionShell(rawValue: shell) else { return }
        StandardOutput.write(Calltrail.completionScript(for: shell))
    }
}
