import CalltrailModel
import Foundation

/// The lead card above the timeline: the fields a reviewer wants at a glance,
/// each sanitised (vendor text) and cut before sanitising so a huge value costs little.
public struct LeadCardFacts: Sendable, Hashable {
    public let stage: String?
    public let source: String?
    public let assignedTo: String?
    public let score: String?
    public let tags: [String]

    public init(_ lead: Lead) {
        func clean(_ text: String?) -> String? {
            guard let text else { return nil }
            let safe = DisplayText.sanitize(String(text.prefix(200)))
            return safe.isEmpty ? nil : safe
        }
        stage = clean(lead.stage)
        source = clean(lead.source)
        assignedTo = clean(lead.assignedTo)
        score = clean(lead.score)
        tags = lead.tags.prefix(20).compactMap { clean($0) }
    }

    /// "Nurture · Zillow · → Maya Patel · score 87 · #buyer #hot": what is known,
    /// in that order (the front end cuts it to the pane).
    public var parts: [String] {
        var parts: [String] = []
        if let stage { parts.append(stage) }
        if let source { parts.append(source) }
        if let assignedTo { parts.append("→ " + assignedTo) }
        if let score { parts.append("score " + score) }
        if !tags.isEmpty { parts.append(tags.map { "#" + $0 }.joined(separator: " ")) }
        return parts
    }
}

extension BrowserState {
    /// The open lead's card, while the calls pane shows it.
    public var leadCard: LeadCardFacts? {
        guard showsLeadCard, let lead = timeline?.lead else { return nil }
        return LeadCardFacts(lead)
    }
}
