import ArgumentParser
import CalltrailHTTP
import CalltrailModel
import CalltrailProviders

/// How a command ends when something went wrong: one line on stderr, and an exit
/// status per class of failure so scripts can tell them apart.
enum CommandFailure {
    static let other: Int32 = 1
    /// The browser cannot start: no TTY, or a terminal curses does not know.
    static let noTerminal: Int32 = 2
    static let noAccess: Int32 = 3
    static let unauthorized: Int32 = 4
    static let unreachable: Int32 = 5
    static let rateLimited: Int32 = 6
    static let providerFailed: Int32 = 7
    static let someEntriesFailed: Int32 = 8
    /// A command line that cannot be right (also what ArgumentParser uses for its own refusals).
    static let usage: Int32 = 64
    static let badInput: Int32 = 65
    /// Output could not be written (not a closed pipe: that ends quietly).
    static let outputFailed: Int32 = 74
    static let configuration: Int32 = 78
    static let interrupted: Int32 = 130

    static func exitCode(for error: ProviderError) -> Int32 {
        switch error {
        case .noAccess, .notFound: return noAccess
        case .unauthorized: return unauthorized
        case .network, .timedOut: return unreachable
        case .rateLimited: return rateLimited
        case .server, .badResponse, .badRequest, .pagingBroken: return providerFailed
        case .invalidInput: return badInput
        case .configuration: return configuration
        case .unsupported: return usage
        }
    }

    static func exitCode(for error: RecordingDownloadError) -> Int32 {
        switch error {
        case .refused, .missing: return noAccess
        case .network, .stalled: return unreachable
        case .server, .unexpectedStatus, .badRange, .tooLarge: return providerFailed
        case .file: return other
        case .cancelled: return interrupted
        }
    }

    /// Writes the reason and returns the `ExitCode` to throw.
    static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as ProviderError:
            StandardError.write("calltrail: \(DisplayText.sanitize(error.message))")
            return ExitCode(exitCode(for: error))
        case let error as RecordingDownloadError:
            StandardError.write("calltrail: \(DisplayText.sanitize(error.description))")
            return ExitCode(exitCode(for: error))
        case let error as UsageError:
            StandardError.write("calltrail: \(error.description)")
            return ExitCode(usage)
        case let error as ConfigurationError:
            StandardError.write("calltrail: \(DisplayText.sanitize(error.description))")
            return ExitCode(configuration)
        case is CancellationError:
            return ExitCode(interrupted)
        case let error as ExitCode:
            return error
        default:
            StandardError.write("calltrail: \(DisplayText.sanitize(String(describing: error)))")
            return ExitCode(other)
        }
    }
}
