import CalltrailViewModel

/// A piece of a row: sanitised text in a style, with how much room it takes.
public struct Span: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// As wide as the text.
        case natural
        /// Exactly n columns: cut with an ellipsis or padded.
        case fixed(Int)
        /// Whatever the fixed spans leave (at most one per row).
        case fill
    }

    public var text: String
    public var style: CellStyle
    public var width: Width
    public var alignRight: Bool

    public init(_ text: String, _ style: CellStyle = .plain, width: Width = .natural, alignRight: Bool = false) {
        self.text = text
        self.style = style
        self.width = width
        self.alignRight = alignRight
    }
}

/// One row of a pane.
public struct FrameRow: Hashable, Sendable {
    public var spans: [Span]
    /// Headings and status lines cannot be selected.
    public var isSelectable: Bool

    public init(_ spans: [Span], isSelectable: Bool = true) {
        self.spans = spans
        self.isSelectable = isSelectable
    }
}

/// What one pane shows: a title, rows (the window around the selection the
/// view-model holds), which row is selected, and a message when it has no rows
/// to show ("no access to this lead", "no calls match").
public struct PaneFrame: Hashable, Sendable {
    public var title: String
    /// Shown after the title, e.g. a spinner or "1,204 calls".
    public var titleSuffix: String
    public var rows: [FrameRow]
    public var selectedRow: Int?
    public var message: FrameRow?
    /// Where the view is ("123/2,400" on a list, "12–30/84" in help or the detail),
    /// drawn at the right of the bottom border; empty for none.
    public var position: String
    /// Fixed rows above the list (the calls pane's lead card and stats strip):
    /// they do not scroll and the list gets the rows they leave.
    public var banner: [FrameRow] = []

    public init(
        title: String, titleSuffix: String = "", rows: [FrameRow] = [], selectedRow: Int? = nil, message: FrameRow? = nil,
        position: String = ""
    ) {
        self.title = title
        self.titleSuffix = titleSuffix
        self.rows = rows
        self.selectedRow = selectedRow
        self.message = message
        self.position = position
    }
}

/// Everything one frame shows, in plain values: the renderer draws it, tests
/// build it by hand, and the view-model adapter fills it from browser state.
public struct FrameModel: Hashable, Sendable {
    /// One filter key in the footer.
    public struct FilterHint: Hashable, Sendable {
        public var key: String
        public var label: String
        public var isActive: Bool
        public init(key: String, label: String, isActive: Bool) {
            self.key = key
            self.label = label
            self.isActive = isActive
        }
    }

    public var headerLeft: String
    public var headerRight: String
    /// The loading mark, already chosen (shown only after a slow load).
    public var spinner: String
    public var focus: Pane
    public var overlay: Overlay
    public var leads: PaneFrame
    public var calls: PaneFrame
    public var detail: PaneFrame
    public var filters: [FilterHint]
    /// An error or retry notice for the footer; replaces the hints while shown.
    public var footerMessage: String?
    public var footerMessageIsError: Bool
    /// A search being typed ("/jane"), shown in the footer.
    public var searchPrompt: String?
    /// The previous term, dim after an empty prompt.
    public var searchHint: String?
    /// How many match what is typed ("12 leads").
    public var searchMatches: String?
    /// The filters that are on, for the footer ("filter: Talked, outbound · 0 clears"); nil when none.
    public var filterSummary: String?
    /// The selected call has (or may have) a recording `o` plays: the footer says so.
    public var recordingHint = false
    /// The selected call's transcript can open with `t`: the footer says so.
    public var transcriptHint = false
    /// The transcript (`t`) over the body while it shows.
    public var transcript: PaneFrame?
    /// The lead view (`i`) over the body while it shows.
    public var leadInfo: PaneFrame?
    /// The help's first line on screen while help shows; nil when it does not.
    public var helpScroll: Int?
    /// A failure nothing can be shown without (token refused, provider unreachable),
    /// drawn across the whole body instead of the panes.
    public var blocking: PaneFrame?

    public init(
        headerLeft: String, headerRight: String = "", spinner: String = "", focus: Pane = .leads,
        overlay: Overlay = .none, leads: PaneFrame, calls: PaneFrame, detail: PaneFrame,
        filters: [FilterHint] = [], footerMessage: String? = nil, footerMessageIsError: Bool = false,
        searchPrompt: String? = nil, filterSummary: String? = nil, helpScroll: Int? = nil,
        blocking: PaneFrame? = nil
    ) {
        self.headerLeft = headerLeft
        self.headerRight = headerRight
        self.spinner = spinner
        self.focus = focus
        self.overlay = overlay
        self.leads = leads
        self.calls = calls
        self.detail = detail
        self.filters = filters
        self.footerMessage = footerMessage
        self.footerMessageIsError = footerMessageIsError
        self.searchPrompt = searchPrompt
        self.filterSummary = filterSummary
        self.helpScroll = helpScroll
        self.blocking = blocking
    }

    public func pane(_ pane: Pane) -> PaneFrame {
        switch pane {
        case .leads: return leads
        case .calls: return calls
        case .detail: return detail
        }
    }
}
