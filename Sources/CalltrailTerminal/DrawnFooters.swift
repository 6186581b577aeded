import CalltrailViewModel
import Synchronization

/// Footers as drawn, by what they show. Moving between calls with and without a
/// recording turns the footer's `o play` on and off, so the same few footers come
/// back key after key; fitting their items to the width measures every item's
/// text, and is laid out once per footer here instead of on each of those keys.
final class DrawnFooters: Sendable {
    /// Everything `drawFooter` (and the search prompt it draws) reads from a frame.
    /// A field the footer starts to read belongs here; PaneReuseTests compares
    /// reused frames with fresh ones.
    struct Shows: Equatable {
        let searchPrompt: String?
        let searchHint: String?
        let searchMatches: String?
        let footerMessage: String?
        let footerMessageIsError: Bool
        let showsHelp: Bool
        let showsTranscript: Bool
        let showsLeadInfo: Bool
        let filterSummary: String?
        let focus: Pane
        let overlay: Overlay
        let recordingHint: Bool
        let transcriptHint: Bool
        let filters: [FrameModel.FilterHint]

        init(_ model: FrameModel) {
            searchPrompt = model.searchPrompt
            searchHint = model.searchHint
            searchMatches = model.searchMatches
            footerMessage = model.footerMessage
            footerMessageIsError = model.footerMessageIsError
            showsHelp = model.helpScroll != nil
            showsTranscript = model.transcript != nil
            showsLeadInfo = model.leadInfo != nil
            filterSummary = model.filterSummary
            focus = model.focus
            overlay = model.overlay
            recordingHint = model.recordingHint
            transcriptHint = model.transcriptHint
            filters = model.filters
        }
    }

    private struct Entry {
        let shows: Shows
        let cells: [Cell]
    }

    /// A handful: the footers one lead's calls switch between, at one width.
    private static let capacity = 8
    private let entries = Mutex<[Entry]>([])

    /// The footer showing `shows` as drawn across `width` columns, if it was.
    func cells(showing shows: Shows, width: Int) -> [Cell]? {
        entries.withLock { entries in
            entries.first { $0.cells.count == width && $0.shows == shows }?.cells
        }
    }

    func remember(_ shows: Shows, cells: [Cell]) {
        entries.withLock { entries in
            entries.removeAll { $0.cells.count == cells.count && $0.shows == shows }
            entries.insert(Entry(shows: shows, cells: cells), at: 0)
            if entries.count > Self.capacity { entries.removeLast(entries.count - Self.capacity) }
        }
    }
}
