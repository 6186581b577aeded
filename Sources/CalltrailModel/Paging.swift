/// Where the next page starts. Opaque to everyone but the provider that made it:
/// Lofty puts the last id (and an offset fallback) in it, other vendors a page number.
public struct PageCursor: Hashable, Sendable, CustomStringConvertible {
    public let token: String
    public init(_ token: String) { self.token = token }
    public var description: String { token }
}

/// One page of a lead's calls, newest first, and where the next page starts.
public struct CallPage: Sendable, Hashable {
    public var calls: [Call]
    /// nil when the history has ended.
    public var next: PageCursor?
    /// Why the history ended here, when it is not simply the first call ever
    /// ("no calls in the 360 days before …; stopped looking there").
    public var endNote: String?

    public init(calls: [Call], next: PageCursor?, endNote: String? = nil) {
        self.calls = calls
        self.next = next
        self.endNote = endNote
    }
}

/// One page of leads and where the next page starts.
public struct LeadPage: Sendable, Hashable {
    public var leads: [Lead]
    public var next: PageCursor?
    /// How many leads match in all, when the vendor says.
    public var total: Int?

    public init(leads: [Lead], next: PageCursor?, total: Int? = nil) {
        self.leads = leads
        self.next = next
        self.total = total
    }
}
