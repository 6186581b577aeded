import CalltrailModel
import Foundation

/// One generated lead: who it is and how many calls it has. Its calls are never
/// stored; `DemoCallFactory` makes any of them from (seed, lead, index) on demand.
struct DemoLead: Sendable, Hashable {
    /// Position in the demo's lead list; part of every call id of this lead.
    var number: Int
    var lead: Lead
    var callCount: Int
    /// A lead the demo account may not see, so the no-access state can be shown.
    var isRestricted: Bool
    /// How long before the demo's "now" this lead's newest call is.
    var newestCallAge: TimeInterval

    var id: LeadID { lead.id }

    static let firstLeadID: Int64 = 100_001

    /// The fixed lead list for a seed: about 50 leads, one with 50,000 calls, one
    /// with none, one restricted, the rest with a few to a few hundred.
    static func generate(seed: UInt64, count: Int = 50) -> [DemoLead] {
        let fixedCounts: [Int: Int] = [0: 1_204, 1: 50_000, 2: 0, 3: 3, 4: 1, 5: 240]
        return (0..<count).map { number in
            var random = DemoRandom(seed, 0x1EAD, UInt64(number))
            let callCount = fixedCounts[number] ?? random.inRange(0...600)
            return make(
                number: number, seed: seed, callCount: callCount,
                name: name(number),
                isRestricted: number == 6
            )
        }
    }

    static let stagePool = ["New", "Attempted", "Contacted", "Nurture", "Appointment set", "Under contract", "Closed"]
    static let sourcePool = ["Zillow", "Realtor.com", "Website", "Open house", "Referral", "Facebook ads", "Sign call"]
    static let agentPool = ["Maya Patel", "Tom Becker", "Ana Souza", "Kenji Ito", "Priya Nair"]
    static let tagPool = ["buyer", "seller", "first-time", "pre-approved", "hot", "relocating", "investor", "vip"]
    static let segmentPool = ["Past clients", "Sphere", "Open house 2026", "Drip: buyers"]
    static let streetPool = ["Maple Ave", "Oak St", "Hillcrest Rd", "Bay Blvd", "Cedar Ln"]
    static let cityPool = ["Austin, TX", "Portland, OR", "Denver, CO", "Raleigh, NC", "San Diego, CA"]

    /// Past the end of the pool, first and last names are recombined so names stay distinct.
    static func name(_ number: Int) -> (String, String) {
        let pool = DemoVocabulary.names
        if number < pool.count { return pool[number] }
        let first = pool[number % pool.count].0
        let last = pool[(number + 11) % pool.count].1
        return (first.isEmpty ? "Sam" : first, last.isEmpty ? "Lee" : last)
    }

    static func make(number: Int, seed: UInt64, callCount: Int, name: (String, String), isRestricted: Bool) -> DemoLead {
        var random = DemoRandom(seed, 0xA6E, UInt64(number))
        let phone = "+1" + String(random.inRange(201...989)) + "555" + String(format: "%04d", random.below(10_000))
        let age = TimeInterval(random.inRange(0...(200 * 3600)))
        let first = name.0.isEmpty ? nil : name.0
        let last = name.1.isEmpty ? nil : name.1
        var emails: [String] = []
        if random.chance(70) { emails.append("lead\(number)@example.com") }
        // The card's fields, drawn after everything else so the rest of a lead stays as it was.
        var card = DemoRandom(seed, 0xCA2D, UInt64(number))
        let tags = DemoLead.tagPool.filter { _ in card.chance(25) }
        let segments = DemoLead.segmentPool.filter { _ in card.chance(30) }
        let lead = Lead(
            id: LeadID(firstLeadID + Int64(number)),
            firstName: first,
            lastName: last,
            phones: [phone],
            emails: emails,
            lastTouch: callCount > 0 ? DemoCallFactory.anchor.addingTimeInterval(-age) : nil,
            createTime: DemoCallFactory.anchor.addingTimeInterval(-age - 86_400 * 800),
            cannotCall: number % 13 == 12 ? true : nil,
            stage: card.pick(DemoLead.stagePool),
            source: card.pick(DemoLead.sourcePool),
            assignedTo: card.chance(90) ? card.pick(DemoLead.agentPool) : nil,
            score: String(card.inRange(0...100)),
            tags: tags,
            segments: segments,
            address: card.chance(60) ? "\(card.inRange(1...9_999)) \(card.pick(DemoLead.streetPool)), \(card.pick(DemoLead.cityPool))" : nil
        )
        return DemoLead(number: number, lead: lead, callCount: callCount, isRestricted: isRestricted, newestCallAge: age)
    }
}
