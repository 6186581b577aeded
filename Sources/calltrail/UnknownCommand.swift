/// `calltrail lead` would otherwise reach the default command (the browser) as a
/// stray argument and be refused with a generic message. A bare word where a
/// subcommand goes is a misspelt command: say so, with the nearest real one.
enum UnknownCommand {
    /// The refusal for `arguments` (already put subcommand-first), or nil when the
    /// first word is a command, an option, or there is none.
    static func error(in arguments: [String], subcommands: [String]) -> UsageError? {
        let position = SubcommandFirst.commandPosition(in: arguments)
        guard position < arguments.count else { return nil }
        let word = arguments[position]
        guard !word.hasPrefix("-"), !subcommands.contains(word) else { return nil }
        let safe = word.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F } ? word : "…"
        if let near = Suggestion.closest(to: word, among: subcommands) {
            return UsageError("unknown command '\(safe)' — did you mean '\(near)'?")
        }
        return UsageError("unknown command '\(safe)' (commands: \(subcommands.joined(separator: ", ")))")
    }
}
