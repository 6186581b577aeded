import CalltrailModel
import CalltrailProviders

/// Everything that can happen to the browser: what the user asked for (keys,
/// already translated by the front end) and what came back from the network.
/// `Browser.send` is the only way in.
public enum BrowserAction: Sendable, Equatable {
    // Movement within the focused pane (or the full-screen detail).
    case moveUp, moveDown, pageUp, pageDown
    /// First / last loaded row; in the timeline, `last` keeps loading to the end.
    case first, last
    case focusNext, focusPrevious, focus(Pane)
    /// Lead → its calls; call → full-screen detail.
    case open
    /// Close the overlay, leave search, or move focus back a pane.
    case back
    /// Keys 1…6: toggle the outcome on that filter slot.
    case toggleOutcomeFilter(slot: Int)
    /// Key 0: clear the outcome and direction filters.
    case clearFilters
    /// Cycles all → outbound only → inbound only → all.
    case toggleDirectionFilter
    /// `/` in the leads pane searches leads by name or phone; in the calls pane, loaded calls.
    case searchStart
    case searchInsert(String)
    case searchDeleteBackward
    /// Ctrl-W: the word before the cursor; Ctrl-U: the whole text; ↑: the previous term.
    case searchDeleteWord, searchClear, searchRecall
    case searchSubmit
    case searchCancel
    case searchNext, searchPrevious
    /// `r`: the current lead's calls (or the lead list) from the top again.
    case reload
    /// Try the failed request again.
    case retry
    case toggleHelp
    /// `J` / `K` (`]` / `[`): the next / previous call, also inside the full-screen detail.
    case nextCall, previousCall
    /// How many lines the help has and how many fit (send it when that changes).
    case helpArea(rows: Int, lines: Int)
    /// `q`: close help, the full-screen detail or a search; from the main view, quit.
    case close
    /// The terminal's size in cells.
    case resize(rows: Int, columns: Int)
    /// Where the detail is drawn (inside the pane's border, or full screen), so
    /// scrolling it stops at its last row. Send it when that size changes, not every frame.
    case detailArea(rows: Int, columns: Int)
    case quit

    // Results, each tagged with the ticket of the request it answers: a result
    // whose ticket is no longer awaited (lead switched, reloaded) is dropped.
    case leadsLoaded(LoadTicket, LeadPage)
    case leadsFailed(LoadTicket, ProviderError)
    case callsLoaded(LoadTicket, CallPage)
    case callsFailed(LoadTicket, ProviderError)
    case callDetailLoaded(LoadTicket, Call)
    case callDetailFailed(LoadTicket, ProviderError)
    /// `S`: load the rest of the open lead's history so its stats are complete
    /// (the selection stays; Esc stops it).
    case completeStats
    /// `o`: play the selected call's recording (fetching its link when needed).
    case playRecording
    /// `R`: the inbox, every call across leads newest first.
    case openRecent
    /// `L`: from the inbox, the selected call's lead's own timeline.
    case openCallsLead
    case leadLoaded(LoadTicket, Lead)
    case leadFailed(LoadTicket, LeadID, ProviderError)
    case recordingLoaded(LoadTicket, CallID, RecordingLink?)
    case recordingFailed(LoadTicket, CallID, ProviderError)
    /// The player started on the call's recording (its name), or could not (why).
    case playerStarted(CallID, String)
    case playerFailed(CallID, String)
    case summaryLoaded(LoadTicket, CallID, CallSummary?)
    case summaryFailed(LoadTicket, CallID, ProviderError)
    /// `t`: the selected call's transcript, full screen (again closes it).
    case openTranscript
    /// `i`: every field of the highlighted (or open) lead, full screen (again closes it).
    case openLeadInfo
    /// Time passes (for the loading mark that shows after ~300 ms).
    case tick
}

/// The three panes, left to right.
public enum Pane: Sendable, Hashable, CaseIterable {
    case leads, calls, detail
}

/// What covers the panes, if anything (help is a layer above it: `HelpState`).
public enum Overlay: Sendable, Hashable {
    case none, fullDetail
}

/// Names one request, so its answer can be matched to it (or dropped as stale).
public struct LoadTicket: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int
    public init(_ number: Int) { self.number = number }
    public static func < (a: LoadTicket, b: LoadTicket) -> Bool { a.number < b.number }
    public var description: String { "#\(number)" }
}
