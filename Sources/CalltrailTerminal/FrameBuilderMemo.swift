import CalltrailViewModel

/// What `BrowserFrameBuilder` keeps from one frame to the next: each timeline
/// line's row as laid out, while the line's `TimelineRowsKey`, the pane's width
/// and the kind of timeline stay the same; the lead card while the timeline's
/// revision does; the leads pane's rows while their `LeadRowsKey` does; and the
/// detail rows of the last calls shown. A key that moves the selection or
/// scrolls gets the rows back as they were, in the same storage, so the
/// renderer's comparison with the last frame is a pointer check, not a walk over spans.
public final class FrameBuilderMemo {
    struct Context: Equatable {
        let key: TimelineRowsKey
        let width: Int
        let inbox: Bool
    }

    /// A line's row, and whether it shows a call (which can be selected).
    struct LaidOutLine {
        let row: FrameRow
        let showsCall: Bool
    }

    /// The calls pane's lead card for one revision of the timeline.
    var leadCard: (revision: Int, row: FrameRow)?

    /// The leads pane's rows for one `LeadRowsKey`.
    var leads: (key: LeadRowsKey, rows: [FrameRow])?

    /// Each recent call's detail rows as laid out, by the view-model's array of them
    /// (kept here, so its storage is not reused while the entry lives).
    private var details: [(rows: [DetailRow], laidOut: [FrameRow])] = []
    private static let detailCapacity = 64

    /// The calls pane's rows for the lines last on screen, and the line each row shows
    /// when it is a call (-1 otherwise): moving the selection within the screen keeps
    /// them, the same array, without looking each line up again.
    struct VisibleLines: Equatable {
        let context: Context
        let pinnedDay: Int?
        let lines: Range<Int>
    }
    var visible: (lines: VisibleLines, rows: [FrameRow], callLines: [Int])?

    private var context: Context?
    /// By line; nil where the line has no row (a call no longer held).
    private var lines: [Int: LaidOutLine?] = [:]
    /// Many screenfuls; past it the memo starts again (a cheap, bounded reset).
    private static let capacity = 4_096

    public init() {}

    /// `rows` (every detail row of a call) as laid out by `make`, the first time.
    func detailRows(_ rows: [DetailRow], make: () -> [FrameRow]) -> [FrameRow] {
        guard !rows.isEmpty else { return make() }
        let identity = rows.withUnsafeBufferPointer { $0.baseAddress }
        if let index = details.firstIndex(where: { $0.rows.count == rows.count && $0.rows.withUnsafeBufferPointer { $0.baseAddress } == identity }) {
            return details[index].laidOut
        }
        let laidOut = make()
        details.insert((rows, laidOut), at: 0)
        if details.count > Self.detailCapacity { details.removeLast() }
        return laidOut
    }

    /// Forgets the lines' rows unless they were laid out under `context` (once a frame).
    func layOutLines(in context: Context) {
        if context != self.context || lines.count >= Self.capacity {
            self.context = context
            lines.removeAll(keepingCapacity: true)
            visible = nil
        }
    }

    /// Line `line`'s row in the current context, laid out by `make` the first time.
    func line(_ line: Int, make: () -> LaidOutLine?) -> LaidOutLine? {
        if let kept = lines[line] { return kept }
        let made = make()
        lines[line] = .some(made)
        return made
    }
}
