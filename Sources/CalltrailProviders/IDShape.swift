import CalltrailModel
import Foundation

/// What a provider's lead or call ids look like, so a mistyped id is refused
/// before any request (exit 65) and tables can give the id column its width.
public enum IDShape: Sendable, Hashable {
    /// 1 … 2^63−1 in decimal (Lofty, demo).
    case positiveInteger
    /// Decimal digits, at most 19 (NectarDesk).
    case wholeNumber
    /// `123e4567-e89b-12d3-a456-426614174000`, any case (Skipcall).
    case uuid
    /// Not known: anything non-blank is tried.
    case any

    public func accepts(_ text: String) -> Bool {
        switch self {
        case .positiveInteger:
            return text.utf8.allSatisfy { (48...57).contains($0) } && (Int64(text) ?? 0) >= 1
        case .wholeNumber:
            return !text.isEmpty && text.utf8.count <= 19 && text.utf8.allSatisfy { (48...57).contains($0) }
        case .uuid:
            let bytes = Array(text.utf8)
            guard bytes.count == 36 else { return false }
            return bytes.enumerated().allSatisfy { index, byte in
                [8, 13, 18, 23].contains(index)
                    ? byte == UInt8(ascii: "-")
                    : (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
            }
        case .any:
            return !text.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// How the shape reads in a message: "a positive whole number".
    public var description: String {
        switch self {
        case .positiveInteger: return "a positive whole number"
        case .wholeNumber: return "a whole number like 981234"
        case .uuid: return "a uuid like 123e4567-e89b-12d3-a456-426614174000"
        case .any: return "not blank"
        }
    }

    /// The display width every id of this shape fits, when the shape fixes one.
    public var fixedWidth: Int? {
        switch self {
        case .positiveInteger, .wholeNumber: return nil  // as wide as the data
        case .uuid: return 36
        case .any: return nil
        }
    }
}

extension ProviderDescriptor {
    /// `.invalidInput` naming the provider and the expected shape when `lead` cannot be one of its lead ids.
    public func check(_ lead: LeadID) throws(ProviderError) {
        guard leadIDs.accepts(lead.rawValue) else {
            throw .invalidInput("\"\(lead.rawValue)\" is not a \(name) lead id (\(leadIDs.description))")
        }
    }

    /// `.invalidInput` naming the provider and the expected shape when `call` cannot be one of its call ids.
    public func check(_ call: CallID) throws(ProviderError) {
        guard callIDs.accepts(call.rawValue) else {
            throw .invalidInput("\"\(call.rawValue)\" is not a \(name) call id (\(callIDs.description))")
        }
    }
}
