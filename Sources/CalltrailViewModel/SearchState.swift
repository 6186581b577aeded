/// The `/` prompt and the last search, per pane.
public struct SearchState: Sendable, Hashable {
    /// The prompt is open and typing goes into `text`.
    public internal(set) var isEditing = false
    /// The pane the prompt searches.
    public internal(set) var pane: Pane = .calls
    public internal(set) var text = ""
    /// The last submitted timeline search, for `n` / `N`.
    public internal(set) var timelineQuery: String?
}
