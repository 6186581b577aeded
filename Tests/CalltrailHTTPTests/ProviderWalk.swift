import CalltrailModel
import CalltrailProviders

/// Walks a provider's pages the way the program does: cursor to cursor until none.
enum ProviderWalk {
    /// Every call of `lead`, pages of `limit` joined in order.
    static func allCalls(_ provider: some CallProvider, lead: LeadID, limit: Int = 100) async throws -> [Call] {
        var calls: [Call] = []
        var cursor: PageCursor? = nil
        repeat {
            let page = try await provider.calls(forLead: lead, after: cursor, limit: limit)
            calls += page.calls
            cursor = page.next
        } while cursor != nil
        return calls
    }
}
