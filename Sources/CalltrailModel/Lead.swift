import Foundation

/// A person the account can call (Lofty's lead, other vendors' contact).
public struct Lead: Sendable, Hashable, Identifiable {
    public var id: LeadID
    public var firstName: String?
    public var lastName: String?
    public var phones: [String]
    public var emails: [String]
    /// When someone last touched the lead (call, text, note), if known.
    public var lastTouch: Date?
    public var createTime: Date?
    /// The lead must not be called (DNC), if the vendor says so.
    public var cannotCall: Bool?
    public var otherFields: [JSONField]

    public init(
        id: LeadID,
        firstName: String? = nil,
        lastName: String? = nil,
        phones: [String] = [],
        emails: [String] = [],
        lastTouch: Date? = nil,
        createTime: Date? = nil,
        cannotCall: Bool? = nil,
        otherFields: [JSONField] = []
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.phones = phones
        self.emails = emails
        self.lastTouch = lastTouch
        self.createTime = createTime
        self.cannotCall = cannotCall
        self.otherFields = otherFields
    }

    /// "First Last", or the first phone, or the id: never empty.
    public var displayName: String {
        let name = [firstName, lastName]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        if !name.isEmpty { return name }
        if let phone = phones.first, !phone.isEmpty { return phone }
        return "Lead \(id.rawValue)"
    }
}
