import CalltrailModel

/// How leads are written in each `--format`.
enum LeadFormatting: RecordFormatting {
    static func json(_ lead: Lead) -> JSONValue {
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            JSONField("id", CallFormatting.exactID(lead.id.rawValue)),
            JSONField("name", .string(lead.displayName)),
            JSONField("firstName", text(lead.firstName)),
            JSONField("lastName", text(lead.lastName)),
            JSONField("phones", .array(lead.phones.map { .string($0) })),
            JSONField("emails", .array(lead.emails.map { .string($0) })),
            JSONField("lastTouch", text(lead.lastTouch.map(CallFormatting.iso8601))),
            JSONField("createTime", text(lead.createTime.map(CallFormatting.iso8601))),
            JSONField("cannotCall", lead.cannotCall.map { .bool($0) } ?? .null),
            JSONField("stage", text(lead.stage)),
            JSONField("source", text(lead.source)),
            JSONField("assignedTo", text(lead.assignedTo)),
            JSONField("score", text(lead.score)),
            JSONField("tags", .array(lead.tags.map { .string($0) })),
            JSONField("segments", .array(lead.segments.map { .string($0) })),
            JSONField("address", text(lead.address)),
            JSONField("otherFields", .object(lead.otherFields)),
        ])
    }

    static func tableHeader(width: Int, idWidth: Int) -> String {
        row([IDColumn.title, "NAME", "PHONE", "LAST TOUCH (UTC)"], width: width, idWidth: idWidth)
    }

    static func tableRow(_ lead: Lead, width: Int, idWidth: Int) -> String {
        row([
            lead.id.rawValue, lead.displayName, lead.phones.first ?? "—",
            lead.lastTouch.map { String(UTCTimestamp.format($0).prefix(16)) } ?? "—",
        ], width: width, idWidth: idWidth)
    }

    /// ID, then the name taking what the phone and time columns leave.
    static func row(_ cells: [String], width: Int, idWidth: Int) -> String {
        let safe = cells.map { DisplayText.sanitize($0) }
        let nameWidth = max(12, min(40, width - idWidth - 2 - 16 - 2 - 16 - 2))
        // An id is never cut (it is what `calls --lead` takes): a longer one widens its row.
        let line = DisplayText.fitRight(safe[0], to: max(idWidth, DisplayText.width(safe[0]))) + "  " + DisplayText.fit(safe[1], to: nameWidth) + "  "
            + DisplayText.fit(safe[2], to: 16) + "  " + DisplayText.truncate(safe[3], to: 16)
        var trimmed = line
        while trimmed.hasSuffix(" ") { trimmed.removeLast() }
        return trimmed + "\n"
    }

    static let csvHeader = CSV.line(["id", "first_name", "last_name", "phones", "emails", "last_touch", "cannot_call"])

    static func csvRow(_ lead: Lead) -> String {
        CSV.line([
            lead.id.rawValue, lead.firstName ?? "", lead.lastName ?? "",
            lead.phones.joined(separator: ";"), lead.emails.joined(separator: ";"),
            lead.lastTouch.map(CallFormatting.iso8601) ?? "", lead.cannotCall.map { $0 ? "true" : "false" } ?? "",
        ])
    }
}
