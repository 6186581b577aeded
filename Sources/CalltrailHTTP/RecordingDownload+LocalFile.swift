import CalltrailProviders
import Foundation

/// A recording that is already on this machine (the demo's, a `file://` link):
/// "downloaded" by copying, with the same rules as over HTTP: refused over the
/// size limit before anything is written, a FILE holding its start continued,
/// a complete FILE left alone, a FILE larger than the recording refused.
extension RecordingDownload {
    func copy(
        localFile source: String, to path: String, progress: @escaping @Sendable (Progress) -> Void
    ) throws(RecordingDownloadError) -> Result {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .file("cannot read the recording \(source): \(String(cString: strerror(errno)))") }
        defer { Foundation.close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .file("the recording \(source) is not a regular file")
        }
        let total = Int64(info.st_size)
        if total > maximumBytes { throw .tooLarge(limit: maximumBytes, size: total) }
        let file = try OutputFile(path: path)
        defer { file.close() }
        let existing = file.size
        if existing > 0, existing == total {
            progress(Progress(bytes: existing, total: total))
            return Result(size: existing, resumedFrom: existing, wasComplete: true)
        }
        if existing > total {
            throw .badRange("the file already holds \(existing) bytes, more than the recording's \(total); remove it or choose another file")
        }
        guard lseek(input, off_t(existing), SEEK_SET) == off_t(existing) else {
            throw .file("cannot read the recording \(source): \(String(cString: strerror(errno)))")
        }
        try file.truncate(to: existing)
        var written = existing
        progress(Progress(bytes: written, total: total))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            if Task.isCancelled { throw .cancelled }
            let count = read(input, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .file("cannot read the recording \(source): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            written += Int64(count)
            if written > maximumBytes { throw .tooLarge(limit: maximumBytes, size: total) }
            try file.write(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            progress(Progress(bytes: written, total: total))
        }
        if written != total {
            throw .file("the recording \(source) changed while it was copied; run again")
        }
        return Result(size: written, resumedFrom: existing, wasComplete: false)
    }
}
