import CalltrailModel

extension CallProvider {
    /// Looks for the lead in the lead list, page by page (at most `maximumPages`
    /// of 100): for vendors without a get-one-lead endpoint. Not there: not found.
    public func lead(id: LeadID) async throws -> Lead {
        try await findLead(id, maximumPages: 100)
    }

    public func findLead(_ id: LeadID, maximumPages: Int) async throws -> Lead {
        try descriptor.check(id)
        var cursor: PageCursor?
        var pages = 0
        repeat {
            let page = try await leads(matching: nil, after: cursor, limit: 100)
            if let lead = page.leads.first(where: { $0.id == id }) { return lead }
            cursor = page.next
            pages += 1
        } while cursor != nil && pages < maximumPages
        throw ProviderError.notFound("lead \(id.rawValue)")
    }
}
