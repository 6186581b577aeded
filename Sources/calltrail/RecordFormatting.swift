import CalltrailModel

/// How one kind of record (call, lead) is written in each `--format`, so the
/// listing commands choose header and lines the same way for every kind.
protocol RecordFormatting {
    associatedtype Record
    static func tableHeader(width: Int, idWidth: Int) -> String
    static var csvHeader: String { get }
    static func tableRow(_ record: Record, width: Int, idWidth: Int) -> String
    static func csvRow(_ record: Record) -> String
    static func json(_ record: Record) -> JSONValue
}

extension RecordFormatting {
    /// What precedes the first record: column titles for a table or CSV, nothing
    /// for JSON (one object per line).
    static func header(_ format: OutputFormat, width: Int, idWidth: Int) -> String {
        switch format {
        case .table: return tableHeader(width: width, idWidth: idWidth)
        case .csv: return csvHeader
        case .json: return ""
        }
    }

    /// One record as a line in `format`, newline included.
    static func line(_ record: Record, _ format: OutputFormat, width: Int, idWidth: Int) -> String {
        switch format {
        case .table: return tableRow(record, width: width, idWidth: idWidth)
        case .csv: return csvRow(record)
        case .json: return json(record).compactJSON + "\n"
        }
    }
}
