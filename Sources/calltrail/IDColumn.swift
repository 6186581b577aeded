import CalltrailModel
import CalltrailProviders

/// The id column of a `calls`/`leads` table, so every row lines up: as wide as
/// the provider's ids always are when their shape says (uuids), else as the widest
/// id of the first page. Ids are never cut (they are what the other commands
/// take): a longer one on a later page widens its own row.
enum IDColumn {
    static func width(shape: IDShape, firstPage ids: [String]) -> Int {
        let widest = ids.map { DisplayText.width(DisplayText.sanitize($0)) }.max() ?? 0
        return max(title.count, shape.fixedWidth ?? 0, widest)
    }

    static let title = "ID"
}
