import Foundation

/// How often and how long to try a request again: exponential backoff with full
/// jitter (AWS's "full jitter": a random wait between 0 and base·2^attempt, capped),
/// bounded both in attempts and in total time. The clock, the sleep and the random
/// source are injectable so tests run without real waits.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// No retry starts (nor waits) past this much time after the first attempt.
    public var maxTotal: Duration
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest server-requested wait (Retry-After, rate-limit reset) we accept.
    public var maxServerWait: Duration
    public var clock: @Sendable () -> ContinuousClock.Instant
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in 0..<1.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5,
        maxTotal: Duration = .seconds(60),
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(8),
        maxServerWait: Duration = .seconds(30),
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTotal = maxTotal
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxServerWait = maxServerWait
        self.clock = clock
        self.sleep = sleep
        self.random = random
    }

    /// The wait before retry number `retry` (1 for the first retry).
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        return ceiling * random()
    }

    /// A server-requested wait of `seconds` as a duration, or nil when it is longer
    /// than `maxServerWait` (or not a number at all: NaN, infinity, 1e300).
    public func acceptableServerWait(_ seconds: Double) -> Duration? {
        let limit = Double(maxServerWait.components.seconds) + Double(maxServerWait.components.attoseconds) / 1e18
        guard seconds.isFinite, seconds >= 0, seconds <= limit else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// A policy that never retries.
    public static var once: RetryPolicy { RetryPolicy(maxAttempts: 1) }
}
