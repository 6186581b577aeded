import CalltrailProviders
import Foundation
import Logging

/// Sends requests to one vendor's API: authenticates, paces by the server's rate
/// limit, retries what is worth retrying, and turns failures into `ProviderError`s.
/// Every vendor adapter is built on one of these.
///
/// Retried: 5xx, network errors, time-outs, bodies that do not decode (a truncated
/// body usually), and 429 (after `Retry-After`, else `X-RateLimit-Reset`, else backoff).
/// The token goes only into the auth header; every message is passed through
/// `AccessToken.redact` in case a server echoes it.
public struct APIClient: Sendable {
    public let baseURL: BaseURL
    public let auth: AuthHeader?
    public let errorMapping: any VendorErrorMapping
    public let retry: RetryPolicy
    /// Time allowed for one attempt, from sending to the last body byte.
    public let requestTimeout: Duration
    public let transport: any HTTPTransport
    public let pacer: RateLimitPacer
    public let wallClock: @Sendable () -> Date
    public let extraHeaders: [(String, String)]
    private let logger: Logger

    public init(
        baseURL: BaseURL,
        auth: AuthHeader?,
        errorMapping: any VendorErrorMapping = StandardErrorMapping(),
        retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(20),
        transport: any HTTPTransport = AsyncHTTPTransport(),
        pacer: RateLimitPacer? = nil,
        wallClock: @escaping @Sendable () -> Date = { Date() },
        extraHeaders: [(String, String)] = [("Accept", "application/json")],
        logger: Logger = Logger(label: "calltrail.http")
    ) {
        self.baseURL = baseURL
        self.auth = auth
        self.errorMapping = errorMapping
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.transport = transport
        self.pacer = pacer ?? RateLimitPacer(now: wallClock)
        self.wallClock = wallClock
        self.extraHeaders = extraHeaders
        self.logger = logger
    }

    /// Sends `request` and decodes a successful body with `decode`, retrying as above.
    /// `decode` throwing counts as an undecodable body (retried, then `.badResponse`).
    public func send<Value>(
        _ request: APIRequest,
        decode: @Sendable ([UInt8]) throws -> Value
    ) async throws -> Value {
        let started = retry.clock()
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let paceWait = await pacer.delayBeforeNextRequest()
            if paceWait > 0 {
                // A wait longer than we hold the user for (or one no one means) is reported instead.
                guard let wait = retry.acceptableServerWait(paceWait), retry.clock() + wait - started <= retry.maxTotal else {
                    throw ProviderError.rateLimited(retryAfter: paceWait)
                }
                logger.debug("pacing: waiting for the rate-limit window", metadata: ["seconds": "\(paceWait)"])
                try await retry.sleep(wait)
            }

            let failure: ProviderError
            var serverWait: Double? = nil
            do {
                let reply = try await transport.send(
                    method: request.method, url: request.url(under: baseURL),
                    headers: headers(), timeout: requestTimeout)
                let limits = RateLimitHeaders(headers: reply.headers, now: wallClock())
                await pacer.record(limits)
                if (200..<300).contains(reply.status) {
                    do {
                        return try decode(reply.body)
                    } catch let error as ProviderError {
                        failure = error.mappingText(redact)
                    } catch {
                        failure = .badResponse(redact("\(request.subject): \(Self.describe(decodingError: error))"))
                    }
                } else {
                    var body = VendorErrorBody(body: reply.body, redact: redact)
                    // A token too short to mask could sit in any message in some form: none is shown.
                    if auth?.token.isTooShortToMask == true, !body.message.isEmpty { body.message = AccessToken.withheldMessage }
                    failure = Self.namingTheURL(
                        errorMapping.error(status: reply.status, body: body, for: request, rateLimit: limits),
                        body: body, url: baseURL.text + request.path)
                    if reply.status == 429 {
                        serverWait = limits.waitAfterRateLimit(now: wallClock())
                    }
                }
            } catch let error as TransportError {
                switch error {
                case .timedOut: failure = .timedOut
                case .network(let why): failure = .network(redact(why))
                case .cannotConnect(let why): throw ProviderError.network(redact(why))
                }
            } catch is CancellationError {
                throw CancellationError()
            }

            guard failure.isRetryable, attempt < retry.maxAttempts else { throw failure }
            let wait: Duration
            if let serverWait {
                // A wait longer than we are willing to hold the user is reported instead.
                guard let asked = retry.acceptableServerWait(serverWait) else {
                    throw ProviderError.rateLimited(retryAfter: serverWait)
                }
                wait = asked
            } else {
                wait = retry.backoff(beforeRetry: attempt)
            }
            guard retry.clock() + wait - started <= retry.maxTotal else { throw failure }
            logger.debug("retrying", metadata: [
                "subject": "\(request.subject)", "attempt": "\(attempt)", "reason": "\(failure.message)",
            ])
            try await retry.sleep(wait)
        }
    }

    private func headers() -> [(String, String)] {
        var all = extraHeaders
        all.append(("User-Agent", "calltrail"))
        if let auth { all.append((auth.name, auth.value)) }
        return all
    }

    private func redact(_ text: String) -> String {
        auth?.token.redact(text) ?? text
    }

    /// A 404 without a vendor code of its own (none, or just "404") is most often a
    /// wrong path in the base URL: the message names the URL tried (without its query).
    static func namingTheURL(_ failure: ProviderError, body: VendorErrorBody, url: String) -> ProviderError {
        guard case .notFound(let what) = failure, body.code == nil || body.code == "404" else { return failure }
        return .notFound("\(what) (\(url))")
    }

    /// A one-line reason without the payload text (which could be anything).
    static func describe(decodingError error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch decoding {
        case .dataCorrupted(let context): return "\(path(context)) is not valid JSON"
        case .keyNotFound(let key, let context): return "\(path(context)) lacks \"\(key.stringValue)\""
        case .typeMismatch(_, let context): return "\(path(context)) has the wrong type"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        @unknown default: return "the body does not decode"
        }
    }
}
