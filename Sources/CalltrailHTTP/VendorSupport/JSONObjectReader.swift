import CalltrailModel
import CalltrailProviders
import Foundation

/// Reads the known fields of one JSON object and remembers which it used, so a
/// vendor mapping can hand everything else to `otherFields`. A known key whose
/// value has an unexpected type is not used: it stays among the leftovers rather
/// than being dropped or trapping. `null` counts as absent (used, no value).
struct JSONObjectReader {
    private let fields: [JSONField]
    private var used: Set<String> = []
    /// Leftovers of nested objects read through `object(_:_:)`, keyed `parent.child`.
    private var nestedLeftovers: [JSONField] = []

    init?(_ value: JSONValue) {
        guard case .object(let fields) = value else { return nil }
        self.fields = fields
    }

    /// The value under `key`, without marking it used.
    func peek(_ key: String) -> JSONValue? {
        fields.first { $0.key == key }?.value
    }

    private mutating func take<T>(_ key: String, _ convert: (JSONValue) -> T?) -> T? {
        guard let value = peek(key) else { return nil }
        if value.isNull {
            used.insert(key)
            return nil
        }
        guard let converted = convert(value) else { return nil }
        used.insert(key)
        return converted
    }

    mutating func string(_ key: String) -> String? {
        take(key) { $0.stringValue }
    }

    mutating func bool(_ key: String) -> Bool? {
        take(key) { $0.boolValue }
    }

    /// An integer, also when sent as a string of digits.
    mutating func int64(_ key: String) -> Int64? {
        take(key) { $0.int64Value }
    }

    /// A finite number, also when sent as a string ("nan", "inf" and 1e999 are not numbers here).
    mutating func number(_ key: String) -> Double? {
        take(key, Self.finiteNumber)
    }

    /// Unix seconds (or milliseconds, or any `VendorTimestamp` form) as an instant; a value
    /// outside years 1…9999 is no time and stays under "Other fields".
    mutating func unixInstant(_ key: String) -> Date? {
        take(key, VendorTimestamp.parse)
    }

    private static func finiteNumber(_ value: JSONValue) -> Double? {
        let number: Double?
        if case .string(let text) = value { number = Double(text) } else { number = value.doubleValue }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    /// An id that may come as a string or an integer, kept as exact text.
    mutating func identifier(_ key: String) -> String? {
        take(key) { value in
            switch value {
            case .string(let text): return text.isEmpty ? nil : text
            case .integer(let number): return String(number)
            case .bigInteger(let digits): return digits
            default: return nil
            }
        }
    }

    /// An ISO-8601 instant (or any other `VendorTimestamp` form).
    mutating func instant(_ key: String) -> Date? {
        take(key, VendorTimestamp.parse)
    }

    mutating func array(_ key: String) -> [JSONValue]? {
        take(key) { value in
            if case .array(let items) = value { return items }
            return nil
        }
    }

    /// Reads a nested object with `body`; its unused fields join this object's
    /// leftovers as `key.child`, so nothing inside it is lost either.
    mutating func object<T>(_ key: String, _ body: (inout JSONObjectReader) -> T) -> T? {
        guard var nested = take(key, { JSONObjectReader($0) }) else { return nil }
        let result = body(&nested)
        nestedLeftovers += nested.leftovers.map { JSONField("\(key).\($0.key)", $0.value) }
        return result
    }

    /// Every field not used, in the object's order, then nested objects' leftovers.
    var leftovers: [JSONField] {
        fields.filter { !used.contains($0.key) } + nestedLeftovers
    }
}

/// The items of a list response and what it says about further pages.
struct VendorListBody {
    var items: [JSONValue]
    /// The vendor's own "more pages" flag, when sent.
    var hasMore: Bool?
    /// How many items match in all, when sent.
    var total: Int?

    /// Accepts a bare array, or an object with the items under the first of
    /// `itemKeys` present and optional paging metadata under `metadataKeys`.
    init(_ body: JSONValue, itemKeys: [String], metadataKeys: [String], what: String) throws(ProviderError) {
        if case .array(let items) = body {
            self.items = items
            return
        }
        guard case .object = body else { throw .badResponse("\(what) is not a JSON object or array") }
        // No list (`{}`) or a null one is an empty page; a list of another type is not.
        switch itemKeys.lazy.compactMap({ body[$0] }).first {
        case nil, .null?: self.items = []
        case .array(let items)?: self.items = items
        default: throw .badResponse("\(what) has no list of items")
        }
        for key in metadataKeys {
            guard let meta = body[key], case .object = meta else { continue }
            hasMore = (meta["hasMore"] ?? meta["has_more"])?.boolValue
            total = (meta["total"] ?? meta["totalCount"] ?? meta["total_count"])?.int64Value.map { Int(clamping: $0) }
            break
        }
        if total == nil, let total = (body["total"] ?? body["totalCount"])?.int64Value { self.total = Int(clamping: total) }
        if hasMore == nil, let more = (body["hasMore"] ?? body["has_more"])?.boolValue { hasMore = more }
    }

    /// Whether a page after this one exists: the vendor's flag, else its total,
    /// else "a full page may have more" (an extra empty request at worst).
    func hasNextPage(itemsBefore: Int, pageSize: Int) -> Bool {
        if let hasMore { return hasMore && !items.isEmpty }
        if let total { return itemsBefore + items.count < total && !items.isEmpty }
        return items.count >= pageSize
    }
}

/// A call's labelled details in display order; absent values are left out.
struct CallDetailList {
    private(set) var details: [CallDetail] = []

    mutating func add(_ key: String, _ label: String, _ value: CallDetailValue?) {
        if let value { details.append(CallDetail(key: key, label: label, value: value)) }
    }
}
