import ArgumentParser
import CalltrailModel
import CalltrailProviders

/// `calltrail calls --lead ID`: the lead's calls newest first, every page walked
/// with the provider's cursor, each page printed as it arrives.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calls", abstract: "Print a lead's calls, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The lead's id.")
    var lead: String

    @Option(help: "Only these outcomes, comma-separated: talked, voice-message, no-answer, bad-number, dnc-number, dnc-contact, or a vendor's own value.")
    var outcome: String?

    @Option(help: "Stop after this many calls (no further pages are fetched).")
    var limit: Int?

    @Option(help: "table, json (one object per line) or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if lead.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--lead needs an id") }
    }

    /// The wanted outcomes as slugs, so a vendor's own value matches whatever its case.
    var outcomeSlugs: Set<String>? {
        guard let outcome else { return nil }
        let words = outcome.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Set(words.map { CallOutcome(argument: $0).slug })
    }

    func run() async throws {
        do {
            let configuration = try CalltrailConfiguration.resolve(global)
            let provider = try ProviderFactory.make(configuration)
            let descriptor = provider.descriptor
            let pageSize = min(configuration.pageSize ?? descriptor.defaultPageSize, descriptor.maximumPageSize)
            let wanted = outcomeSlugs
            let width = TerminalWidth.current()
            try await PagedOutput.walk(
                header: CallFormatting.header(format, width: width), limit: limit,
                fetch: { cursor in
                    let page = try await provider.calls(forLead: LeadID(lead), after: cursor, limit: pageSize)
                    return (page.calls, page.next)
                },
                keep: { call in wanted.map { slugs in call.outcome.map { slugs.contains($0.slug) } ?? false } ?? true },
                render: { call in CallFormatting.line(call, format, width: width) })
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
