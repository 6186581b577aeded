import CalltrailModel

/// The full-screen lead view (`i`): every field of a lead as aligned
/// "Label  value" rows (the fields `calltrail lead` prints, then the vendor's
/// other fields), sanitised once, wrapped under their value column to the width
/// it is drawn at, scrolled with the movement keys.
public struct LeadInfoState: Sendable, Hashable {
    struct Field: Sendable, Hashable {
        var label: String
        var value: String
    }

    public let leadID: LeadID
    /// The lead's name, sanitised, for the title.
    public let name: String
    let fields: [Field]
    let otherFields: [Field]
    /// Wrapped rows for the current width.
    public private(set) var rows: [String] = []
    public private(set) var width = 0
    /// First row on screen.
    public internal(set) var scroll = 0
    /// Rows on screen.
    public internal(set) var height = 1

    /// An other field's value is cut at this many bytes of JSON (the CLI prints it all).
    static let maximumValueUTF8 = 4_000

    init(lead: Lead, width: Int, height: Int) {
        func field(_ label: String, _ value: String) -> Field {
            Field(label: DisplayText.sanitizeLine(label), value: DisplayText.sanitizeLine(value))
        }
        leadID = lead.id
        name = DisplayText.sanitizeLine(lead.displayName)
        fields = lead.labelledFields.map { field($0.label, $0.value) }
        otherFields = lead.otherFields.map { other in
            let prefix = other.value.compactJSONPrefix(maximumUTF8: Self.maximumValueUTF8)
            return field(other.key, prefix.text + (prefix.isComplete ? "" : "…"))
        }
        self.height = max(1, height)
        layout(width: width)
    }

    /// Wraps the fields to `width` columns (kept when unchanged): each value in
    /// the column after the widest label, its continuation rows indented to it.
    mutating func layout(width newWidth: Int) {
        let newWidth = max(1, newWidth)
        guard newWidth != width else { return }
        width = newWidth
        let labelWidth = min(
            (fields + otherFields).map { DisplayText.width($0.label) }.max() ?? 0,
            max(0, newWidth / 3))
        let valueWidth = max(1, newWidth - labelWidth - 2)
        func rows(_ field: Field) -> [String] {
            let label = DisplayText.fit(field.label, to: labelWidth)
            let wrapped = DisplayText.wrap(field.value, to: valueWidth)
            let indent = String(repeating: " ", count: labelWidth + 2)
            return (wrapped.isEmpty ? [""] : wrapped).enumerated().map { index, part in
                (index == 0 ? label + "  " : indent) + part
            }
        }
        var laidOut = fields.flatMap(rows)
        if !otherFields.isEmpty {
            laidOut += ["", "Other fields"] + otherFields.flatMap(rows)
        }
        self.rows = laidOut
        clampScroll()
    }

    var maximumScroll: Int { max(0, rows.count - height) }

    mutating func clampScroll() { scroll = max(0, min(scroll, maximumScroll)) }

    /// "12–31/40": the rows on screen and how many there are.
    public var position: String {
        guard !rows.isEmpty else { return "" }
        let last = min(rows.count, scroll + height)
        return "\(scroll + 1)–\(last)/\(rows.count)"
    }
}
