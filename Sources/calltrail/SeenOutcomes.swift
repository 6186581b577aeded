import CalltrailModel
import CalltrailViewModel

/// The outcomes met while walking a lead's calls, so an `--outcome` word that
/// matched nothing can be answered with the words that would have.
struct SeenOutcomes {
    private(set) var calls = 0
    private(set) var labels: [String] = []
    private var slugs: Set<String> = []
    /// Enough to show what the lead has without flooding the line.
    static let shown = 12

    mutating func note(_ outcome: CallOutcome?) {
        calls += 1
        guard let outcome, labels.count < Self.shown, slugs.insert(outcome.slug).inserted else { return }
        labels.append(DisplayText.sanitize(outcome.slug))
    }

    func noMatchMessage(for words: [String], lead: String) -> String {
        let asked = words.map { "'\(DisplayText.sanitize($0))'" }.joined(separator: ", ")
        guard calls > 0 else { return "lead \(DisplayText.sanitize(lead)) has no calls, so none has outcome \(asked)" }
        let examined = "none of \(DisplayFormat.count(calls, "call")) has outcome \(asked)"
        let found = labels.isEmpty ? "none has an outcome" : "outcomes seen: " + labels.joined(separator: ", ")
        return "\(examined) (\(found))"
    }
}
