import CalltrailModel
import Foundation
import CalltrailProviders

/// What `calls --outcome` asks for. Against a provider with a fixed list of
/// outcomes, a word not on it is a mistake (said before any request, with the
/// valid words) unless written `other:VALUE`, for a value the vendor added later;
/// against an open set any word may be a vendor's own value.
struct OutcomeSelection {
    /// Marks a word as a vendor's own value on a fixed vocabulary (`other:LeftMessage`).
    static let otherPrefix = "other:"

    /// The wanted outcomes as slugs, so a vendor's own value matches whatever its case.
    let slugs: Set<String>
    /// The words as typed, for messages.
    let words: [String]

    init(_ text: String, vocabulary: OutcomeVocabulary, providerName: String) throws(UsageError) {
        let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { throw UsageError("--outcome needs at least one outcome") }
        let marked = words.map { $0.lowercased().hasPrefix(Self.otherPrefix) ? String($0.dropFirst(Self.otherPrefix.count)) : nil }
        if case .fixed(let known) = vocabulary {
            let valid = known.map(\.slug)
            for (word, other) in zip(words, marked) where other == nil && !known.contains(CallOutcome(argument: word)) {
                let hint = Suggestion.closest(to: word, among: valid).map { " — did you mean '\($0)'?" } ?? ""
                throw UsageError(
                    "unknown outcome '\(DisplayText.sanitize(word))' for \(providerName)\(hint) (valid: \(valid.joined(separator: ", ")); "
                        + "a value \(providerName) added later: \(Self.otherPrefix)VALUE)")
            }
        }
        let values = zip(words, marked).map { word, other in other ?? word }
        guard values.allSatisfy({ !$0.isEmpty }) else { throw UsageError("--outcome \(Self.otherPrefix) needs the vendor's value after it") }
        self.words = values
        self.slugs = Set(values.map { CallOutcome(argument: $0).slug })
    }

    func matches(_ call: Call) -> Bool {
        call.outcome.map { slugs.contains($0.slug) } ?? false
    }
}
