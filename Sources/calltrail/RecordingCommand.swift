import ArgumentParser
import CalltrailHTTP
import CalltrailModel
import CalltrailProviders
import Foundation

/// `calltrail recording ID [--output FILE]`: the call's recording URL, or the
/// audio downloaded to FILE (resumed when FILE holds its start), with a progress
/// bar on stderr when stderr is a terminal. The download goes to the recording
/// host without the API token.
struct RecordingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recording",
        abstract: "Print a call's recording URL, or download the audio to a file.",
        discussion: """
            Recording links are temporary (Lofty's last an hour): each run asks for a fresh one. \
            With --output, a FILE that holds the start of the recording is continued; \
            recordings over 512 MiB are refused. A call without a recording exits with status 3.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The call's id.")
    var id: String

    @Option(name: [.short, .long], help: "Download the audio to this file (continues a partial file).",
            completion: .file())
    var output: String?

    func validate() throws {
        if let output, output.isEmpty || output == "-" {
            throw ValidationError("--output needs a file name (the audio is not written to stdout)")
        }
    }

    func run() async throws {
        do {
            let (provider, callID) = try ProviderFactory.forCall(global, id: id)
            guard provider.descriptor.offersRecordings else {
                throw ProviderError.unsupported("recordings are not offered by \(provider.descriptor.name)")
            }
            guard let link = try await provider.recording(forCall: callID) else {
                StandardError.write("calltrail: call \(DisplayText.sanitize(callID.rawValue)) has no recording")
                throw ExitCode(CommandFailure.noAccess)
            }
            guard let output else {
                StandardOutput.write(link.url + "\n")
                return
            }
            let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            let result: RecordingDownload.Result
            do {
                result = try await RecordingDownload().download(link, to: output) { progress in bar?.show(progress) }
            } catch {
                bar?.finish()
                throw error
            }
            bar?.finish()
            if result.wasComplete {
                StandardError.write("calltrail: \(output) already holds the whole recording (\(result.size) bytes)")
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// `[#########.........]  45%  1.2/2.6 MiB` on stderr, redrawn in place at most
/// ten times a second; the line is cleared when done.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false
    private let clock = ContinuousClock()

    func show(_ progress: RecordingDownload.Progress) {
        lock.withLock {
            let now = clock.now
            let done = progress.total.map { progress.bytes >= $0 } ?? false
            if let lastDrawn, now - lastDrawn < .milliseconds(100), !done { return }
            lastDrawn = now
            drawn = true
            _ = FileDescriptorWriter.writeAll(Array(("\r" + Self.line(progress, width: Self.width()) + "\u{1B}[K").utf8), to: STDERR_FILENO)
        }
    }

    func finish() {
        lock.withLock {
            if drawn { _ = FileDescriptorWriter.writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
            drawn = false
        }
    }

    static func line(_ progress: RecordingDownload.Progress, width: Int) -> String {
        let mib = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        guard let total = progress.total, total > 0 else { return "downloading  \(mib(progress.bytes)) MiB" }
        let fraction = min(1, max(0, Double(progress.bytes) / Double(total)))
        let figures = String(format: " %3d%%  ", Int(fraction * 100)) + "\(mib(progress.bytes))/\(mib(total)) MiB"
        let barWidth = max(10, min(40, width - figures.count - 3))
        let filled = Int(fraction * Double(barWidth))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]" + figures
    }

    private static func width() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
