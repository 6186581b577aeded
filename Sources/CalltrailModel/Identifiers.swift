/// A lead's id as the provider spells it. Lofty's are int64, other vendors use
/// uuids or ints: the text keeps all of them exactly (never through Double).
public struct LeadID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = String(value) }
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The id as an exact 64-bit integer, when it is one.
    public var int64Value: Int64? { Int64(rawValue) }
    public var description: String { rawValue }
    public static func < (a: LeadID, b: LeadID) -> Bool { a.rawValue < b.rawValue }
}

/// A call's id as the provider spells it (see `LeadID`).
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = String(value) }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var int64Value: Int64? { Int64(rawValue) }
    public var description: String { rawValue }
    public static func < (a: CallID, b: CallID) -> Bool { a.rawValue < b.rawValue }
}
