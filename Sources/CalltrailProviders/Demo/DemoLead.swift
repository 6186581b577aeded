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
        let lead = Lead(
            id: LeadID(firstLeadID + Int64(number)),
            firstName: first,
            lastName: last,
            phones: [phone],
            emails: emails,
            lastTouch: callCount > 0 ? DemoCallFactory.anchor.addingTimeInterval(-age) : nil,
            createTime: DemoCallFactory.anchor.addingTimeInterval(-age - 86_400 * 800),
            cannotCall: number % 13 == 12 ? true : nil
        )
        return DemoLead(number: number, lead: lead, callCount: callCount, isRestricted: isRestricted, newestCallAge: age)
    }
}
