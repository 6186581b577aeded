import Testing
@testable import CalltrailModel

@Suite struct DisplayTextTests {
    @Test func escapeSequencesBecomeInertText() {
        let note = "a\u{1B}[2Jb\u{1B}]0;owned\u{07}c\u{1B}]52;c;aGk=\u{07}\u{9B}d\u{202E}e"
        let safe = DisplayText.sanitize(note)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(safe == "a␛[2Jb␛]0;owned␇c␛]52;c;aGk=␇\u{FFFD}de")
    }

    @Test func newlinesFoldUnlessKept() {
        #expect(DisplayText.sanitize("a\r\nb\tc") == "a  b c")
        #expect(DisplayText.sanitize("a\r\nb\rc", keepNewlines: true) == "a\nb\nc")
    }

    /// The one-pass cut gives what `truncate` and `width` give, at every width.
    @Test func truncatedWithWidthMatchesTruncateThenWidth() {
        let texts = [
            "", "Jane", "Jane Cooper · ★★★★☆", "高橋 美咲", "e\u{301}e\u{301}", "👩‍💻 at work", "Aarav शर्मा", "Nguyễn Thị Lan",
            String(repeating: "x", count: 300), "🇺🇸🇺🇸🇺🇸",
        ]
        for text in texts {
            for columns in 0...20 {
                let (cut, width) = DisplayText.truncatedWithWidth(text, to: columns)
                #expect(cut == DisplayText.truncate(text, to: columns), "\(text) at \(columns)")
                #expect(width == DisplayText.width(cut), "\(text) at \(columns)")
            }
        }
    }

    @Test func widthsFollowWcwidth() {
        #expect(DisplayText.width("Jane") == 4)
        #expect(DisplayText.width("高橋 美咲") == 9)
        #expect(DisplayText.width("😀") == 2)
        #expect(DisplayText.width("e\u{301}") == 1)
        // What tmux 3.3 and glibc's wcwidth advance the cursor by.
        #expect(DisplayText.width("☎\u{FE0F}") == 1)
        #expect(DisplayText.width("👩‍💻") == 2)
        #expect(DisplayText.width("👍🏽") == 4)
        #expect(DisplayText.width("🇺🇸") == 2)
        #expect(DisplayText.width("Aarav शर्मा") == 10)
        #expect(DisplayText.width("लिए") == 3)
    }

    @Test func truncatesByColumnsNeverMidCharacter() {
        #expect(DisplayText.truncate("高橋美咲", to: 5) == "高橋…")
        #expect(DisplayText.width(DisplayText.truncate("高橋美咲", to: 4)) <= 4)
        #expect(DisplayText.fit("ab", to: 4) == "ab  ")
        #expect(DisplayText.fit("高橋美咲", to: 6) == "高橋… ")
        #expect(DisplayText.fitRight("7", to: 3) == "  7")
        #expect(DisplayText.truncate("abc", to: 0) == "")
    }

    @Test func wrapsByWordsAndBreaksLongWords() {
        #expect(DisplayText.wrap("the quick brown fox", to: 9) == ["the quick", "brown fox"])
        #expect(DisplayText.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayText.wrap("a\n\nb", to: 4) == ["a", "", "b"])
        #expect(DisplayText.wrap("高橋美咲", to: 3) == ["高", "橋", "美", "咲"])
        for line in DisplayText.wrap(String(repeating: "😀 word ", count: 20), to: 7) {
            #expect(DisplayText.width(line) <= 7)
        }
    }
}
