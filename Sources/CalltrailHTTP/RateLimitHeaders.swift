import Foundation
import CalltrailModel

/// What a response says about waiting: `Retry-After` (seconds or an HTTP-date),
/// `X-RateLimit-Remaining` and `X-RateLimit-Reset` (epoch seconds, or see `resetEpoch`).
public struct RateLimitHeaders: Sendable, Hashable {
    public var retryAfter: Double?
    public var remaining: Int?
    /// The instant the window resets, as epoch seconds.
    public var resetEpoch: Double?

    public init(retryAfter: Double? = nil, remaining: Int? = nil, resetEpoch: Double? = nil) {
        self.retryAfter = retryAfter
        self.remaining = remaining
        self.resetEpoch = resetEpoch
    }

    /// Reads the headers (names case-insensitive); `now` resolves HTTP-dates.
    public init(headers: [(String, String)], now: Date) {
        func value(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
                .trimmingCharacters(in: .whitespaces)
        }
        if let text = value("Retry-After") {
            if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
                retryAfter = seconds
            } else if let date = Self.parseHTTPDate(text) {
                retryAfter = max(0, date.timeIntervalSince(now))
            }
        }
        remaining = value("X-RateLimit-Remaining").flatMap { Int($0) }
        if let reset = value("X-RateLimit-Reset").flatMap({ Double($0) }), reset.isFinite, reset >= 0 {
            resetEpoch = Self.resetEpoch(reset, now: now)
        }
    }

    /// Below this (2001-09-09) a reset value cannot be an epoch time.
    static let smallestEpoch = 1_000_000_000.0
    /// From this on, an epoch time is in milliseconds (as seconds it would be past year 33000).
    static let smallestEpochMilliseconds = 1_000_000_000_000.0
    /// No rate-limit window is longer than this; a relative reset beyond it is not seconds.
    static let longestWindow = 3_600.0

    /// The reset as epoch seconds. The unit is not published everywhere (Lofty's docs
    /// show 21000 with a 60-second window): an epoch time in seconds or milliseconds,
    /// else a relative value — seconds when within a window, milliseconds when beyond
    /// one (21000 → 21 s), and unknown (nil) when even that is beyond a window.
    static func resetEpoch(_ reset: Double, now: Date) -> Double? {
        if reset >= smallestEpochMilliseconds { return reset / 1000 }
        if reset >= smallestEpoch { return reset }
        if reset <= longestWindow { return now.timeIntervalSince1970 + reset }
        if reset / 1000 <= longestWindow { return now.timeIntervalSince1970 + reset / 1000 }
        return nil
    }

    /// How long to wait before trying again after a 429: Retry-After, else the reset.
    public func waitAfterRateLimit(now: Date) -> Double? {
        if let retryAfter { return retryAfter }
        if let resetEpoch { return max(0, resetEpoch - now.timeIntervalSince1970) }
        return nil
    }

    /// IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 §5.6.7).
    static func parseHTTPDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT",
              let day = Int(parts[1]),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 }),
              let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3 else { return nil }
        let stamp = String(format: "%04d-%02d-%02d %@:%@:%@", year, month, day,
                           String(clock[0]), String(clock[1]), String(clock[2]))
        return UTCTimestamp.parse(stamp)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
