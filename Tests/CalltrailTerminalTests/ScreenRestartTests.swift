import Testing

@testable import CalltrailTerminal

/// A spare screen made equal to the last frame, and what it then says about the rows it wrote to.
@Suite struct ScreenRestartTests {
    static func sealed(_ text: String, row: Int) -> ScreenBuffer {
        var screen = ScreenBuffer(width: 20, height: 6)
        screen.put(text, x: 1, y: row)
        screen.seal()
        return screen
    }

    @Test func aBlankScreenHasWrittenEveryRowAndIsDrawnOverNothing() {
        let screen = ScreenBuffer(width: 20, height: 6)
        #expect((0..<6).allSatisfy { screen.wasTouched(row: $0) })
        #expect(!screen.isDrawn(over: Self.sealed("x", row: 0)))
    }

    @Test func aSpareMadeEqualToTheLastFrameKnowsOnlyTheRowsWrittenSince() {
        let first = Self.sealed("first", row: 1)
        var spare = Self.sealed("spare", row: 4)
        let restarted1 = spare.restart(asCopyOf: first)
        #expect(restarted1)
        #expect(spare == first)
        #expect(spare.isDrawn(over: first))
        #expect((0..<6).allSatisfy { !spare.wasTouched(row: $0) })
        spare.put("changed", x: 2, y: 3)
        spare.fill(x: 0, y: 5, width: 3, height: 1)
        #expect((0..<6).filter { spare.wasTouched(row: $0) } == [3, 5])
        #expect(spare.isDrawn(over: first))
        spare.seal()

        // The frame before (`first`) is drawn over next, made equal to `spare` by its rows 3 and 5.
        var next = first
        let restarted2 = next.restart(asCopyOf: spare)
        #expect(restarted2)
        #expect(next == spare)
        #expect(next.line(3).hasPrefix("  changed"))
    }

    @Test func aSpareIsNotMadeEqualToAFrameDrawnOverSomethingElse() {
        let first = Self.sealed("first", row: 1)
        var drawn = Self.sealed("other", row: 2)
        let restarted3 = drawn.restart(asCopyOf: first)
        #expect(restarted3)
        drawn.put("more", x: 0, y: 0)
        drawn.seal()
        // `drawn` differs from `first` only in row 0, but from this unrelated screen in more.
        var unrelated = Self.sealed("unrelated", row: 3)
        let before = unrelated
        let restarted4 = unrelated.restart(asCopyOf: drawn)
        #expect(!restarted4)
        #expect(unrelated == before)
    }

    @Test func aFrameChangedAfterItWasSealedNoLongerVouchesForItsRows() {
        var first = Self.sealed("first", row: 1)
        var spare = Self.sealed("spare", row: 4)
        let restarted5 = spare.restart(asCopyOf: first)
        #expect(restarted5)
        first.put("later", x: 0, y: 2)
        // `first` changed in a row `spare` never wrote: comparing only written rows would miss it.
        #expect(!spare.isDrawn(over: first))
        var unsealed = spare
        unsealed.put("x", x: 0, y: 0)
        #expect(!Self.sealed("y", row: 0).isDrawn(over: unsealed))
    }
}
