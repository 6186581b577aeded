import ArgumentParser

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
        subcommands: [BrowseCommand.self, LeadsCommand.self, CallsCommand.self, CallCommand.self, WebhookCommand.self],
        defaultSubcommand: BrowseCommand.self)

    static func main() async {
        let names = Set(configuration.subcommands.map { $0._commandName })
        await main(SubcommandFirst.arguments(Array(CommandLine.arguments.dropFirst()), subcommands: names))
    }
}
