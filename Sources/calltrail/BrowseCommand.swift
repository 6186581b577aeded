import ArgumentParser
import CalltrailModel
import CalltrailProviders
import CalltrailTerminal
import CalltrailViewModel
import Foundation

/// `calltrail` (the default command): the full-screen browser. Needs a terminal;
/// with no provider configured it opens on the demo data.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Browse leads and their calls interactively (the default).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Open straight at this lead.")
    var lead: String?

    @Flag(help: "R lists the team's recent calls (a manager's view; also team_view = true in the config).")
    var team = false

    func validate() throws {
        if let lead, lead.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--lead needs a lead id")
        }
    }

    func run() async throws {
        // Refuse before touching the terminal: curses on a pipe would garble it.
        guard CursesTerminal.hasTerminal else {
            StandardError.write("calltrail: \(CursesTerminal.StartError.notATerminal)")
            throw ExitCode(CommandFailure.noTerminal)
        }
        let provider: any CallProvider
        let configuration: CalltrailConfiguration
        do {
            configuration = try CalltrailConfiguration.resolve(global)
            provider = try ProviderFactory.make(configuration)
        } catch {
            throw CommandFailure.report(error)
        }
        let initialLead = lead.map { LeadID($0.trimmingCharacters(in: .whitespaces)) }
        do {
            // A lead id the provider cannot have is said here, not as a retryable error on the screen.
            if let initialLead { try provider.descriptor.check(initialLead) }
        } catch {
            throw CommandFailure.report(error)
        }
        let settings = BrowserSettings(
            pageSize: configuration.pageSize, initialLead: initialLead, advice: ConnectionAdvice(configuration),
            teamView: team || configuration.teamView, showsLeadSummary: true)
        let options = TerminalBrowser.Options(
            theme: configuration.theme, mouse: configuration.mouse, player: configuration.player)
        do {
            try await Self.browse(provider: provider, settings: settings, options: options)
        } catch {
            StandardError.write("calltrail: \(error)")
            throw ExitCode(CommandFailure.noTerminal)
        }
    }

    @MainActor
    static func browse(provider: any CallProvider, settings: BrowserSettings, options: TerminalBrowser.Options) async throws(CursesTerminal.StartError) {
        try await TerminalBrowser.run(provider: provider, settings: settings, options: options)
    }
}
