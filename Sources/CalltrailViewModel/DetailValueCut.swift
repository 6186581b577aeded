import CalltrailModel

/// Huge values are cut before anything else touches them (sanitising, measuring,
/// wrapping), so no single field costs more than a frame: a 10 MB unknown field
/// shows its start and a marker saying where to get the whole value.
enum DetailValueCut {
    /// A field's value: about 50 lines of a 3-pane detail.
    static let fieldBytes = 4_096
    /// The note, which people read: a long letter's worth (43,000 CJK characters).
    static let noteBytes = 131_072

    /// `text`, or its first whole characters within `limit` UTF-8 bytes and the marker.
    static func cut(_ text: String, toBytes limit: Int, callID: CallID) -> String {
        let total = text.utf8.count
        guard total > limit else { return text }
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            let next = text.index(after: index)
            used += text.utf8.distance(from: index, to: next)
            guard used <= limit else { break }
            end = next
        }
        return String(text[..<end]) + marker(totalBytes: total, callID: callID)
    }

    /// A JSON value as compact JSON, cut the same way (a string's size is known
    /// at no cost; a nested value's only by writing it all, so it goes unsaid).
    static func cut(_ json: JSONValue, toBytes limit: Int, callID: CallID) -> String {
        let prefix = json.compactJSONPrefix(maximumUTF8: limit)
        guard !prefix.isComplete else { return prefix.text }
        let total: Int? = if case .string(let text) = json { text.utf8.count } else { nil }
        return prefix.text + marker(totalBytes: total, callID: callID)
    }

    /// What follows a cut value.
    static func marker(totalBytes: Int?, callID: CallID) -> String {
        let size = totalBytes.map { ": \(DisplayFormat.count($0)) bytes in all" } ?? ""
        return " … [cut for display\(size); calltrail call \(callID.rawValue) --format json prints it whole]"
    }
}
