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

    /// A sealed screen showing `text` on `row`, restarted as a copy of `latest` (which it must be able to be).
    static func restarted(_ text: String, row: Int, asCopyOf latest: ScreenBuffer) -> ScreenBuffer {
        var spare = sealed(text, row: row)
        let madeEqual = spare.restart(asCopyOf: latest)
        #expect(madeEqual)
        return spare
    }

    @Test func aBlankScreenHasWrittenEveryRowAndIsDrawnOverNothing() {
        let screen = ScreenBuffer(width: 20, height: 6)
        #expect((0..<6).allSatisfy { screen.wasTouched(row: $0) })
        #expect(!screen.isDrawn(over: Self.sealed("x", row: 0)))
    }

    @Test func aSpareMadeEqualToTheLastFrameKnowsOnlyTheRowsWrittenSince() {
        let first = Self.sealed("first", row: 1)
        var spare = Self.restarted("spare", row: 4, asCopyOf: first)
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
        let madeEqual = next.restart(asCopyOf: spare)
        #expect(madeEqual)
        #expect(next == spare)
        #expect(next.line(3).hasPrefix("  changed"))
    }

    @Test func aSpareIsNotMadeEqualToAFrameDrawnOverSomethingElse() {
        let first = Self.sealed("first", row: 1)
        var drawn = Self.restarted("other", row: 2, asCopyOf: first)
        drawn.put("more", x: 0, y: 0)
        drawn.seal()
        // `drawn` differs from `first` only in row 0, but from this unrelated screen in more.
        var unrelated = Self.sealed("unrelated", row: 3)
        let before = unrelated
        let madeEqual = unrelated.restart(asCopyOf: drawn)
        #expect(!madeEqual)
        #expect(unrelated == before)
    }

    @Test func aFrameChangedAfterItWasSealedNoLongerVouchesForItsRows() {
        var first = Self.sealed("first", row: 1)
        let spare = Self.restarted("spare", row: 4, asCopyOf: first)
        first.put("later", x: 0, y: 2)
        // `first` changed in a row `spare` never wrote: comparing only written rows would miss it.
        #expect(!spare.isDrawn(over: first))
        var unsealed = spare
        unsealed.put("x", x: 0, y: 0)
        #expect(!Self.sealed("y", row: 0).isDrawn(over: unsealed))
    }
}
