import CalltrailModel

/// The stand-ins' free-text search: a record matches when its JSON text contains
/// the query, ignoring case. Close enough to the vendors' name/phone/email search
/// for the program's tests, and the same for every vendor.
enum StubSearch {
    /// `records` narrowed by `query`; all of them when the query is absent or empty.
    static func filter<Record>(_ records: [Record], by query: String?, json: (Record) -> JSONValue) -> [Record] {
        guard let query = query?.lowercased(), !query.isEmpty else { return records }
        return records.filter { json($0).compactJSON.lowercased().contains(query) }
    }
}
