import ArgumentParser
import CalltrailHTTP
import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Foundation

/// `calltrail webhook FILE|-`: the calls a Lofty Call webhook payload names,
/// each fetched by its timelineId. A failure for one entry is reported on stderr
/// and the others still print.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook", abstract: "Print the calls named by a Call webhook payload (a file, or - for stdin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The payload file, or - to read standard input.")
    var file: String

    @Option(help: "table (labelled fields), json (one object per line) or csv.")
    var format: OutputFormat = .table

    func run() async throws {
        do {
            let payload = try LoftyWebhookPayload(bytes: try readPayload())
            let configuration = try CalltrailConfiguration.resolve(global)
            // The payload's ids are Lofty's: asking another provider (the demo, by default) would mislead.
            guard configuration.provider == "lofty" else {
                throw ProviderError.invalidInput(
                    "webhook reads Lofty Call webhook payloads: use --provider lofty (the provider now is \(configuration.provider))")
            }
            let provider = try ProviderFactory.make(configuration)
            var failures = 0
            var printed = 0
            for entry in payload.entries {
                let label = "createdCall[\(entry.index)]"
                let id: CallID
                switch LoftyWebhookPayload.lookup(for: entry) {
                case .timeline(let timeline):
                    id = timeline
                case .legacyCallID(let legacy):
                    StandardError.write("calltrail: \(label) has no timelineId; fetching by its legacy callId \(legacy)")
                    id = legacy
                case .impossible(let why):
                    StandardError.write("calltrail: \(label) skipped: \(why)")
                    failures += 1
                    continue
                }
                do {
                    let call = try await provider.call(id: id)
                    if format == .table && printed > 0 { StandardOutput.write("\n") }
                    StandardOutput.write(CallPrinter.render([call], format: format, single: false, header: printed == 0))
                    printed += 1
                } catch let error as ProviderError {
                    StandardError.write("calltrail: \(label): \(DisplayText.sanitize(error.message))")
                    failures += 1
                }
            }
            if failures > 0 {
                StandardError.write("calltrail: \(failures) of \(DisplayFormat.count(payload.entries.count, "webhook entry", plural: "webhook entries")) could not be printed")
                throw ExitCode(CommandFailure.someEntriesFailed)
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }

    private func readPayload() throws -> [UInt8] {
        let limit = AsyncHTTPTransport.maximumBodyBytes
        let source = file == "-" ? "standard input" : "the webhook payload file \(file)"
        let descriptor = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ProviderError.invalidInput("cannot read \(source)") }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        // Like an HTTP body, a payload is capped (`< /dev/zero` must not grow without end).
        switch BoundedReader.readAll(descriptor, limit: limit) {
        case .complete(let bytes): return bytes
        case .tooLarge:
            throw ProviderError.invalidInput(
                "\(source) holds more than \(limit / 1_048_576) MiB; a webhook payload is at most that large")
        case .failed(let code):
            throw ProviderError.invalidInput("cannot read \(source): \(String(cString: strerror(code)))")
        }
    }
}
