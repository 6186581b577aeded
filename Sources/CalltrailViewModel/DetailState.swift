import CalltrailModel
import CalltrailProviders

/// The full-screen detail: the call as the provider returns it when asked for
/// it alone (every field), fetched on opening; until then the timeline's copy shows.
public struct DetailState: Sendable {
    public internal(set) var callID: CallID?
    public internal(set) var fetched: Call?
    public internal(set) var pending: LoadTicket?
    public internal(set) var failure: ProviderError?
    /// First detail row on screen (detail pane and full screen scroll with j/k).
    public internal(set) var scroll = 0
    /// The size the front end last said the detail is drawn at, if it said.
    var area: (rows: Int, columns: Int)?

    /// A fresh detail for `callID` (the drawing area stays what it was).
    mutating func reset(callID: CallID?, pending: LoadTicket?) {
        self.callID = callID
        self.pending = pending
        fetched = nil
        failure = nil
        scroll = 0
    }
}
