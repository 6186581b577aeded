import ArgumentParser
import CalltrailModel
import CalltrailProviders

/// `calltrail leads`: every lead the account can see, page by page.
struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leads", abstract: "List the leads the account can see.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only leads whose name, phone or email matches.")
    var search: String?

    @Option(help: "Stop after this many leads.")
    var limit: Int?

    @Option(help: "table, json (one object per line) or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        do {
            let configuration = try CalltrailConfiguration.resolve(global)
            let provider = try ProviderFactory.make(configuration)
            let pageSize = min(configuration.pageSize ?? 50, 100)
            let width = TerminalWidth.current()
            let shape = provider.descriptor.leadIDs
            try await PagedOutput.walk(
                limit: limit, noun: "lead",
                fetch: { cursor in
                    let page = try await provider.leads(matching: search, after: cursor, limit: pageSize)
                    return (page.leads, page.next)
                },
                id: \.id,
                layout: { leads in IDColumn.width(shape: shape, firstPage: leads.map(\.id.rawValue)) },
                header: { idWidth in LeadFormatting.header(format, width: width, idWidth: idWidth) },
                render: { lead, idWidth in LeadFormatting.line(lead, format, width: width, idWidth: idWidth) })
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
