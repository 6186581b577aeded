/// xterm's SGR mouse reports (mode 1006): `ESC [ < button ; column ; row M`
/// (`m` on release), with decimal coordinates, so columns past 223 work, unlike
/// the old one-byte encoding. calltrail turns the mode on itself and reads the
/// reports from the key stream, whatever mouse format the terminfo entry names.
enum SGRMouseReport {
    /// Normal tracking (clicks and wheel, no motion) in SGR encoding, and both off.
    static let enable = "\u{1B}[?1000h\u{1B}[?1006h"
    static let disable = "\u{1B}[?1006l\u{1B}[?1000l"
    /// A report is short; anything longer is not one.
    static let maximumLength = 24

    enum Progress: Equatable {
        /// So far it can still be a report.
        case more
        /// A whole report: the event it means, or nil for one the browser ignores (a release, a right click).
        case report(MouseEvent?)
        /// Not a report: the characters were typed.
        case notAReport
    }

    /// Reads `body`, the characters after ESC so far ("[<0;12;5M").
    static func progress(_ body: [Character]) -> Progress {
        guard body.count <= maximumLength else { return .notAReport }
        for (index, character) in body.enumerated() {
            switch index {
            case 0: if character != "[" { return .notAReport }
            case 1: if character != "<" { return .notAReport }
            default:
                if character == "M" || character == "m" { return index == body.count - 1 ? .report(event(body, pressed: character == "M")) : .notAReport }
                if !(character.isASCII && (character.isNumber || character == ";")) { return .notAReport }
            }
        }
        return .more
    }

    /// The event of a complete report: a left press is a click; buttons 64 and
    /// 65 are the wheel. Modifier bits (4, 8, 16) do not matter; motion (32) is ignored.
    static func event(_ body: [Character], pressed: Bool) -> MouseEvent? {
        let fields = String(body.dropFirst(2).dropLast()).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 3, let button = fields[0], let column = fields[1], let row = fields[2], column >= 1, row >= 1 else { return nil }
        guard button & 32 == 0 else { return nil }
        switch button & ~(4 | 8 | 16) {
        case 0 where pressed: return MouseEvent(.click, x: column - 1, y: row - 1)
        case 64: return MouseEvent(.wheelUp, x: column - 1, y: row - 1)
        case 65: return MouseEvent(.wheelDown, x: column - 1, y: row - 1)
        default: return nil
        }
    }
}
