import CalltrailModel

/// Walks a provider's pages and prints each as it arrives: the header with the
/// first page (so a refusal prints no orphan header; the first page's items size
/// its columns), then the kept items, stopping once `limit` items are out (no
/// further page is fetched). Returns how many items were printed.
enum PagedOutput {
    @discardableResult
    static func walk<Item, Layout>(
        limit: Int?,
        fetch: (PageCursor?) async throws -> (items: [Item], next: PageCursor?),
        layout: ([Item]) -> Layout,
        header: (Layout) -> String,
        keep: (Item) -> Bool = { _ in true },
        render: (Item, Layout) -> String
    ) async throws -> Int {
        var printed = 0
        var cursor: PageCursor? = nil
        var fixed: Layout?
        repeat {
            let page = try await fetch(cursor)
            var out = ""
            let current: Layout
            if let fixed { current = fixed } else {
                current = layout(page.items)
                fixed = current
                out = header(current)
            }
            for item in page.items where keep(item) {
                if let limit, printed >= limit { break }
                out += render(item, current)
                printed += 1
            }
            StandardOutput.write(out)
            cursor = page.next
        } while cursor != nil && (limit.map { printed < $0 } ?? true)
        return printed
    }
}
