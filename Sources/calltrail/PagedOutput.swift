import CalltrailModel
import CalltrailProviders

/// Walks a provider's pages and prints each as it arrives: the header with the
/// first page (so a refusal prints no orphan header; the first page's items size
/// its columns), then the kept items, stopping once `limit` items are out (no
/// further page is fetched). An item an earlier page already printed is not
/// printed again, and a server whose paging does not advance ends the walk with
/// an error once what it sent is printed. Returns how many items were printed.
enum PagedOutput {
    @discardableResult
    static func walk<Item, Layout, ID: Hashable & Sendable>(
        limit: Int?, noun: String,
        fetch: (PageCursor?) async throws -> (items: [Item], next: PageCursor?),
        id: (Item) -> ID?,
        layout: ([Item]) -> Layout,
        header: (Layout) -> String,
        keep: (Item) -> Bool = { _ in true },
        render: (Item, Layout) -> String
    ) async throws -> Int {
        var printed = 0
        var cursor: PageCursor? = nil
        var fixed: Layout?
        var guardian = PageWalkGuard<ID>(noun: noun)
        repeat {
            let page = try await fetch(cursor)
            let admitted = guardian.admit(ids: page.items.map(id), next: page.next)
            var out = ""
            let current: Layout
            if let fixed { current = fixed } else {
                current = layout(page.items)
                fixed = current
                out = header(current)
            }
            for index in admitted.keep where keep(page.items[index]) {
                if let limit, printed >= limit { break }
                out += render(page.items[index], current)
                printed += 1
            }
            StandardOutput.write(out)
            if let stop = admitted.stop, limit.map({ printed < $0 }) ?? true { throw stop }
            cursor = page.next
        } while cursor != nil && (limit.map { printed < $0 } ?? true)
        return printed
    }
}
