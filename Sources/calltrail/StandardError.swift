import Foundation

/// Diagnostics go to stderr, one line each, never to stdout (which is for data).
enum StandardError {
    static func write(_ line: String) {
        _ = FileDescriptorWriter.writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
    }
}

/// Data goes to stdout as each page arrives (unbuffered, so `calls` streams).
/// When the reader has gone (`calltrail calls … | head`), the program ends quietly,
/// like any Unix filter, instead of failing on the broken pipe.
enum StandardOutput {
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        if !FileDescriptorWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) {
            exit(0)
        }
    }
}

/// `write(2)` until every byte is out. SwiftNIO ignores SIGPIPE, so a closed pipe
/// shows up here as EPIPE rather than killing the process.
enum FileDescriptorWriter {
    /// False when the descriptor will take no more (EPIPE or another error).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
