import CalltrailModel

/// Fits labelled values to the detail's width, drawn as one space, the label
/// column, two spaces and the value. Nothing is cut: a label longer than its
/// column goes on over the next rows (by words), a long value wraps under its
/// label, and a value without spaces (an id, a phone number, a URL) that the
/// value column cannot hold goes whole on its own row at full width instead of
/// breaking in the middle.
enum DetailFieldLayout {
    /// The label column is the longest label, up to this or a third of the width.
    static let narrowestLabelCap = 16

    static func labelColumn(for rows: [DetailRow], width: Int) -> Int {
        let cap = max(narrowestLabelCap, width / 3)
        return rows.reduce(0) { widest, row in
            guard case .field(let label, _) = row else { return widest }
            return max(widest, min(cap, DisplayText.width(label)))
        }
    }

    static func fit(_ rows: [DetailRow], width: Int) -> [DetailRow] {
        let column = max(1, labelColumn(for: rows, width: width))
        let valueWidth = max(1, width - 3 - column)
        var out: [DetailRow] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            guard case .field(let label, let value) = row else {
                out.append(row)
                continue
            }
            let labelLines = DisplayText.width(label) <= column ? [label] : DisplayText.wrap(label, to: column)
            let valueColumns = DisplayText.width(value)
            if valueColumns > valueWidth, !value.contains(" "), valueColumns <= width - 2 {
                out += labelLines.map { DetailRow.field(label: $0, value: "") }
                out.append(.fullWidthValue(value))
                continue
            }
            let valueLines = valueColumns <= valueWidth ? [value] : DisplayText.wrap(value, to: valueWidth)
            for index in 0..<max(labelLines.count, valueLines.count) {
                out.append(.field(label: index < labelLines.count ? labelLines[index] : "",
                                  value: index < valueLines.count ? valueLines[index] : ""))
            }
        }
        return out
    }
}
