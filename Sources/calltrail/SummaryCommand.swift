import ArgumentParser
import CalltrailModel
import CalltrailProviders
import Foundation

/// `calltrail summary ID [--format table|json]`: the call's AI summary, score,
/// keywords, comment and transcript (Lofty, the demo).
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a call's AI summary and transcript.",
        discussion: """
            A summary still pending, processing or failed prints its status (exit 0). \
            A call without a summary exits with status 3; a provider without summaries with 64.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The call's id.")
    var id: String

    @Option(help: "table (labelled fields and the transcript) or json (one object).")
    var format: SummaryFormat = .table

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func run() async throws {
        do {
            let (provider, callID) = try ProviderFactory.forCall(global, id: id)
            guard provider.descriptor.offersSummaries else {
                throw ProviderError.unsupported("AI call summaries are not offered by \(provider.descriptor.name)")
            }
            // The summary may be keyed by another of the call's ids (Lofty's dialer record).
            let call = try await provider.call(id: callID)
            guard let summary = try await provider.summary(forCall: call) else {
                StandardError.write("calltrail: call \(DisplayText.sanitize(callID.rawValue)) has no summary")
                throw ExitCode(CommandFailure.noAccess)
            }
            switch format {
            case .json: StandardOutput.write(SummaryFormatting.json(summary, call: callID).compactJSON + "\n")
            case .table: StandardOutput.write(SummaryFormatting.table(summary, call: callID))
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

enum SummaryFormatting {
    static func json(_ summary: CallSummary, call: CallID) -> JSONValue {
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func id(_ s: String?) -> JSONValue { s.map(CallFormatting.exactID) ?? .null }
        return .object([
            JSONField("callId", CallFormatting.exactID(call.rawValue)),
            JSONField("status", .string(summary.status.word)),
            JSONField("statusCode", .integer(summary.status.code)),
            JSONField("summary", text(summary.summary)),
            JSONField("score", summary.score.map { $0 == $0.rounded() && abs($0) < 1e15 ? .integer(Int64($0)) : .number($0) } ?? .null),
            JSONField("keywords", .array(summary.keywords.map { .string($0) })),
            JSONField("comment", text(summary.comment)),
            JSONField("transcript", text(summary.transcript)),
            JSONField("id", id(summary.summaryID)),
            JSONField("recordingId", id(summary.recordingID)),
            JSONField("userId", id(summary.userID)),
            JSONField("foundBy", summary.foundBy.map {
                .object([JSONField("key", .string($0.key)), JSONField("id", .integer($0.id))])
            } ?? .null),
            JSONField("raw", summary.raw ?? .null),
        ])
    }

    /// Labelled fields, then the transcript indented under its heading; sanitised.
    static func table(_ summary: CallSummary, call: CallID) -> String {
        var rows: [(String, String)] = [("Call", call.rawValue), ("Status", summary.status.word)]
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { rows.append((label, value)) } }
        add("Score", summary.scoreText)
        add("Keywords", summary.keywords.isEmpty ? nil : summary.keywords.joined(separator: ", "))
        add("Summary", summary.summary)
        add("Comment", summary.comment)
        if let lookup = summary.foundBy { add("Found by", "\(lookup.key) \(lookup.id)") }
        let labelWidth = rows.map { DisplayText.width($0.0) }.max() ?? 0
        var out = rows.map { DisplayText.fit($0.0, to: labelWidth) + "  " + DisplayText.sanitize($0.1) + "\n" }.joined()
        if let transcript = summary.transcript, !transcript.isEmpty {
            out += "Transcript\n"
            for line in DisplayText.sanitize(transcript, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
                out += "  " + line + "\n"
            }
        }
        return out
    }
}
