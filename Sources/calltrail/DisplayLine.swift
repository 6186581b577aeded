import CalltrailModel

/// Text for one line on a terminal: sanitised (a server's message is untrusted).
enum DisplayLine {
    static func safe(_ text: String) -> String { DisplayText.sanitize(text) }
}
