/// What a key asks for. The terminal front end turns these into view-model
/// actions (or handles quit/help itself); the key map is the only place that
/// says which key does what.
public enum KeyCommand: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, first, last
    case focusNext, focusPrevious, focusLeft, focusRight
    case open, back
    case search, searchNext, searchPrevious
    /// The next / previous call, also inside the full-screen detail.
    case nextCall, previousCall
    /// Filter key 1…6.
    case toggleOutcome(Int)
    case clearOutcomes
    case reload
    /// Play the selected call's recording with the user's player.
    case playRecording
    /// The selected call's transcript, full screen (again closes it).
    case openTranscript
    /// Every field of the highlighted (or open) lead, full screen (again closes it).
    case openLeadInfo
    /// The inbox: recent calls across leads.
    case openRecent
    /// From the inbox, the selected call's lead.
    case openCallsLead
    /// Load the rest of the lead's history so the stats strip covers every call.
    case completeStats
    /// All → outbound → inbound.
    case toggleDirection
    case help
    /// Close help, the full-screen detail or a search; from the main view, quit.
    case close
    /// Quit from anywhere.
    case quit
}
