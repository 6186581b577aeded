import CalltrailModel
import Testing

@testable import CalltrailViewModel

/// The state sits behind one shared reference; copies must still behave as values.
@Suite struct CopyOnWriteTests {
    struct Sample: Sendable {
        var count = 1
        var names = ["a"]
        var since = ContinuousClock.now
    }

    @Test func aChangeToACopyLeavesTheOriginalAlone() {
        var original = CopyOnWrite(Sample())
        let copy = original
        original.value.count = 2
        original.value.names.append("b")
        #expect(copy.value.count == 1 && copy.value.names == ["a"])
        #expect(original.value.count == 2 && original.value.names == ["a", "b"])
    }

    @Test func aMemberReachedByItsAddressIsChangedOnlyInItsOwnCopy() {
        let since = CopyOnWrite<Sample>.member(\.since)
        var original = CopyOnWrite(Sample())
        let copy = original
        let later = copy.value.since.advanced(by: .seconds(5))
        original.mutableAddress(of: since).pointee = later
        #expect(original.address(of: since).pointee == later)
        #expect(copy.address(of: since).pointee == copy.value.since)
        #expect(copy.value.since != later)
    }

    @Test func aCopiedBrowserStateIsAValue() {
        var state = PresentationTests.loaded([Call(id: "1", direction: .inbound, duration: 5), Call(id: "2", direction: .outbound, duration: 7)])
        let before = state
        let later = state.now.advanced(by: .seconds(3))
        state.focus = .calls
        _ = BrowserReducer.reduce(&state, .moveDown, now: later, wallClock: state.wallClock)
        _ = BrowserReducer.reduce(&state, .resize(rows: 40, columns: 120), now: later, wallClock: state.wallClock)
        state.leads.topRow = 7
        state.search.text = "x"
        #expect(state.now == later && before.now != later)
        #expect(state.viewport.rows == 40 && before.viewport.rows == 24)
        #expect(state.timeline?.selectedCall?.id == "2" && before.timeline?.selectedCall?.id == "1")
        #expect(state.leads.topRow == 7 && before.leads.topRow == 0)
        #expect(state.search.text == "x" && before.search.text.isEmpty)
    }
}
