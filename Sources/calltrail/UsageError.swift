/// A command line that cannot be right for the chosen provider (an outcome word it
/// does not have, a command that does not exist): exit 64, before any request.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
