import Foundation

/// Diagnostics go to stderr, one line each, never to stdout (which is for data).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Data goes to stdout as each page arrives (unbuffered, so `calls` streams).
enum StandardOutput {
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
