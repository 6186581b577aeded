import Foundation

/// Paces requests by the server's own budget: when a response says no requests
/// remain until the reset, the next request waits for the reset instead of
/// spending a round trip on a certain 429.
public actor RateLimitPacer {
    private var remaining: Int?
    private var resetEpoch: Double?
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Remembers what the latest response said.
    public func record(_ headers: RateLimitHeaders) {
        if let remaining = headers.remaining { self.remaining = remaining }
        if let reset = headers.resetEpoch { self.resetEpoch = reset }
    }

    /// How long the next request should wait, in seconds (0 when the budget allows it).
    /// Spends one unit of the remembered budget so concurrent callers pace too.
    public func delayBeforeNextRequest() -> Double {
        guard let left = remaining else { return 0 }
        if left > 0 {
            remaining = left - 1
            return 0
        }
        guard let reset = resetEpoch else { return 0 }
        let wait = reset - now().timeIntervalSince1970
        if wait <= 0 {
            // The window has reset; the next response tells us the new budget.
            remaining = nil
            return 0
        }
        return wait
    }
}
