import Testing

@testable import CalltrailTerminal

@Suite struct CellGlyphsTests {
    @Test func spacingCharactersOfAClusterGetTheirOwnColumns() {
        // म + the vowel sign ा: one character, two spacing glyphs.
        let glyphs = CellGlyphs.glyphs(of: Character("मा"))
        #expect(glyphs == [.init(offset: 0, scalars: ["म"]), .init(offset: 1, scalars: ["ा"])])
        #expect(CellGlyphs.glyphs(of: Character("👍🏽")).map(\.offset) == [0, 2])
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(CellGlyphs.glyphs(of: "e\u{301}") == [.init(offset: 0, scalars: ["e", "\u{301}"])])
        #expect(CellGlyphs.glyphs(of: "高") == [.init(offset: 0, scalars: ["高"])])
    }

    @Test func aJoinedEmojiIsDrawnAsItsFirstPart() {
        #expect(CellGlyphs.glyphs(of: "👩‍💻") == [.init(offset: 0, scalars: ["👩"])])
    }

    @Test func noGlyphHoldsMoreThanACcharT() {
        let stacked = Character("a" + String(repeating: "\u{301}", count: 9))
        #expect(CellGlyphs.glyphs(of: stacked).allSatisfy { $0.scalars.count <= CellGlyphs.maximumScalarsPerGlyph })
    }
}
