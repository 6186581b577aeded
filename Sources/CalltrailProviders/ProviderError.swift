import CalltrailModel

/// Why a provider request failed, typed so the screen and the commands can say
/// what happened in one line. Messages never contain the access token.
public enum ProviderError: Error, Sendable, Hashable {
    /// The vendor refused: no permission on this lead/call, or it does not exist
    /// (Lofty answers both with HTTP 400 PERMISSION_DENIED, so they cannot be told apart).
    case noAccess(String)
    /// The thing asked for does not exist (HTTP 404).
    case notFound(String)
    /// The token is missing, wrong or expired (HTTP 401, or Lofty's code 200058).
    case unauthorized(String)
    /// Too many requests, and the retries ran out. `retryAfter` in seconds, when known.
    case rateLimited(retryAfter: Double?)
    /// The vendor failed (5xx), and the retries ran out.
    case server(status: Int, message: String)
    /// The request itself was refused as malformed (other 4xx).
    case badRequest(status: Int, message: String)
    /// Could not reach the host, connection lost, or the request timed out.
    case network(String)
    case timedOut
    /// The body could not be understood.
    case badResponse(String)
    /// The program was asked for something the provider cannot do (bad id, bad config).
    case invalidInput(String)
    /// The provider has no such thing ("recordings are not offered by Skipcall").
    case unsupported(String)
    /// The server's paging does not advance (the same page again, a cursor loop,
    /// ids out of order): the walk stops rather than loop or repeat calls.
    case pagingBroken(String)
    /// The account or the program's settings are wrong for this server (a missing
    /// OAuth scope, a guessed filter parameter the server ignores): fixed in the config.
    case configuration(String)

    /// One line for a person: what happened, without jargon or secrets.
    public var message: String {
        switch self {
        case .noAccess(let what): return "no access to \(what) or it does not exist"
        case .notFound(let what): return "\(what) not found"
        case .unauthorized(let why): return "not authorised: \(why)"
        case .rateLimited(let after):
            if let after, after.isFinite, after >= 0, after < 1e9 {
                return "rate limited by the provider; try again in \(Int(after.rounded(.up)))s"
            }
            return "rate limited by the provider; try again later"
        case .server(let status, let message):
            return message.isEmpty ? "provider error (HTTP \(status))" : "provider error (HTTP \(status)): \(message)"
        case .badRequest(let status, let message):
            return message.isEmpty ? "request refused (HTTP \(status))" : "request refused (HTTP \(status)): \(message)"
        case .network(let why): return "cannot reach the provider: \(why)"
        case .timedOut: return "the provider did not answer in time"
        case .badResponse(let why): return "the provider sent a response calltrail cannot read: \(why)"
        case .invalidInput(let why): return why
        case .unsupported(let what): return what
        case .pagingBroken(let what): return "stopped paging: \(what)"
        case .configuration(let why): return why
        }
    }

    /// The reason alone, for quoting inside another message (a bad response's why, else the message).
    public var detail: String {
        if case .badResponse(let why) = self { return why }
        return message
    }

    /// Whether trying the same request again later may succeed.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .server, .network, .timedOut, .badResponse: return true
        case .noAccess, .notFound, .unauthorized, .badRequest, .invalidInput, .unsupported, .pagingBroken, .configuration:
            return false
        }
    }
}

extension ProviderError: CustomStringConvertible {
    public var description: String { message }
}
