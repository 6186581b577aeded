/// The `/` prompt and the last search, per pane.
public struct SearchState: Sendable, Hashable {
    /// The prompt is open and typing goes into `text`.
    public internal(set) var isEditing = false
    /// The pane the prompt searches.
    public internal(set) var pane: Pane = .calls
    /// What has been typed; a new prompt starts empty.
    public internal(set) var text = ""
    /// The last submitted timeline search, for `n` / `N`.
    public internal(set) var timelineQuery: String?
    /// The last term submitted in each pane: the prompt's dim hint, recalled by ↑.
    var lastTerms: [Pane: String] = [:]
    /// The leads search in effect when the prompt opened, put back by Esc.
    var leadsQueryBefore: String?
    /// The call selected when the prompt opened, selected again by Esc.
    var timelineOrigin: CallRef?
    /// When the typed text goes to the provider as a leads search: typing
    /// searches as it goes, but only once a keystroke has not followed for a moment.
    var leadsQueryDue: ContinuousClock.Instant?

    /// The previous term, shown dim in an empty prompt.
    public var hint: String? { text.isEmpty ? lastTerms[pane] : nil }
}
