import ArgumentParser
import CalltrailModel
import CalltrailProviders
import Foundation

/// `calltrail call ID`: one call with every field the provider sent.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Print one call with every field.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The call's id.")
    var id: String

    @Option(help: "table (labelled fields), json or csv.")
    var format: OutputFormat = .table

    func run() async throws {
        do {
            let (provider, callID) = try ProviderFactory.forCall(global, id: id)
            let call = try await provider.call(id: callID)
            StandardOutput.write(CallPrinter.render([call], format: format, single: true))
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// Whole-call output shared by `call` and `webhook`.
enum CallPrinter {
    static func render(_ calls: [Call], format: OutputFormat, single: Bool, header: Bool = true) -> String {
        switch format {
        case .json:
            return calls.map { CallFormatting.json($0).compactJSON + "\n" }.joined()
        case .csv:
            return (header ? CallFormatting.csvHeader : "") + calls.map(CallFormatting.csvRow).joined()
        case .table:
            return calls.map(CallFormatting.detailLines).joined(separator: "\n")
        }
    }
}
