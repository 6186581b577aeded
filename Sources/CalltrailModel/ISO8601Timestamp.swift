import Foundation

/// ISO-8601 instants as JSON APIs send them: `2024-03-20T09:00:00.000Z`, with or
/// without fractional seconds, `Z` or a `±hh:mm` offset. Parsed by hand for the
/// same reasons as `UTCTimestamp` (speed, no shared formatter state).
public enum ISO8601Timestamp {
    /// The instant, or nil when the text is not that shape or not a real date.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"),
              let whole = UTCTimestamp.parse(String(decoding: bytes[0..<19], as: UTF8.self))
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var scale = 0.1
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard index + 2 <= bytes.count,
                  let h1 = digitValue(bytes[index]), let h2 = digitValue(bytes[index + 1]) else { return nil }
            index += 2
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
            guard index + 2 <= bytes.count,
                  let m1 = digitValue(bytes[index]), let m2 = digitValue(bytes[index + 1]) else { return nil }
            index += 2
            let hours = h1 * 10 + h2, minutes = m1 * 10 + m2
            guard hours < 24, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + fraction - Double(offsetSeconds))
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, the shape the vendors send.
    public static func format(_ date: Date) -> String {
        guard date.isRepresentable else { return UTCTimestamp.invalidTime }
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let millis = min(999, Int(((date.timeIntervalSince1970 - seconds) * 1000).rounded()))
        let base = UTCTimestamp.format(Date(timeIntervalSince1970: seconds)).replacingOccurrences(of: " ", with: "T")
        let millisText = String(millis)
        return base + "." + String(repeating: "0", count: 3 - millisText.count) + millisText + "Z"
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }
}
