import CalltrailModel

extension LoftyStubData {
    static let stages = ["New", "Attempted", "Contacted", "Nurture", "Appointment set", "Under contract", "Closed"]
    static let sources = ["Zillow", "Realtor.com", "IDX website", "Open house", "Referral", "Facebook"]
    static let agents: [(Int64, String, String)] = [(4411001, "Maya", "Patel"), (4411002, "Tom", "Becker"), (4411003, "Ana", "Souza")]
    static let tagNames = ["buyer", "seller", "pre-approved", "hot", "relocating", "investor"]
    static let segmentNames = ["Past clients", "Sphere", "Drip: buyers"]

    /// The rest of a Lofty lead's fields (the spec lists about 56: stage, source,
    /// assigned agent, score, tags, segments, address, inquiry, last contact of
    /// each kind, …), made from the id so every run serves the same. The lead the
    /// tests read the card of, 100001, has every one filled.
    static func leadProfile(_ id: Int64) -> [JSONField] {
        let n = Int(id % 1_000)
        let agent = agents[n % agents.count]
        let tags = tagNames.enumerated().filter { ($0.offset + n) % 3 == 0 }.map { JSONValue.object([JSONField("name", .string($0.element))]) }
        let segments = segmentNames.enumerated().filter { ($0.offset + n) % 2 == 0 }.map { JSONValue.object([JSONField("name", .string($0.element))]) }
        let street = "\(100 + n * 7) Market St"
        return [
            JSONField("source", .string(sources[n % sources.count])),
            JSONField("assignedUser", .object([
                JSONField("id", .integer(agent.0)), JSONField("firstName", .string(agent.1)), JSONField("lastName", .string(agent.2)),
            ])),
            JSONField("assignedUserId", .integer(agent.0)),
            JSONField("score", .integer(Int64(n * 37 % 101))),
            JSONField("tags", .array(tags)),
            JSONField("segments", .array(segments)),
            JSONField("address", .object([
                JSONField("streetAddress", .string(street)), JSONField("city", .string("San Francisco")),
                JSONField("state", .string("CA")), JSONField("zipCode", .string("941\(n % 10)\(n % 7)")),
            ])),
            JSONField("leadTypes", .array([.integer(Int64(n % 3 + 1))])),
            JSONField("groups", .array([])),
            JSONField("contacted", .bool(n % 4 != 0)),
            JSONField("language", .string(n % 5 == 0 ? "es" : "en")),
            JSONField("timeZone", .string("America/Los_Angeles")),
            JSONField("birthday", .null),
            JSONField("ownershipScope", .string("PERSONAL")),
            JSONField("assignTime", .string("2024-03-02 10:00:00")),
            JSONField("lastCall", .string("2026-04-22 10:15:00")),
            JSONField("lastEmail", .string("2026-04-20 08:00:00")),
            JSONField("lastText", .string("2026-04-19 17:30:00")),
            JSONField("lastVisit", .string("2026-04-18 12:00:00")),
            JSONField("inquiry", .object([
                JSONField("priceMin", .integer(400_000)), JSONField("priceMax", .integer(900_000)),
                JSONField("locations", .array([.string("Noe Valley"), .string("Bernal Heights")])),
            ])),
            JSONField("smartPlanStatus", .string(n % 2 == 0 ? "Running" : "None")),
            JSONField("dripStatus", .string("Subscribed")),
            JSONField("hasAlert", .bool(n % 3 == 0)),
            JSONField("pondId", .null),
        ]
    }
}
