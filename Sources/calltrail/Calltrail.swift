import ArgumentParser
import CTerminalRestore
import CalltrailTerminal
import Foundation

/// The `calltrail` command: the interactive browser by default, and scriptable
/// commands that print leads and calls.
@main
struct Calltrail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calltrail",
        abstract: "Browse call history from call-tracking and CRM APIs.",
        discussion: """
            The access token comes from CALLTRAIL_TOKEN or the config file \
            ($XDG_CONFIG_HOME/calltrail/config.toml), never from a flag.
            """,
        version: CalltrailVersion.current,
        subcommands: [
            BrowseCommand.self, LeadsCommand.self, CallsCommand.self, CallCommand.self, WebhookCommand.self, RecordingCommand.self, SummaryCommand.self,
            RecentCommand.self, StatsCommand.self, LeadCommand.self, CompletionsCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self)

    /// Synchronous, so the main thread stays ours: it runs `MainRunLoop` (the
    /// main queue and the browser's keys) instead of parking in `dispatch_main`,
    /// and the command runs as a task on it.
    static func main() {
        // Past a file size limit (`ulimit -f`) a write fails with EFBIG and is reported, instead of a core dump.
        signal(SIGXFSZ, SIG_IGN)
        // Help and usage text go through C's buffered stdout, written at exit: a failure there is reported too.
        ct_check_stdout_at_exit(CommandFailure.outputFailed)
        // `help` is the parser's own; the rest are ours.
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        let arguments = SubcommandFirst.arguments(Array(CommandLine.arguments.dropFirst()), subcommands: Set(names))
        if let unknown = UnknownCommand.error(in: arguments, subcommands: names) {
            exit(withError: CommandFailure.report(unknown))
        }
        Task {
            await main(arguments)
            Foundation.exit(0)
        }
        MainRunLoop.run()
    }
}
