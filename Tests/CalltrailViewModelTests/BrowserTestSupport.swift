import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

extension TimelineState {

    /// Position of the selected call in the whole history.
    var selectedOffset: Int? { selectedRef.map { pages[$0.page].startOffset + $0.index } }

    func offset(of ref: CallRef) -> Int { pages[ref.page].startOffset + ref.index }
}

@MainActor
extension Browser {
    /// A browser on `provider`, 24×100 (20 list rows), UTC, opened at `lead`.
    static func opened(
        on provider: any CallProvider, lead: LeadID, pageSize: Int = 100, maximumHeldPages: Int = 8
    ) -> Browser {
        let settings = BrowserSettings(
            pageSize: pageSize, maximumHeldPages: maximumHeldPages,
            timeZone: TimeZone(identifier: "UTC") ?? .current, initialLead: lead
        )
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        return browser
    }

    /// Waits for the timeline to settle (every wanted page loaded or failed).
    func settle(sourceLocation: SourceLocation = #_sourceLocation) async {
        // A generous deadline: the whole suite runs in parallel on two cores.
        let settled = await wait(timeout: .seconds(30)) { state in
            guard let timeline = state.timeline else { return true }
            return timeline.failure != nil || (timeline.pending == nil && state.timelinePageWanted == nil)
        }
        #expect(settled, "timeline did not settle", sourceLocation: sourceLocation)
    }

    /// Moves down one call at a time until call `offset` is selected, waiting for
    /// pages whenever the loaded rows run out (the move is owed meanwhile and
    /// carried out when they arrive). False if it cannot get there.
    func moveDown(toOffset target: Int) async -> Bool {
        while let current = state.timeline?.selectedOffset, current < target {
            send(.moveDown)
            if state.timeline?.selectedOffset == current {
                await settle()
                if state.timeline?.selectedOffset == current { return false }
            }
        }
        return state.timeline?.selectedOffset == target
    }
}
