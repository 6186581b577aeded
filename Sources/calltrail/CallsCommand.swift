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

    @Option(help: "Only these outcomes, comma-separated: talked, voice-message, no-answer, bad-number, dnc-number, dnc-contact (other:VALUE for a value Lofty added later), or Skipcall's and NectarDesk's own words.")
    var outcome: String?

    @Option(help: "Stop after this many calls (no further pages are fetched).")
    var limit: Int?

    @Option(help: "table, json (one object per line) or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if lead.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--lead needs an id") }
    }

    func run() async throws {
        do {
            let (provider, leadID, pageSize) = try LeadHistory.open(global, lead: lead)
            let descriptor = provider.descriptor
            let wanted = try outcome.map { try OutcomeSelection($0, vocabulary: descriptor.outcomes, providerName: descriptor.name) }
            let width = TerminalWidth.current()
            var seen = SeenOutcomes()
            var unreadable = UnreadableRecords()
            defer { unreadable.report() }
            let printed = try await PagedOutput.walk(
                limit: limit, noun: "call",
                fetch: { cursor in
                    let page = try await provider.calls(forLead: leadID, after: cursor, limit: pageSize)
                    return (page.calls, page.next)
                },
                id: \.dedupeID,
                layout: { calls in IDColumn.width(shape: descriptor.callIDs, firstPage: calls.map(\.id.rawValue)) },
                header: { idWidth in CallFormatting.header(format, width: width, idWidth: idWidth) },
                // An unreadable record has no outcome to filter by: it is always shown.
                keep: { call in
                    guard let wanted, call.unreadable == nil else { return true }
                    seen.note(call.outcome)
                    return wanted.matches(call)
                },
                render: { call, idWidth in
                    unreadable.note(call)
                    return CallFormatting.line(call, format, width: width, idWidth: idWidth)
                })
            // A vendor's own outcome words cannot be checked up front: say when one matched nothing.
            if let wanted, printed == 0, descriptor.outcomes == .open {
                StandardError.write("calltrail: \(seen.noMatchMessage(for: wanted.words, lead: leadID.rawValue))")
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
