/// A problem with the configuration, said in one line naming the file and key.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
