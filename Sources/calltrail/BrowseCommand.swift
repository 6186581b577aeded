import ArgumentParser
import Foundation

/// The interactive browser (issue 4 replaces this file with the real one).
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Browse leads and their calls interactively (the default).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Open straight at this lead.")
    var lead: String?

    func run() async throws {
        StandardError.write("calltrail: the interactive browser is not in this build")
        throw ExitCode(2)
    }
}
