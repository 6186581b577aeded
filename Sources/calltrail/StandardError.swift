import Foundation

/// Diagnostics go to stderr, one line each, never to stdout (which is for data).
enum StandardError {
    static func write(_ line: String) {
        _ = FileDescriptorWriter.writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
    }
}

/// Data goes to stdout as each page arrives (unbuffered, so `calls` streams).
/// When the reader has gone (`calltrail calls … | head`), the program ends quietly,
/// like any Unix filter, instead of failing on the broken pipe. Any other write
/// error (a full disk, /dev/full, a file size limit) loses output: it is said in
/// one line and the exit status is not 0.
enum StandardOutput {
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        guard let failure = FileDescriptorWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) else { return }
        if failure == EPIPE { exit(0) }
        StandardError.write("calltrail: cannot write the output: \(String(cString: strerror(failure)))")
        exit(CommandFailure.outputFailed)
    }
}

/// `write(2)` until every byte is out. SwiftNIO ignores SIGPIPE, so a closed pipe
/// shows up here as EPIPE rather than killing the process; SIGXFSZ is ignored at
/// start (`Calltrail.main`), so a file size limit shows up as EFBIG.
enum FileDescriptorWriter {
    /// nil when every byte was written, else the errno that stopped it.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
