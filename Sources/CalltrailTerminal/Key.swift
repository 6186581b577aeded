/// A key press, decoded from curses into what the key map names.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("d")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    case resize
    /// Only when mouse support is on (a setting, off by default).
    case mouse(MouseEvent)
    case function(Int)

    /// How help and the footer spell the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .function(let n): return "F\(n)"
        }
    }

    /// A typed character from `get_wch`, with the control codes that have names.
    public static func fromCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20, !(0x80...0x9F).contains(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// A click or wheel turn at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
