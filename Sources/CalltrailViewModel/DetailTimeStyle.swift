import Foundation

/// How the detail writes a time: spelt out with its zone (full-screen detail), or
/// short enough for one line of the side pane, the zone given once in its title.
enum DetailTimeStyle: Sendable, Hashable {
    /// "Wed 22 Apr 2026 10:15:00 UTC+02:00".
    case full
    /// "Wed 22 Apr 10:15:00", the year only when it is not `currentYear`.
    case short(currentYear: Int)

    /// The time for a value column `width` wide (a short time takes the longest form that fits).
    func text(_ date: Date, in zone: TimeZone, width: Int = .max) -> String {
        switch self {
        case .full: return DisplayFormat.instant(date, in: zone)
        case .short(let currentYear): return DisplayFormat.shortInstant(date, in: zone, currentYear: currentYear, width: width)
        }
    }
}
