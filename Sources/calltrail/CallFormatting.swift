import CalltrailModel
import CalltrailViewModel
import Foundation

/// How calls are written in each `--format`. Rows are produced one call at a
/// time so `calls` can stream pages as they arrive.
enum CallFormatting: RecordFormatting {
    // MARK: JSON

    /// The normalised fields, then `raw`: the object exactly as the API sent it.
    static func json(_ call: Call) -> JSONValue {
        if let reason = call.unreadable {
            return .object([
                JSONField("id", call.id.rawValue.isEmpty ? .null : exactID(call.id.rawValue)),
                JSONField("unreadable", .string(reason)), JSONField("raw", call.raw ?? .null),
            ])
        }
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func int(_ i: Int?) -> JSONValue { i.map { .integer(Int64($0)) } ?? .null }
        return .object([
            JSONField("id", exactID(call.id.rawValue)),
            JSONField("leadId", call.leadID.map { exactID($0.rawValue) } ?? .null),
            JSONField("direction", text(call.direction?.rawValue)),
            JSONField("status", text(call.status?.rawValue)),
            JSONField("outcome", text(call.outcome?.rawValue)),
            JSONField("startTime", text(call.startTime.map(iso8601))),
            JSONField("endTime", text(call.endTime.map(iso8601))),
            JSONField("duration", int(call.duration)),
            JSONField("rating", int(call.rating)),
            JSONField("note", text(call.note)),
            JSONField("phones", .object([
                JSONField("lead", text(call.leadPhoneNumber)), JSONField("user", text(call.userPhoneNumber)),
            ])),
            JSONField("manual", .bool(call.isManual)),
            JSONField("deleted", .bool(call.isDeleted)),
            JSONField("details", .object(call.details.map { JSONField($0.key, detailJSON($0.value)) })),
            JSONField("otherFields", .object(call.otherFields)),
            JSONField("raw", call.raw ?? .null),
        ])
    }

    /// Ids as exact JSON numbers when they are integers, else as strings (uuids).
    static func exactID(_ text: String) -> JSONValue {
        if let n = Int64(text) { return .integer(n) }
        return .string(text)
    }

