import CalltrailModel
import CalltrailProviders

/// How to fix what stops the browser from showing anything, in the words of the
/// configuration that was used ("check CALLTRAIL_TOKEN", "--base-url is …"); the
/// command line fills it in, since only it knows where the settings came from.
public struct ConnectionAdvice: Sendable, Hashable {
    /// When the provider refuses the token.
    public var whenRefused: [String]
    /// When the provider cannot be reached (refused connection, no route, time-out).
    public var whenUnreachable: [String]

    public init(whenRefused: [String] = [], whenUnreachable: [String] = []) {
        self.whenRefused = whenRefused
        self.whenUnreachable = whenUnreachable
    }
}

/// A failure nothing on screen can work around: the token is refused, or the
/// provider cannot be reached before a single lead arrived. The browser shows
/// it across the whole body, with the fix, instead of an empty "Leads 0".
public struct BlockingFailure: Sendable, Hashable {
    /// "Lofty refused the access token", "Cannot reach Lofty".
    public let title: String
    /// The error as the provider layer words it, sanitised.
    public let message: String
    /// What to check, one line each.
    public let advice: [String]
}

extension BrowserState {
    public var blockingFailure: BlockingFailure? {
        let error: ProviderError
        if let failure = leads.failure, leads.leads.isEmpty {
            error = failure
        } else if let failure = timeline?.failure?.error, case .unauthorized = failure {
            error = failure
        } else {
            return nil
        }
        let name = DisplayText.sanitize(descriptor.name)
        let message = DisplayText.sanitize(error.message)
        switch error {
        case .unauthorized:
            return BlockingFailure(title: "\(name) refused the access token", message: message, advice: settings.advice.whenRefused)
        case .network, .timedOut:
            return BlockingFailure(title: "Cannot reach \(name)", message: message, advice: settings.advice.whenUnreachable)
        default:
            return nil
        }
    }
}
