import CalltrailModel

/// Walks a provider's pages and prints each as it arrives: the header with the
/// first page (so a refusal prints no orphan header), then the kept items,
/// stopping once `limit` items are out (no further page is fetched).
enum PagedOutput {
    static func walk<Item>(
        header: String, limit: Int?,
        fetch: (PageCursor?) async throws -> (items: [Item], next: PageCursor?),
        keep: (Item) -> Bool = { _ in true },
        render: (Item) -> String
    ) async throws {
        var printed = 0
        var cursor: PageCursor? = nil
        var first = true
        repeat {
            let page = try await fetch(cursor)
            var out = first ? header : ""
            first = false
            for item in page.items where keep(item) {
                if let limit, printed >= limit { break }
                out += render(item)
                printed += 1
            }
            StandardOutput.write(out)
            cursor = page.next
        } while cursor != nil && (limit.map { printed < $0 } ?? true)
    }
}
