/// `calltrail --provider lofty calls --lead 1` reads naturally, but the parser binds
/// options before a subcommand to the default one (the browser) and then refuses
/// "calls". This moves a subcommand named after only global options to the front,
/// so the global options reach it; anything else is left for the parser to judge.
enum SubcommandFirst {
    /// Global options that take a value (see `GlobalOptions`).
    static let valueOptions: Set<String> = ["--provider", "--base-url", "--page-size", "--theme", "--config"]

    static func arguments(_ arguments: [String], subcommands: Set<String>) -> [String] {
        let index = commandPosition(in: arguments)
        guard index > 0, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + arguments[..<index] + arguments[(index + 1)...]
    }

    /// Where a subcommand would stand: after the leading global options and their values.
    static func commandPosition(in arguments: [String]) -> Int {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valueOptions.contains(argument) {
                index += 2
            } else if let equals = argument.firstIndex(of: "="), valueOptions.contains(String(argument[..<equals])) {
                index += 1
            } else {
                break
            }
        }
        return index
    }
}
