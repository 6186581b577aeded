import CalltrailModel
import Testing

@testable import CalltrailTerminal

@Suite struct ScreenBufferTests {
    @Test func writesTextClippedToTheLimit() {
        var screen = ScreenBuffer(width: 10, height: 2)
        let end = screen.put("hello world", x: 1, y: 0, limit: 5)
        #expect(end == 6)
        #expect(screen.lines == [" hello", ""])
    }

    @Test func wideCharacterTakesTwoCellsAndTheSecondIsSkipped() {
        var screen = ScreenBuffer(width: 6, height: 1)
        screen.put("高橋x", x: 0, y: 0)
        #expect(screen[0, 0].character == "高")
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0].character == "橋")
        #expect(screen[4, 0].character == "x")
        #expect(screen.lines == ["高橋x"])
    }

    @Test func wideCharacterThatDoesNotFitIsLeftOut() {
        var screen = ScreenBuffer(width: 3, height: 1)
        let end = screen.put("a高橋", x: 0, y: 0)
        #expect(end == 3)
        #expect(screen.line(0) == "a高")
        var narrow = ScreenBuffer(width: 5, height: 1)
        narrow.put("ab高", x: 0, y: 0, limit: 3)
        #expect(narrow.line(0) == "ab   ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = ScreenBuffer(width: 4, height: 1)
        screen.put("高", x: 0, y: 0)
        screen.put("z", x: 1, y: 0)
        #expect(screen.line(0) == " z  ")
        #expect(!screen[1, 0].isContinuation)
    }

    @Test func aCharacterWiderThanTwoColumnsOwnsEveryCellItCovers() {
        // An emoji with a skin-tone modifier is one character that terminals draw 4 columns wide.
        var screen = ScreenBuffer(width: 8, height: 1)
        let end = screen.put("a👍🏽|", x: 0, y: 0)
        #expect(end == 6)
        #expect(screen[1, 0].character == Character("👍🏽"))
        #expect((2...4).allSatisfy { screen[$0, 0].isContinuation })
        #expect(screen[5, 0].character == "|")
        screen.put("z", x: 3, y: 0)
        #expect(screen.line(0) == "a  z |  ")
    }

    @Test func aDevanagariSyllableTakesTheColumnsOfItsSpacingCharacters() {
        var screen = ScreenBuffer(width: 8, height: 1)
        #expect(screen.put("शर्मा|", x: 0, y: 0) == 5)
        #expect(screen[4, 0].character == "|")
    }

    @Test func fillAndRestyleKeepBounds() {
        var screen = ScreenBuffer(width: 3, height: 2)
        screen.put("abc", x: 0, y: 1)
        screen.fill(x: -2, y: -1, width: 10, height: 2, style: CellStyle(.header))
        #expect(screen.lines == ["", "abc"])
        #expect(screen[2, 0].style.role == .header)
        screen.restyle(x: 1, y: 1, width: 9, style: CellStyle(.selection, reverse: true))
        #expect(screen[0, 1].style.role == .text)
        #expect(screen[2, 1].style.reverse)
    }
}

/// Text whose scalars are characters of their own is measured, cut and drawn
/// by scalars; the result is what grapheme breaking gives.
@Suite struct StandaloneScalarTests {
    static let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "é", "ß", "·", "…", "—", "→", "━", "┃", "▌", "★", "☆", "█", "⌚", "€", "№", "\u{2400}", "\u{FFFD}"]

    @Test func theFastPathAgreesWithGraphemeBreaking() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { text.append(Self.alphabet.randomElement(using: &generator) ?? "a") }
            let string = String(text)
            let slow = string.reduce(0) { $0 + DisplayText.width(of: $1) }
            #expect(DisplayText.standaloneScalarsWidth(string) == slow, "\(string)")
            for columns in [1, 3, 8, 30] {
                var expected = ""
                if slow <= columns {
                    expected = string
                } else {
                    var used = 0
                    for character in string {
                        let w = DisplayText.width(of: character)
                        if used + w > columns - 1 { break }
                        expected.append(character)
                        used += w
                    }
                    expected += "…"
                }
                #expect(DisplayText.truncate(string, to: columns) == expected, "\(string) at \(columns)")
            }
            var screen = ScreenBuffer(width: 40, height: 1)
            screen.put(string, x: 0, y: 0)
            var expectedLine = string
            if slow < 40 { expectedLine += String(repeating: " ", count: 40 - slow) }
            if slow <= 40 { #expect(screen.line(0) == expectedLine, "\(string)") }
        }
    }

    @Test func aJoiningMarkOrSelectorTakesTheGraphemePath() {
        #expect(DisplayText.standaloneScalarsWidth("e\u{301}") == nil)
        #expect(DisplayText.standaloneScalarsWidth("★\u{FE0F}") == nil)
        #expect(DisplayText.standaloneScalarsWidth("高") == nil)
        #expect(DisplayText.standaloneScalarsWidth("a·b") == 3)
    }

    @Test func aClusterKeepsItsNumberAndComesBackWhole() {
        let cluster: Character = "👍🏽"
        let first = Cell(cluster)
        let second = Cell(cluster)
        #expect(first == second)
        #expect(first.character == cluster)
        #expect(Cell("e\u{301}") != first)
        #expect(Cell("e\u{301}").character == "e\u{301}")
    }
}
