import CalltrailModel
import CalltrailProviders
import Foundation

/// Where the next page starts for vendors paged by page number and page size.
/// The size is pinned in the cursor: asking for page 3 with a different size
/// than pages 1 and 2 would skip or repeat items.
struct PageNumberCursor: Hashable, Sendable {
    var page: Int
    var size: Int

    /// The first page, with `limit` clamped to what the vendor accepts.
    static func first(page: Int, limit: Int, maximum: Int) -> PageNumberCursor {
        PageNumberCursor(page: page, size: min(max(1, limit), maximum))
    }

    /// The cursor's page, or the first page when `cursor` is nil.
    static func resolve(_ cursor: PageCursor?, firstPage: Int, limit: Int, maximum: Int) throws(ProviderError) -> PageNumberCursor {
        guard let cursor else { return first(page: firstPage, limit: limit, maximum: maximum) }
        let parts = cursor.token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let page = Int(parts[0]), let size = Int(parts[1]),
              page >= firstPage, (1...maximum).contains(size)
        else { throw .invalidInput("page cursor \"\(cursor.token)\" was not made by this provider") }
        return PageNumberCursor(page: page, size: size)
    }

    var token: PageCursor { PageCursor("\(page):\(size)") }
    var next: PageNumberCursor { PageNumberCursor(page: page + 1, size: size) }
    /// Items on the pages before this one.
    func itemsBefore(firstPage: Int) -> Int { (page - firstPage) * size }
}

/// A vendor's page-number paging: parameter names and limits, and one page of a
/// list endpoint fetched and decoded with it.
struct PageNumberPaging: Sendable {
    var pageParameter: String
    var sizeParameter: String
    var firstPage: Int
    var maximumPageSize: Int

    /// One page of `path`: its decoded items, the cursor after it (nil at the end)
    /// and the vendor's total when it sends one.
    func fetch<Item: Sendable>(
        _ client: APIClient, path: String, filters: [(name: String, value: String)], subject: String,
        after cursor: PageCursor?, limit: Int,
        list: @escaping @Sendable ([UInt8]) throws -> VendorListBody,
        item: @escaping @Sendable (JSONValue) throws -> Item,
        unreadable: (@Sendable (JSONValue, ProviderError) -> Item)? = nil
    ) async throws -> (items: [Item], next: PageCursor?, total: Int?) {
        let position = try PageNumberCursor.resolve(cursor, firstPage: firstPage, limit: limit, maximum: maximumPageSize)
        let query = filters + [(pageParameter, String(position.page)), (sizeParameter, String(position.size))]
        let request = APIRequest(path: path, query: query, subject: subject)
        let firstPage = self.firstPage
        return try await client.send(request) { body in
            let page = try list(body)
            // Record by record: with `unreadable`, one bad record does not hide the rest.
            let items = try page.items.map { value in
                guard let unreadable else { return try item(value) }
                do {
                    return try item(value)
                } catch let error as ProviderError {
                    return unreadable(value, error)
                }
            }
            let more = page.hasNextPage(itemsBefore: position.itemsBefore(firstPage: firstPage), pageSize: position.size)
            return (items, more ? position.next.token : nil, page.total)
        }
    }

    /// One page of a contact list, narrowed by free text under `searchParameter`
    /// (a blank query lists every contact).
    func contacts(
        _ client: APIClient, path: String, searchParameter: String, matching query: String?,
        after cursor: PageCursor?, limit: Int,
        list: @escaping @Sendable ([UInt8]) throws -> VendorListBody,
        lead: @escaping @Sendable (JSONValue) throws -> Lead
    ) async throws -> LeadPage {
        var filters: [(name: String, value: String)] = []
        if let query = query?.trimmingCharacters(in: .whitespaces), !query.isEmpty {
            filters.append((searchParameter, query))
        }
        let page = try await fetch(
            client, path: path, filters: filters, subject: "the contact list", after: cursor, limit: limit,
            list: list, item: lead)
        return LeadPage(leads: page.items, next: page.next, total: page.total)
    }

    /// One page of a contact's calls, the contact named by `contactParameter`.
    func calls(
        _ client: APIClient, path: String, contactParameter: String, forLead lead: LeadID,
        after cursor: PageCursor?, limit: Int,
        list: @escaping @Sendable ([UInt8]) throws -> VendorListBody,
        call: @escaping @Sendable (JSONValue) throws -> Call
    ) async throws -> CallPage {
        let page = try await fetch(
            client, path: path, filters: [(contactParameter, lead.rawValue)], subject: "contact \(lead.rawValue)",
            after: cursor, limit: limit, list: list, item: call,
            unreadable: { value, error in Call.unreadable(raw: value, reason: error.detail) })
        // The contact filter is a guess at an unpublished parameter: a server that ignores
        // it would show other contacts' calls under this one.
        if let stranger = page.items.first(where: { $0.unreadable == nil && $0.leadID.map { $0 != lead } ?? false }) {
            throw ProviderError.configuration(
                "the server returned call \(stranger.id) of contact \(stranger.leadID?.rawValue ?? "?") when asked for contact "
                + "\(lead.rawValue): it ignores the \"\(contactParameter)\" filter calltrail guessed for this vendor; "
                + "check --base-url / base_url in the config file points at the vendor's API")
        }
        return CallPage(calls: page.items, next: page.next)
    }
}