    static func detailJSON(_ value: CallDetailValue) -> JSONValue {
        switch value {
        case .text(let s), .phone(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .instant(let d): return .string(iso8601(d))
        case .duration(let s): return .integer(Int64(s))
        case .money(let amount, _): return .number(amount)
        case .list(let items): return .array(items.map { .string($0) })
        case .json(let v): return v
        }
    }

    /// `2026-04-22T10:15:00Z`.
    static func iso8601(_ date: Date) -> String {
        guard date.isRepresentable else { return UTCTimestamp.invalidTime }
        return UTCTimestamp.format(date).replacingOccurrences(of: " ", with: "T") + "Z"
    }

    // MARK: Table

    static let columns: [(title: String, width: Int, right: Bool)] = [
        (IDColumn.title, 0, true), ("START (UTC)", 16, false), ("DIR", 8, false), ("DUR", 7, true),
        ("STATUS", 11, false), ("OUTCOME", 12, false), ("RATE", 4, true), ("NOTE", 0, false),
    ]

    static func tableHeader(width: Int, idWidth: Int) -> String {
        row(columns.map(\.title), width: width, idWidth: idWidth)
    }

    static func tableRow(_ call: Call, width: Int, idWidth: Int) -> String {
        if let reason = call.unreadable {
            return row([call.id.rawValue, "—", "—", "—", "—", "—", "—", unreadableSummary(call, reason)],
                       width: width, idWidth: idWidth)
        }
        return row([
            call.id.rawValue,
            call.startTime.map { String(UTCTimestamp.format($0).prefix(16)) } ?? "—",
            call.direction?.rawValue ?? "—",
            call.duration.map(DisplayFormat.duration) ?? "—",
            call.status?.rawValue ?? (call.isManual ? "manual" : "—"),
            call.outcome?.label ?? "—",
            call.rating.map(String.init) ?? "—",
            call.note ?? "",
        ], width: width, idWidth: idWidth)
    }

    /// Cells sanitised and fitted by display columns; the last one takes what is left.
    static func row(_ cells: [String], width: Int, idWidth: Int) -> String {
        fit(cells, columns: columns, width: width, idWidth: idWidth)
    }

    /// `cells` in `columns`: the first (the id, `idWidth` wide) and those in `whole`
    /// are never cut (an id is what other commands take: a longer one widens its row);
    /// the last column takes what is left.
    static func fit(
        _ cells: [String], columns: [(title: String, width: Int, right: Bool)], width: Int, idWidth: Int, whole: Set<Int> = []
    ) -> String {
        var line = ""
        for (index, column) in columns.enumerated() {
            let cell = DisplayText.sanitize(cells[index])
            if index == columns.count - 1 {
                line += DisplayText.truncate(cell, to: max(10, width - DisplayText.width(line)))
            } else {
                let minimum = index == 0 ? idWidth : column.width
                let columnWidth = index == 0 || whole.contains(index) ? max(minimum, DisplayText.width(cell)) : column.width
                line += (column.right ? DisplayText.fitRight(cell, to: columnWidth) : DisplayText.fit(cell, to: columnWidth)) + "  "
            }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }

    /// Every field of one call, labelled, one per line (`calltrail call ID`).
    static func detailLines(_ call: Call) -> String {
        if let reason = call.unreadable {
            return "Unreadable call  \(DisplayText.sanitize(reason))\nRaw JSON         \(DisplayText.sanitize(call.raw?.compactJSON ?? "null"))\n"
        }
        var rows: [(String, String)] = [("Call", call.id.rawValue)]
        func add(_ label: String, _ value: String?) { if let value { rows.append((label, value)) } }
        add("Lead", call.leadID?.rawValue)
        add("Direction", call.direction?.rawValue)
        add("Status", call.status?.rawValue)
        // Outcome words and yes/no as `calls` and the browser show them.
        add("Outcome", call.outcome?.label)
        add("Started (UTC)", call.startTime.map(UTCTimestamp.format))
        add("Ended (UTC)", call.endTime.map(UTCTimestamp.format))
        add("Duration", call.duration.map(DisplayFormat.duration))
        add("Rating", call.rating.map { "\($0)/5" })
        add("Lead phone", call.leadPhoneNumber)
        add("Agent phone", call.userPhoneNumber)
        if call.isManual { rows.append(("Logged", "manually (no dialer record)")) }
        if call.isDeleted { rows.append(("Deleted", "yes")) }
        for detail in call.details {
            let text = DisplayFormat.detailValue(detail.value, instant: UTCTimestamp.format)
            rows.append((detail.label, text.isEmpty ? "—" : text))
        }
        for field in call.otherFields { rows.append(("Other: \(field.key)", field.value.displayText)) }
        let labelWidth = rows.map { DisplayText.width(DisplayText.sanitize($0.0)) }.max() ?? 0
        var out = rows.map { DisplayText.fit(DisplayText.sanitize($0.0), to: labelWidth) + "  " + DisplayText.sanitize($0.1) + "\n" }.joined()
        if let note = call.note, !note.isEmpty {
            out += "Note\n"
            for line in DisplayText.sanitize(note, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
                out += "  " + line + "\n"
            }
        }
        return out
    }

    // MARK: CSV

    static let csvHeader = CSV.line([
        "id", "lead_id", "start_time", "end_time", "direction", "status", "outcome", "duration", "rating",
        "manual", "lead_phone", "user_phone", "note",
    ])

    static func csvRow(_ call: Call) -> String {
        if let reason = call.unreadable {
            return CSV.line([call.id.rawValue] + Array(repeating: "", count: 11) + [unreadableSummary(call, reason)])
        }
        return CSV.line([
            call.id.rawValue, call.leadID?.rawValue ?? "", call.startTime.map(iso8601) ?? "",
            call.endTime.map(iso8601) ?? "", call.direction?.rawValue ?? "", call.status?.rawValue ?? "",
            call.outcome?.rawValue ?? "", call.duration.map(String.init) ?? "", call.rating.map(String.init) ?? "",
            call.isManual ? "true" : "false", call.leadPhoneNumber ?? "", call.userPhoneNumber ?? "",
            // Control characters become visible symbols; line breaks stay, quoted.
            call.note ?? "",
        ])
    }

    /// "unreadable call (why): {raw JSON}", for the note column of tables and CSV.
    static func unreadableSummary(_ call: Call, _ reason: String) -> String {
        "unreadable call (\(reason)): \(call.raw?.compactJSON ?? "null")"
    }
}
