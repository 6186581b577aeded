/// One row of the key map: keys, what they do, and how help describes them.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var command: KeyCommand
    public var help: String

    public init(_ keys: [Key], _ command: KeyCommand, _ help: String) {
        self.keys = keys
        self.command = command
        self.help = help
    }
}

/// The one table that drives key handling, the footer hints and the `?` help.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]
    private var lookup: [Key: KeyCommand]
    /// The commands of the one-byte characters by their byte: most keys pressed are
    /// these, and hashing a `Character` for the dictionary runs Unicode normalisation.
    private var asciiCommands: [KeyCommand?]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var lookup: [Key: KeyCommand] = [:]
        var asciiCommands = [KeyCommand?](repeating: nil, count: 128)
        for binding in bindings {
            for key in binding.keys where lookup[key] == nil {
                lookup[key] = binding.command
                if let byte = Self.asciiByte(of: key) { asciiCommands[Int(byte)] = binding.command }
            }
        }
        self.lookup = lookup
        self.asciiCommands = asciiCommands
    }

    public func command(for key: Key) -> KeyCommand? {
        if let byte = Self.asciiByte(of: key) { return asciiCommands[Int(byte)] }
        return lookup[key]
    }

    /// The byte of a key that is one ASCII character (one byte of UTF-8: not "\r\n").
    private static func asciiByte(of key: Key) -> UInt8? {
        guard case .character(let character) = key, character.utf8.count == 1, let byte = character.utf8.first, byte < 128 else { return nil }
        return byte
    }

    /// The keys bound to a command, as help spells them ("j / ↓").
    public func keyLabel(for command: KeyCommand) -> String {
        bindings.first { $0.command == command }.map { $0.keys.map(\.label).joined(separator: " / ") } ?? ""
    }

    public static let standard = KeyMap(bindings: [
        KeyBinding([.character("j"), .down], .moveDown, "move down"),
        KeyBinding([.character("k"), .up], .moveUp, "move up"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "page up"),
        KeyBinding([.character("g"), .home], .first, "first row"),
        KeyBinding([.character("G"), .end], .last, "last loaded row (keeps loading)"),
        KeyBinding([.character("J"), .character("]")], .nextCall, "next call (also in the full-screen detail)"),
        KeyBinding([.character("K"), .character("[")], .previousCall, "previous call (also in the full-screen detail)"),
        KeyBinding([.tab], .focusNext, "next pane"),
        KeyBinding([.backTab], .focusPrevious, "previous pane"),
        KeyBinding([.character("h"), .left], .focusLeft, "pane to the left"),
        KeyBinding([.character("l"), .right], .focusRight, "pane to the right"),
        KeyBinding([.enter], .open, "open: lead → its calls; call → full-screen detail"),
        KeyBinding([.escape], .back, "back / close overlay / clear search"),
        KeyBinding([.character("/")], .search, "search by name or phone"),
        KeyBinding([.character("n")], .searchNext, "next match"),
        KeyBinding([.character("N")], .searchPrevious, "previous match"),
        KeyBinding([.character("1")], .toggleOutcome(1), "toggle outcome filter 1"),
        KeyBinding([.character("2")], .toggleOutcome(2), "toggle outcome filter 2"),
        KeyBinding([.character("3")], .toggleOutcome(3), "toggle outcome filter 3"),
        KeyBinding([.character("4")], .toggleOutcome(4), "toggle outcome filter 4"),
        KeyBinding([.character("5")], .toggleOutcome(5), "toggle outcome filter 5"),
        KeyBinding([.character("6")], .toggleOutcome(6), "toggle outcome filter 6"),
        KeyBinding([.character("0")], .clearOutcomes, "clear outcome filters"),
        KeyBinding([.character("d")], .toggleDirection, "direction filter: all → outbound → inbound"),
        KeyBinding([.character("r")], .reload, "retry what failed, else reload the current lead"),
        KeyBinding([.character("o")], .playRecording, "play the selected call's recording with your player"),
        KeyBinding([.character("t")], .openTranscript, "the call's AI transcript: j/k scroll, / n N search, q closes"),
        KeyBinding([.character("i")], .openLeadInfo, "every field of the lead (highlighted, open, or the call's): j/k scroll, q closes"),
        KeyBinding([.character("R")], .openRecent, "recent calls across leads (the inbox; --team for the team's)"),
        KeyBinding([.character("L")], .openCallsLead, "in the inbox: the selected call's lead's own calls"),
        KeyBinding([.character("S")], .completeStats, "complete the stats strip: load the rest of the history (Esc stops)"),
        KeyBinding([.character("?")], .help, "this help (again closes it)"),
        KeyBinding([.character("q")], .close, "close help or the detail; quit from the main view"),
        KeyBinding([.character("Q"), .control("c")], .quit, "quit from anywhere"),
    ])
}
