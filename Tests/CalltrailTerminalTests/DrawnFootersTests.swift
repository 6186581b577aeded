import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

/// A footer shown again is pasted as it was drawn, and only a footer that shows
/// exactly the same things is: the running renderer's frames equal fresh drawings.
@Suite struct DrawnFootersTests {
    static let width = 160
    static let height = 12

    static func frame(recording: Bool, talkedLabel: String = "Talked") -> FrameModel {
        var model = FrameModel(
            headerLeft: "calltrail · Demo", focus: .calls, leads: PaneFrame(title: "Leads"), calls: PaneFrame(title: "Calls"),
            detail: PaneFrame(title: "Call"),
            filters: [
                .init(key: "1", label: talkedLabel, isActive: false), .init(key: "0", label: "All", isActive: true),
                .init(key: "d", label: "direction", isActive: false),
            ])
        model.recordingHint = recording
        return model
    }

    /// Draws `models` one after another as the running browser does, checking each against a fresh drawing.
    static func drawAll(_ models: [FrameModel], with caching: FrameRenderer) -> [String] {
        let fresh = FrameRenderer()
        var previous: FrameRenderer.Drawn?
        var scroll = ScrollState()
        var footers: [String] = []
        for model in models {
            var freshScroll = ScrollState()
            let reused = caching.render(model, width: width, height: height, scroll: &scroll, reusing: &previous)
            let drawn = fresh.render(model, width: width, height: height, scroll: &freshScroll)
            #expect(reused == drawn, "\(zip(reused.lines, drawn.lines).filter { $0 != $1 })")
            footers.append(reused.lines[height - 1])
        }
        return footers
    }

    @Test func aFooterShownAgainIsPastedAsDrawn() throws {
        let caching = FrameRenderer(keepsDrawnRows: true)
        let withRecording = Self.frame(recording: true)
        let without = Self.frame(recording: false)
        let footers = Self.drawAll([withRecording, without, withRecording, without], with: caching)
        #expect(footers[0].contains("o play") && footers[2].contains("o play"))
        #expect(!footers[1].contains("o play") && !footers[3].contains("o play"))
        let kept = try #require(caching.drawnFooters)
        #expect(kept.cells(showing: DrawnFooters.Shows(withRecording), width: Self.width) != nil)
        #expect(kept.cells(showing: DrawnFooters.Shows(without), width: Self.width) != nil)
        // Kept per width: a narrower footer is laid out again.
        #expect(kept.cells(showing: DrawnFooters.Shows(without), width: Self.width - 1) == nil)
    }

    @Test func aFooterShowingAnythingElseIsDrawnAgain() throws {
        let caching = FrameRenderer(keepsDrawnRows: true)
        let renamed = Self.frame(recording: true, talkedLabel: "Spoke")
        let footers = Self.drawAll([Self.frame(recording: true), Self.frame(recording: false), renamed], with: caching)
        #expect(footers[0].contains("[1]Talked"))
        #expect(footers[2].contains("[1]Spoke") && !footers[2].contains("Talked"))
        var message = Self.frame(recording: true)
        message.footerMessage = "⚠ calls failed"
        message.footerMessageIsError = true
        let more = Self.drawAll([Self.frame(recording: true), message, Self.frame(recording: true)], with: caching)
        #expect(more[1].contains("calls failed") && !more[1].contains("Talked"))
        #expect(more[2] == footers[0])
    }

    /// Holds only the last few footers: after many others, the first is drawn again (and the same).
    @Test func onlyTheLastFewFootersAreKept() throws {
        let caching = FrameRenderer(keepsDrawnRows: true)
        let first = Self.frame(recording: true)
        let others = (0..<12).map { Self.frame(recording: false, talkedLabel: "Label \($0)") }
        let footers = Self.drawAll([first] + others + [first], with: caching)
        #expect(footers.first == footers.last)
        let kept = try #require(caching.drawnFooters)
        #expect(kept.cells(showing: DrawnFooters.Shows(others[0]), width: Self.width) == nil)
        #expect(kept.cells(showing: DrawnFooters.Shows(first), width: Self.width) != nil)
    }
}
