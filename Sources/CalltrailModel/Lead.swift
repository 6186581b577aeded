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
    /// The lead card's fields, where the vendor has them (Lofty's pipeline stage,
    /// lead source, assigned agent, score, tags and segments; a postal address).
    /// Vendor text: sanitise before display.
    public var stage: String?
    public var source: String?
    public var assignedTo: String?
    /// As the vendor wrote it ("87", "4.5").
    public var score: String?
    public var tags: [String]
    public var segments: [String]
    public var address: String?
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
        stage: String? = nil,
        source: String? = nil,
        assignedTo: String? = nil,
        score: String? = nil,
        tags: [String] = [],
        segments: [String] = [],
        address: String? = nil,
        otherFields: [JSONField] = []
    ) {
        self.stage = stage
        self.source = source
        self.assignedTo = assignedTo
        self.score = score
        self.tags = tags
        self.segments = segments
        self.address = address
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

    /// Whether any of the card's fields (stage, source, agent, score, tags, segments) is known.
    public var hasCardFields: Bool {
        stage != nil || source != nil || assignedTo != nil || score != nil || !tags.isEmpty || !segments.isEmpty
    }

    /// "First Last", or the first phone, or the id: never empty.
    public var displayName: String {
        // Drawn several times a frame (leads rows, titles, header): trimmed by hand,
        // not with a CharacterSet, which cost a few percent of a key's CPU.
        let first = firstName.map(Self.trimmed) ?? ""
        let last = lastName.map(Self.trimmed) ?? ""
        let name = first.isEmpty ? last : (last.isEmpty ? first : first + " " + last)
        if !name.isEmpty { return name }
        if let phone = phones.first, !phone.isEmpty { return phone }
        return "Lead \(id.rawValue)"
    }

    /// The name without leading and trailing spaces and tabs (`CharacterSet.whitespaces`:
    /// space separators and tab); the common untrimmed name is returned as it is.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let head = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        guard let tail = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        if head == scalars.startIndex, scalars.index(after: tail) == scalars.endIndex { return text }
        return String(scalars[head...tail])
    }
}
