import ArgumentParser
import CalltrailModel
import CalltrailProviders
import Foundation

/// `calltrail lead ID`: the lead card, every field of the lead the vendor sent.
struct LeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lead", abstract: "Print one lead with every field (the lead card).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The lead's id.")
    var id: String

    @Option(help: "table (labelled fields) or json (one object).")
    var format: OutputFormat = .table

    func validate() throws {
        if id.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the lead id is empty") }
        if format == .csv { throw ValidationError("lead prints table or json") }
    }

    func run() async throws {
        do {
            let configuration = try CalltrailConfiguration.resolve(global)
            let provider = try ProviderFactory.make(configuration)
            let leadID = LeadID(id.trimmingCharacters(in: .whitespaces))
            try provider.descriptor.check(leadID)
            let lead = try await provider.lead(id: leadID)
            StandardOutput.write(format == .json ? LeadFormatting.json(lead).compactJSON + "\n" : LeadCard.table(lead))
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// The lead as labelled lines, every value sanitised, fields not sent left out,
/// the vendor's other fields raw at the end.
enum LeadCard {
    static func table(_ lead: Lead) -> String {
        let present = lead.labelledFields
        let labelWidth = max(present.map { $0.label.count }.max() ?? 0, lead.otherFields.map { DisplayText.width(DisplayText.sanitize($0.key)) }.max() ?? 0)
        func line(_ label: String, _ value: String) -> String {
            let label = DisplayText.sanitize(label)
            return label + String(repeating: " ", count: max(0, labelWidth - DisplayText.width(label))) + "  " + DisplayText.sanitize(value) + "\n"
        }
        var out = present.map { line($0.label, $0.value) }.joined()
        if !lead.otherFields.isEmpty {
            out += "\nOther fields\n"
            out += lead.otherFields.map { line($0.key, $0.value.compactJSON) }.joined()
        }
        return out
    }
}
