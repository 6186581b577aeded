import CalltrailModel

/// RFC 4180 lines: a field with a comma, quote, line break or edge space is quoted,
/// quotes doubled; lines end in CRLF. Every cell is sanitised here, once: CSV goes
/// to terminals too, and any field of an API's answer may carry an escape sequence.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map { quote(DisplayText.sanitize($0, keepNewlines: true)) }.joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
