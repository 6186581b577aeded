import CalltrailModel

/// Leads fetched one at a time with `lead(id:)`: the open lead when the lead list
/// did not bring it (`--lead` with a lead further down the list, `L` from the
/// inbox), and an inbox call's lead for `i`.
struct LeadLookupState: Sendable {
    /// Leads fetched so far, by id (cleared past `maximumKept`).
    var fetched: [LeadID: Lead] = [:]
    /// Fetches in flight.
    var pending: [LeadID: LoadTicket] = [:]
    /// The open lead came without its fields: once the lead list has answered
    /// without it, it is fetched.
    var openLeadWanted: LeadID?
    /// `i` asked for this lead's view before it was known: it opens when the lead
    /// arrives, if `i` would still show that lead.
    var viewWanted: LeadID?

    static let maximumKept = 500

    mutating func keep(_ lead: Lead) {
        if fetched.count >= Self.maximumKept { fetched.removeAll(keepingCapacity: true) }
        fetched[lead.id] = lead
    }
}
