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

    /// "2026-03-02": a day number as an ISO date.
    public static func isoDate(_ dayNumber: Int) -> String {
        let (year, month, day) = civilDate(dayNumber)
        return "\(year)-" + twoDigits(month) + "-" + twoDigits(day)
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
        return day(LocalDay.number(of: date, in: zone)) + " " + clockTime(date, in: zone, seconds: true) + " " + zoneOffset(at: date, in: zone)
    }

    /// "Tue 17 Nov 01:06:34": one short line, the zone said once elsewhere; the
    /// year only when it is not `currentYear`. For a narrow column the weekday,
    /// then the seconds, give way: the longest of those forms that fits `width`.
    public static func shortInstant(_ date: Date, in zone: TimeZone, currentYear: Int, width: Int = .max) -> String {
        guard date.isRepresentable else { return UTCTimestamp.invalidTime }
        let dayNumber = LocalDay.number(of: date, in: zone)
        let (year, month, dayOfMonth) = civilDate(dayNumber)
        let weekday = weekdays[((dayNumber % 7) + 7) % 7] + " "
        let dayText = "\(dayOfMonth) \(months[month - 1])" + (year == currentYear ? "" : " \(year)") + " "
        let forms = [
            weekday + dayText + clockTime(date, in: zone, seconds: true),
            dayText + clockTime(date, in: zone, seconds: true),
            dayText + clockTime(date, in: zone),
        ]
        return forms.first { $0.count <= width } ?? forms[forms.count - 1]
    }

    /// The calendar year of `date` in the zone.
    public static func year(of date: Date, in zone: TimeZone) -> Int {
        civilDate(LocalDay.number(of: date, in: zone)).0
    }

    /// "UTC+02:00": the zone's offset at that moment.
    public static func zoneOffset(at date: Date, in zone: TimeZone) -> String {
        let offset = date.isRepresentable ? zone.secondsFromGMT(for: date) : zone.secondsFromGMT()
        let sign = offset < 0 ? "-" : "+"
        return "UTC" + sign + twoDigits(abs(offset) / 3_600) + ":" + twoDigits(abs(offset) / 60 % 60)
    }

    /// "3:45", "1:02:03", or "—" when the provider did not say.
    public static func duration(_ seconds: Int?) -> String {
        guard let seconds, seconds >= 0 else { return "—" }
        if seconds >= 3_600 { return "\(seconds / 3_600):" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60) }
        return "\(seconds / 60):" + twoDigits(seconds % 60)
    }

    /// A detail value for a person: yes/no, m:ss, money as sent with its currency,
    /// lists comma-separated; `instant` says how times read. Shared by the
    /// browser and `calltrail call`, so both say the same thing the same way.
    public static func detailValue(_ value: CallDetailValue, instant: (Date) -> String) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "yes" : "no"
        case .instant(let date): return instant(date)
        case .duration(let seconds): return duration(seconds)
        case .money(let amount, let currency): return money(amount) + " " + currency
        case .phone(let phone): return phone
        case .list(let items): return items.joined(separator: ", ")
        case .json(let json): return json.compactJSON
        }
    }

    /// "★★★★☆" for 4 of 5; blank when there is no rating.
    public static func rating(_ value: Int?) -> String {
        guard let value else { return "" }
        let filled = max(0, min(5, value))
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    /// "1,204".
    public static func count(_ value: Int) -> String {
        // Drawn several times a frame (header, titles, position marks): written as
        // bytes from the last digit back, in place. 20 digits, 6 commas and a sign at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 27) { buffer in
            var magnitude = value.magnitude
            var start = buffer.count
            var digits = 0
            repeat {
                if digits > 0, digits % 3 == 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ",")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// "1 call", "1,204 calls": the count with its noun, singular only for one.
    /// `plural` is for nouns that do not just take an "s" ("entries").
    public static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        count(value) + " " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// "0.03", "12.50", "0.013": the amount as sent (the shortest decimal that reads
    /// back as the same number, never rounded), with at least two decimals.
    public static func money(_ amount: Double) -> String {
        let text = String(amount)
        // Exponent forms (1e-05, 1e+16), inf and nan are shown as they are.
        guard amount.isFinite, !text.contains("e"), let dot = text.firstIndex(of: ".") else { return text }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
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
