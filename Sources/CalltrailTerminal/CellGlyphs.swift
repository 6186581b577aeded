import CalltrailModel

/// How one user-visible character is written to the terminal (`ScreenWriter`):
/// as curses' `cchar_t` held it, one spacing character and a few zero-width marks
/// after it, so a cluster such as
/// Devanagari "र्मा" (three spacing characters) is drawn as several glyphs side
/// by side, each at its own column. What follows a zero-width joiner is left out:
/// `DisplayText.width` counts a joined emoji as its first part, as tmux draws it,
/// and sending the rest would move the terminal's cursor differently from ours.
enum CellGlyphs {
    struct Glyph: Equatable {
        /// Columns after the character's first column.
        var offset: Int
        var scalars: [Unicode.Scalar]
    }

    /// Marks that fit in one `cchar_t` after its spacing character (CCHARW_MAX is 5).
    static let maximumScalarsPerGlyph = 5

    static func glyphs(of character: Character) -> [Glyph] {
        var glyphs: [Glyph] = []
        var column = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0x200D { break }
            let width = DisplayText.width(of: scalar)
            if width > 0 || glyphs.isEmpty {
                glyphs.append(Glyph(offset: column, scalars: [scalar]))
            } else if glyphs[glyphs.count - 1].scalars.count < maximumScalarsPerGlyph {
                glyphs[glyphs.count - 1].scalars.append(scalar)
            }
            column += width
        }
        return glyphs
    }
}
