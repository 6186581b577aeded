import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

@Suite struct LayoutTests {
    @Test func wideTerminalShowsThreePanesEdgeToEdge() {
        let layout = Layout(width: 120, height: 40, focus: .calls)
        #expect(!layout.isTooSmall)
        #expect(layout.panes.map(\.0) == [.leads, .calls, .detail])
        let rects = layout.panes.map(\.1)
        #expect(rects.first?.x == 0)
        #expect(rects.reduce(0) { $0 + $1.width } == 120)
        #expect(zip(rects, rects.dropFirst()).allSatisfy { $0.x + $0.width == $1.x })
        #expect(rects.allSatisfy { $0.y == 1 && $0.height == 38 })
    }

    @Test func narrowerTerminalsShowFewerPanes() {
        #expect(Layout(width: 80, height: 24, focus: .calls).panes.map(\.0) == [.calls, .detail])
        #expect(Layout(width: 80, height: 24, focus: .leads).panes.map(\.0) == [.leads, .calls])
        #expect(Layout(width: 50, height: 24, focus: .calls).panes.map(\.0) == [.calls])
        #expect(Layout(width: 50, height: 24, focus: .leads).panes.map(\.0) == [.leads])
    }

    @Test func tinyTerminalIsTooSmall() {
        let layout = Layout(width: 20, height: 6, focus: .calls)
        #expect(layout.isTooSmall)
        #expect(layout.panes.isEmpty)
    }
}

@Suite struct KeyMapTests {
    @Test func productKeysMapToCommands() {
        let map = KeyMap.standard
        #expect(map.command(for: .character("j")) == .moveDown)
        #expect(map.command(for: .down) == .moveDown)
        #expect(map.command(for: .control("d")) == .pageDown)
        #expect(map.command(for: .character("G")) == .last)
        #expect(map.command(for: .backTab) == .focusPrevious)
        #expect(map.command(for: .enter) == .open)
        #expect(map.command(for: .escape) == .back)
        #expect(map.command(for: .character("3")) == .toggleOutcome(3))
        #expect(map.command(for: .character("0")) == .clearOutcomes)
        #expect(map.command(for: .character("q")) == .close)
        #expect(map.command(for: .character("Q")) == .quit)
        #expect(map.command(for: .control("c")) == .quit)
        #expect(map.command(for: .character("x")) == nil)
    }

    /// One-byte characters are looked up by their byte, everything else by the key:
    /// both give each binding's command, the first binding of a key wins, and a
    /// character that is not one byte (é, "\r\n") is not mistaken for one that is.
    @Test func charactersAndOtherKeysFindTheSameCommands() {
        let map = KeyMap(bindings: [
            KeyBinding([.character("j"), .down], .moveDown, ""),
            KeyBinding([.character("é")], .search, ""),
            KeyBinding([.character("j")], .moveUp, "a second binding of j: ignored"),
            KeyBinding([.character("~"), .control("a")], .help, ""),
            KeyBinding([.character("\n")], .open, ""),
        ])
        #expect(map.command(for: .character("j")) == .moveDown)
        #expect(map.command(for: .down) == .moveDown)
        #expect(map.command(for: .character("é")) == .search)
        #expect(map.command(for: .character("e")) == nil)
        #expect(map.command(for: .character("~")) == .help)
        #expect(map.command(for: .control("a")) == .help)
        #expect(map.command(for: .character("\n")) == .open)
        #expect(map.command(for: .character("\r\n")) == nil)
        #expect(map.command(for: .character("k")) == nil)
        for binding in KeyMap.standard.bindings {
            for key in binding.keys { #expect(KeyMap.standard.command(for: key) == binding.command, "\(key)") }
        }
    }

    @Test func noKeyIsBoundTwice() {
        let keys = KeyMap.standard.bindings.flatMap(\.keys)
        #expect(keys.count == Set(keys).count)
    }

    @Test func decodesControlCharacters() {
        #expect(Key.fromCharacter(0x0D) == .enter)
        #expect(Key.fromCharacter(0x1B) == .escape)
        #expect(Key.fromCharacter(0x04) == .control("d"))
        #expect(Key.fromCharacter(0x09) == .tab)
        #expect(Key.fromCharacter(0x7F) == .backspace)
        #expect(Key.fromCharacter(0x9B) == nil)
        #expect(Key.fromCharacter(UInt32(("高" as Unicode.Scalar).value)) == .character("高"))
    }
}
