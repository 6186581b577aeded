import CalltrailModel
import Foundation

/// Makes call `index` (0 = newest) of a demo lead from (seed, lead, index) alone,
/// so a page of a million-call history costs the same as the first page.
enum DemoCallFactory {
    /// The demo's fixed "now" (2026-11-20 16:45 UTC), so the data is reproducible.
    static let anchor = Date(timeIntervalSince1970: 1_795_193_100)

    /// Ids start above 2^53 so the program's exact-id handling is exercised.
    static let firstCallID: Int64 = 9_007_199_254_740_993
    /// Room for this many calls per lead in the id space.
    static let idsPerLead: Int64 = 100_000_000

    static func callID(lead: DemoLead, index: Int) -> CallID {
        let ordinal = Int64(lead.callCount - 1 - index)  // older calls have smaller ids
        return CallID(firstCallID + Int64(lead.number) * idsPerLead + ordinal)
    }

    /// (lead number, index) for a call id this factory made, if it is one.
    static func locate(_ id: CallID, in leads: [DemoLead]) -> (DemoLead, Int)? {
        guard let value = id.int64Value, value >= firstCallID else { return nil }
        let relative = value - firstCallID
        let number = Int(relative / idsPerLead)
        guard let lead = leads.first(where: { $0.number == number }) else { return nil }
        let ordinal = Int(relative % idsPerLead)
        guard ordinal < lead.callCount else { return nil }
        return (lead, lead.callCount - 1 - ordinal)
    }

    /// Calls spread back over about two years, at least 90 s apart; jitter stays
    /// under half a gap so start times strictly decrease with the index.
    static func startTime(lead: DemoLead, index: Int, seed: UInt64) -> Date {
        let gap = min(max(2 * 365 * 86_400 / Double(max(lead.callCount, 1)), 90), 3 * 86_400)
        var random = DemoRandom(seed, 0x7133, UInt64(lead.number), UInt64(index))
        let jitter = Double(random.below(Int(gap / 2)))
        return anchor.addingTimeInterval(-lead.newestCallAge - Double(index) * gap - jitter)
    }

    static func make(lead: DemoLead, index: Int, seed: UInt64) -> Call {
        var random = DemoRandom(seed, 0xCA11, UInt64(lead.number), UInt64(index))
        let start = startTime(lead: lead, index: index, seed: seed)
        let agent = random.pick(DemoVocabulary.agents)
        let isManual = random.chance(10)
        let direction: CallDirection = random.chance(1) ? .other("Internal") : (random.chance(65) ? .outbound : .inbound)

        // Outcome first, then a status and duration that agree with it.
        let roll = random.below(1_000)
        let outcome: CallOutcome?
        switch roll {
        case 0..<380: outcome = .talked
        case 380..<560: outcome = .voiceMessage
        case 560..<860: outcome = .noAnswer
        case 860..<920: outcome = .badNumber
        case 920..<950: outcome = .dncNumber
        case 950..<975: outcome = .dncContact
        case 975..<985: outcome = .other("Rescheduled")  // a value Lofty might add later
        default: outcome = nil
        }
        var status: CallStatus
        var duration: Int
        switch outcome {
        case .talked: status = .completed; duration = random.inRange(25...1_800)
        case .voiceMessage: status = .voiceMail; duration = random.inRange(12...75)
        case .noAnswer:
            status = direction == .inbound ? .missed : random.pick([.noAnswer, .busy, .noAnswer])
            duration = 0
        case .badNumber: status = .failed; duration = 0
        case .dncNumber, .dncContact: status = .completed; duration = random.inRange(5...60)
        default: status = random.chance(50) ? .other("Transferred") : .completed; duration = random.inRange(5...300)
        }
        if random.chance(1) { status = .other("Queued") }

        let note: String? = random.chance(35) ? random.pick(DemoVocabulary.notes) : nil
        let rating: Int? = outcome == .talked && random.chance(80) ? random.inRange(1...5) : nil
        let leadPhone = lead.lead.phones.first

        var details: [CallDetail] = [
            CallDetail(key: "userId", label: "Agent", value: .integer(agent.id)),
            CallDetail(key: "createTime", label: "Logged", value: .instant(start.addingTimeInterval(Double(duration) + 4))),
        ]
        var otherFields: [JSONField] = []
        if !isManual {
            let dialerID = Int64(5_000_000_000) + Int64(lead.number) * 10_000_000 + Int64(index)
            details.insert(CallDetail(key: "dialerCallRecordId", label: "Dialer record", value: .integer(dialerID)), at: 0)
            details.append(CallDetail(key: "showUserNumber", label: "Caller ID shown", value: .phone(agent.phone)))
            details.append(CallDetail(key: "recordingSwitch", label: "Recorded", value: .bool(outcome == .talked)))
            details.append(CallDetail(key: "isMachineAnswered", label: "Machine answered", value: .bool(outcome == .voiceMessage)))
            details.append(CallDetail(key: "price", label: "Price", value: .money(Double((duration / 60 + 1) * 13) / 1_000, currency: "USD")))
            details.append(CallDetail(key: "elapsedTime", label: "Ringing", value: .duration(random.inRange(2...40))))
            if random.chance(8) {
                otherFields.append(JSONField("sentimentScore", .number(Double(random.inRange(-100...100)) / 100)))
            }
            if random.chance(5) {
                otherFields.append(JSONField("campaign", .object([
                    JSONField("id", .integer(Int64(random.inRange(1...40)))),
                    JSONField("name", .string(random.pick(["Spring open houses", "春の内覧会", "Re-engage 2025"]))),
                ])))
            }
        }

        return Call(
            id: callID(lead: lead, index: index),
            leadID: lead.id,
            direction: direction,
            status: isManual ? nil : status,
            outcome: outcome,
            startTime: start,
            endTime: isManual ? nil : start.addingTimeInterval(Double(duration)),
            duration: isManual && random.chance(50) ? nil : duration,
            rating: rating,
            note: note,
            leadPhoneNumber: leadPhone,
            userPhoneNumber: isManual ? nil : agent.phone,
            isManual: isManual,
            hasRecording: !isManual && outcome == .talked,
            details: details,
            otherFields: otherFields
        )
    }
}
