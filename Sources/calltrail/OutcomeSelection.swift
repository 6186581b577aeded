import CalltrailModel
import Foundation
import CalltrailProviders

/// What `calls --outcome` asks for. Against a provider with a fixed list of
/// outcomes, a word not on it is a mistake (said before any request, with the
/// valid words); against an open set any word may be a vendor's own value.
struct OutcomeSelection {
    /// The wanted outcomes as slugs, so a vendor's own value matches whatever its case.
    let slugs: Set<String>
    /// The words as typed, for messages.
    let words: [String]

    init(_ text: String, vocabulary: OutcomeVocabulary, providerName: String) throws(UsageError) {
        let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { throw UsageError("--outcome needs at least one outcome") }
        if case .fixed(let known) = vocabulary {
            let valid = known.map(\.slug)
            for word in words where !known.contains(CallOutcome(argument: word)) {
                let hint = Suggestion.closest(to: word, among: valid).map { " — did you mean '\($0)'?" } ?? ""
                throw UsageError(
                    "unknown outcome '\(DisplayText.sanitize(word))' for \(providerName)\(hint) (valid: \(valid.joined(separator: ", ")))")
            }
        }
        self.words = words
        self.slugs = Set(words.map { CallOutcome(argument: $0).slug })
    }

    func matches(_ call: Call) -> Bool {
        call.outcome.map { slugs.contains($0.slug) } ?? false
    }
}
