import Foundation

extension Lead {
    /// The lead's own fields as labelled values, in the order `calltrail lead` and
    /// the browser's lead view show them; a field the vendor did not send is left
    /// out. Values are raw (the caller sanitises); times are UTC.
    public var labelledFields: [(label: String, value: String)] {
        func time(_ date: Date?) -> String? { date.map { UTCTimestamp.format($0) + " UTC" } }
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }
        let rows: [(String, String?)] = [
            ("Lead", id.rawValue),
            ("Name", displayName),
            ("Stage", stage),
            ("Source", source),
            ("Assigned to", assignedTo),
            ("Score", score),
            ("Tags", list(tags)),
            ("Segments", list(segments)),
            ("Phones", list(phones)),
            ("Emails", list(emails)),
            ("Address", address),
            ("Last touch", time(lastTouch)),
            ("Created", time(createTime)),
            ("Cannot call", cannotCall.map { $0 ? "yes" : "no" }),
        ]
        return rows.compactMap { row in row.1.map { (row.0, $0) } }
    }
}
