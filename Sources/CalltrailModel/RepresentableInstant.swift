import Foundation

extension Date {
    /// Seconds since 1970 for years 1 through 9999: the instants calltrail can
    /// print. A time from an API outside this (NaN, infinity, 1e300) is not a time
    /// anyone means, and converting it to an integer would trap.
    public static let representableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// Whether the instant lies in years 1 through 9999 (false for NaN).
    public var isRepresentable: Bool { Date.representableSeconds.contains(timeIntervalSince1970) }

    /// The instant for unix `seconds`, or nil when that is not a representable time.
    public init?(representableUnixSeconds seconds: Double) {
        guard Date.representableSeconds.contains(seconds) else { return nil }
        self.init(timeIntervalSince1970: seconds)
    }
}
