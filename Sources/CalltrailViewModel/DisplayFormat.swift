import CalltrailModel
import Foundation

/// Formatting shared by the rows the screen draws. Done by arithmetic rather
/// than DateFormatter: it runs for every visible row on every frame.
public enum DisplayFormat {
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Wed 22 Apr 2026" for a day number (days since 1970-01-01).
    public static func day(_ dayNumber: Int) -> String {
        let (year, month, day) = civilDate(dayNumber)
        let weekday = weekdays[((dayNumber % 7) + 7) % 7]
        return "\(weekday) \(day) \(months[month - 1]) \(year)"
    }

    /// Year, month, day of a day number (Howard Hinnant's days_from_civil inverse).
    static func civilDate(_ dayNumber: Int) -> (Int, Int, Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// "10:15" in the zone.
    public static func clockTime(_ date: Date, in zone: TimeZone, seconds: Bool = false) -> String {
        guard date.isRepresentable else { return "—" }
        let local = Int((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))).rounded(.down))
        let inDay = ((local % 86_400) + 86_400) % 86_400
        let text = twoDigits(inDay / 3_600) + ":" + twoDigits(inDay / 60 % 60)
        return seconds ? text + ":" + twoDigits(inDay % 60) : text
    }

    /// "Wed 22 Apr 2026 10:15:00 UTC+02:00".
    public static func instant(_ date: Date, in zone: TimeZone) -> String {
        guard date.isRepresentable else { return UTCTimestamp.invalidTime }
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zoneText = "UTC" + sign + twoDigits(abs(offset) / 3_600) + ":" + twoDigits(abs(offset) / 60 % 60)
        return day(LocalDay.number(of: date, in: zone)) + " " + clockTime(date, in: zone, seconds: true) + " " + zoneText
    }

    /// "3:45", "1:02:03", or "—" when the provider did not say.
    public static func duration(_ seconds: Int?) -> String {
        guard let seconds, seconds >= 0 else { return "—" }
        if seconds >= 3_600 { return "\(seconds / 3_600):" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60) }
        return "\(seconds / 60):" + twoDigits(seconds % 60)
    }

    /// "★★★★☆" for 4 of 5; blank when there is no rating.
    public static func rating(_ value: Int?) -> String {
        guard let value else { return "" }
        let filled = max(0, min(5, value))
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    /// "1,204".
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// "0.03", "12.50": two decimals, rounded (no String(format:), which is slow on Linux).
    public static func money(_ amount: Double) -> String {
        // Beyond ±1e15 cents do not fit an Int exactly: show the number as it is.
        guard amount.isFinite, abs(amount) < 1e13 else { return String(amount) }
        let cents = Int((abs(amount) * 100).rounded())
        return (amount < 0 && cents > 0 ? "-" : "") + "\(cents / 100)." + twoDigits(cents % 100)
    }

    /// "just now", "5m ago", "2h ago", "3d ago", "4mo ago", "2y ago".
    public static func age(of date: Date, now: Date) -> String {
        guard date.isRepresentable, now.isRepresentable else { return "" }
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3_600: return "\(Int(seconds / 60))m ago"
        case ..<86_400: return "\(Int(seconds / 3_600))h ago"
        case ..<(86_400 * 31): return "\(Int(seconds / 86_400))d ago"
        case ..<(86_400 * 365): return "\(Int(seconds / (86_400 * 30)))mo ago"
        default: return "\(Int(seconds / (86_400 * 365)))y ago"
        }
    }

    /// The direction glyph: ↗ outbound, ↙ inbound, · otherwise.
    public static func glyph(_ direction: CallDirection?) -> String {
        switch direction {
        case .outbound?: return "↗"
        case .inbound?: return "↙"
        default: return "·"
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
