import Foundation

/// Every time format a vendor may plausibly send, read to an instant:
/// `yyyy-MM-dd HH:mm:ss` (UTC, Lofty's), ISO-8601 with `T` or a space, with or
/// without fractions, with `Z` or an offset (none means UTC), and Unix epoch
/// seconds or milliseconds as a number or a string of digits. An instant outside
/// years 1…9999 (a year 0000 placeholder, 1e300) is no time: nil.
public enum VendorTimestamp {
    /// Epoch values at or beyond this are milliseconds: as seconds they would be past year 5000.
    /// (Milliseconds before March 1973 are below it, and so read as seconds: no vendor's calls are that old.)
    static let millisecondsThreshold = 100_000_000_000.0

    public static func parse(_ value: JSONValue) -> Date? {
        switch value {
        case .integer(let number): return epoch(Double(number))
        case .number(let number): return epoch(number)
        case .string(let text): return parse(text)
        default: return nil
        }
    }

    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if isDecimal(trimmed), let number = Double(trimmed) { return epoch(number) }
        if let local = UTCTimestamp.parse(trimmed) { return representable(local) }
        // ISO-8601 with a space for the T, or without a zone (read as UTC).
        var bytes = Array(trimmed.utf8)
        guard bytes.count >= 19 else { return nil }
        if bytes[10] == UInt8(ascii: " ") { bytes[10] = UInt8(ascii: "T") }
        var iso = String(decoding: bytes, as: UTF8.self)
        if let zoned = ISO8601Timestamp.parse(iso) { return representable(zoned) }
        iso += "Z"
        return ISO8601Timestamp.parse(iso).flatMap(representable)
    }

    private static func epoch(_ number: Double) -> Date? {
        guard number.isFinite else { return nil }
        let seconds = abs(number) >= millisecondsThreshold ? number / 1000 : number
        return Date(representableUnixSeconds: seconds)
    }

    /// Digits with at most one point and an optional leading minus (not "inf", "1e5" or a date).
    private static func isDecimal(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !body.isEmpty, body.count < 24 else { return false }
        var points = 0
        for byte in body {
            if byte == UInt8(ascii: ".") { points += 1 } else if byte < 48 || byte > 57 { return false }
        }
        return points <= 1
    }

    private static func representable(_ date: Date) -> Date? { date.isRepresentable ? date : nil }
}
