import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailTerminal
@testable import CalltrailViewModel

/// "1 call", never "1 calls": the header's count and the detail pane's title (the zone the short times are in).
@Suite struct CountWordingTests {
    static func frame(calls: [Call], next: PageCursor?) -> FrameModel {
        let descriptor = ProviderDescriptor(name: "Demo", outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 1_000)
        let utc = TimeZone(identifier: "UTC") ?? .current
        var state = BrowserState(descriptor: descriptor, settings: BrowserSettings(timeZone: utc, initialLead: "100001"),
                                 now: ContinuousClock.now, wallClock: Date(timeIntervalSince1970: 1_790_000_000))
        _ = BrowserReducer.start(&state)
        _ = BrowserReducer.reduce(&state, .resize(rows: 40, columns: 120), now: state.now, wallClock: state.wallClock)
        let ticket = state.timeline?.pending?.ticket ?? LoadTicket(0)
        _ = BrowserReducer.reduce(&state, .callsLoaded(ticket, CallPage(calls: calls, next: next)), now: state.now, wallClock: state.wallClock)
        return BrowserFrameBuilder.frame(state, width: 120, height: 40)
    }

    @Test func oneCallIsSingular() throws {
        let start = try #require(UTCTimestamp.parse("2026-04-22 01:15:00"))
        let one = Call(id: "1", direction: .outbound, startTime: start)
        #expect(Self.frame(calls: [one], next: nil).headerRight == "1 call")
        #expect(Self.frame(calls: [one], next: PageCursor("1")).headerRight == "1 call loaded")
        let two = [one, Call(id: "2", direction: .inbound, startTime: start.addingTimeInterval(-60))]
        #expect(Self.frame(calls: two, next: nil).headerRight == "2 calls")
        #expect(Self.frame(calls: [one], next: nil).detail.title == "Call · UTC+00:00")
    }
}
