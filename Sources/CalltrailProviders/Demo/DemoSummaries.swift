import CalltrailModel

/// The demo's AI summaries, made from the call's id: a recorded call (talked
/// through) mostly has a finished summary with a transcript; about one in eight
/// is still pending, one in ten processing, one in sixteen failed. Calls without
/// a recording have none.
enum DemoSummaries {
    static func make(for call: Call, seed: UInt64) -> CallSummary? {
        guard call.hasRecording == true, let number = UInt64(call.id.rawValue) else { return nil }
        var random = DemoRandom(seed, 0x5A11, number)
        let roll = random.below(80)
        let status: CallSummary.Status
        switch roll {
        case 0..<10: status = .pending
        case 10..<18: status = .processing
        case 18..<23: status = .failed
        default: status = .finished
        }
        let recordingID = String(1_000_000 + number % 9_000_000)
        guard status == .finished else {
            return CallSummary(status: status, recordingID: recordingID, userID: nil)
        }
        let topic = random.pick(topics)
        var lines: [String] = []
        lines.append("Agent: Hi, this is \(random.pick(agents)) calling about \(topic.subject).")
        lines.append("Lead: Oh hello, yes, I was hoping you would call.")
        for turn in 0..<random.inRange(8...40) {
            let speaker = turn % 2 == 0 ? "Agent" : "Lead"
            lines.append("\(speaker): \(random.pick(turn % 2 == 0 ? agentLines : leadLines))")
        }
        lines.append("Agent: \(topic.close)")
        lines.append("Lead: Sounds good, talk then. Bye.")
        return CallSummary(
            status: .finished,
            summary: topic.summary,
            transcript: lines.joined(separator: "\n"),
            keywords: topic.keywords,
            score: Double(random.inRange(55...98)),
            comment: random.chance(60) ? random.pick(comments) : nil,
            summaryID: String(8_000_000 + number % 1_000_000),
            recordingID: recordingID,
            userID: nil)
    }

    struct Topic {
        var subject: String
        var summary: String
        var keywords: [String]
        var close: String
    }

    static let topics: [Topic] = [
        Topic(subject: "the house on Elm Street",
              summary: "The lead wants a viewing of the Elm Street house this weekend and asked about the school district; budget is firm at 650k.",
              keywords: ["viewing", "school district", "budget"], close: "I'll send the viewing times for Saturday."),
        Topic(subject: "your mortgage pre-approval",
              summary: "Discussed pre-approval: the lead will send pay slips; prefers a 30-year fixed rate and calls in the afternoon.",
              keywords: ["pre-approval", "mortgage", "documents"], close: "Send the pay slips when you can and I'll pass them on."),
        Topic(subject: "listing your apartment",
              summary: "The owner is ready to list in spring; agreed a valuation visit next Tuesday and talked through staging.",
              keywords: ["listing", "valuation", "staging"], close: "See you Tuesday at ten for the valuation."),
        Topic(subject: "the offer on Maple Avenue",
              summary: "The seller countered at 712k; the lead will think it over and decide by Friday. Inspection concerns about the roof.",
              keywords: ["offer", "counter-offer", "inspection", "roof"], close: "Let me know by Friday and I'll answer the seller."),
    ]

    static let agents = ["Sam from Bayview Realty", "Priya at Northgate Homes", "Lee from Harbor & Co"]
    static let agentLines = [
        "Is the weekend still good for a viewing?",
        "The school district there is one of the best in the county.",
        "I can get you the inspection report by tomorrow.",
        "What budget are you comfortable with?",
        "The seller is motivated, so there may be room to negotiate.",
        "Would a morning or an afternoon suit you better?",
        "I'll check the parking situation and get back to you.",
        "There's another viewing scheduled for Sunday, so it may move fast.",
    ]
    static let leadLines = [
        "Saturday morning works best for us.",
        "We really need three bedrooms and a garden.",
        "Our budget is firm, we can't go above that.",
        "How old is the roof? That worried us a little.",
        "My partner wants to see the school first.",
        "Could you send me the floor plan?",
        "We're also looking at a place across town.",
        "That sounds great, thank you.",
    ]
    static let comments = [
        "Follow up before Friday.",
        "Warm lead: send listings weekly.",
        "Agent could ask about the timeline earlier.",
        "Good rapport; confirm the viewing by text.",
    ]
}
