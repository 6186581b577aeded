import AsyncHTTPClient
import CalltrailProviders
import Foundation
import NIOCore
import NIOHTTP1

/// Downloads a recording to a file: a plain GET to the recording host with no
/// credentials at all (the API token never leaves for another host), resuming a
/// partial file with `Range: bytes=N-`, refusing anything larger than
/// `maximumBytes`, and giving up when no byte arrives for `stallTimeout`.
public struct RecordingDownload: Sendable {
    /// The size past which a recording is refused (a call's audio is a few MiB).
    public static let defaultMaximumBytes: Int64 = 512 * 1_048_576

    public var maximumBytes: Int64
    public var stallTimeout: Duration
    public var connectTimeout: Duration

    public init(
        maximumBytes: Int64 = RecordingDownload.defaultMaximumBytes,
        stallTimeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(5)
    ) {
        self.maximumBytes = maximumBytes
        self.stallTimeout = stallTimeout
        self.connectTimeout = connectTimeout
    }

    /// Bytes in the file so far, and the recording's size when the host said it.
    public struct Progress: Sendable, Hashable {
        public var bytes: Int64
        public var total: Int64?
    }

    /// What a finished download did.
    public struct Result: Sendable, Hashable {
        /// The file's size now: the whole recording.
        public var size: Int64
        /// Bytes that were already there and kept (0 for a fresh download).
        public var resumedFrom: Int64
        /// The file was already complete (the host answered 416 to the range).
        public var wasComplete: Bool
    }

    /// Downloads `link` into `path`, continuing the file when it holds a start of it.
    /// `progress` is called as bytes arrive. A `file://` link (the demo's) is copied.
    public func download(
        _ link: RecordingLink, to path: String, progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws(RecordingDownloadError) -> Result {
        if let source = link.localPath { return try copy(localFile: source, to: path, progress: progress) }
        let file = try OutputFile(path: path)
        defer { file.close() }
        let existing = file.size
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false))
        configuration.timeout = .init(connect: .nanoseconds(Self.nanoseconds(connectTimeout)),
                                      read: .nanoseconds(Self.nanoseconds(stallTimeout)))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let outcome: Swift.Result<Result, RecordingDownloadError>
        do {
            outcome = .success(try await fetch(link, into: file, existing: existing, client: client, progress: progress))
        } catch let error as RecordingDownloadError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(Self.classify(error, host: link.host))
        }
        try? await client.shutdown()
        return try outcome.get()
    }

    private func fetch(
        _ link: RecordingLink, into file: OutputFile, existing: Int64, client: HTTPClient,
        progress: @escaping @Sendable (Progress) -> Void
    ) async throws -> Result {
        var request = HTTPClientRequest(url: link.url)
        // Deliberately nothing else: no Authorization, no cookies, no API headers.
        request.headers.add(name: "User-Agent", value: "calltrail")
        request.headers.add(name: "Accept", value: "audio/*, */*")
        if existing > 0 { request.headers.add(name: "Range", value: "bytes=\(existing)-") }
        let response = try await client.execute(request, deadline: .distantFuture)
        let status = Int(response.status.code)
        var start: Int64 = 0
        var total: Int64?
        switch status {
        case 200:
            // The whole recording (a host that ignores ranges): start the file over.
            total = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
        case 206:
            guard let range = ContentRange(response.headers.first(name: "Content-Range")), range.start == existing else {
                throw RecordingDownloadError.badRange("the recording host answered the range request for bytes \(existing)- with another range")
            }
            start = existing
            total = range.total
        case 416 where existing > 0:
            let size = ContentRange(response.headers.first(name: "Content-Range"))?.total
            if size == existing {
                progress(Progress(bytes: existing, total: existing))
                return Result(size: existing, resumedFrom: existing, wasComplete: true)
            }
            throw RecordingDownloadError.badRange(
                "the file already holds \(existing) bytes, more than the recording's \(size.map(String.init) ?? "size")"
                    + "; remove it or choose another file")
        case 401, 403, 410:
            throw RecordingDownloadError.refused(status: status)
        case 404:
            throw RecordingDownloadError.missing
        case 500...599:
            throw RecordingDownloadError.server(status: status)
        default:
            throw RecordingDownloadError.unexpectedStatus(status)
        }
        if let total, total > maximumBytes { throw RecordingDownloadError.tooLarge(limit: maximumBytes, size: total) }
        try file.truncate(to: start)
        var written = start
        progress(Progress(bytes: written, total: total))
        do {
            for try await chunk in response.body {
                try Task.checkCancellation()
                written += Int64(chunk.readableBytes)
                if written > maximumBytes { throw RecordingDownloadError.tooLarge(limit: maximumBytes, size: total) }
                try chunk.withUnsafeReadableBytes { bytes in try file.write(bytes) }
                progress(Progress(bytes: written, total: total))
            }
        } catch let error as RecordingDownloadError {
            if case .tooLarge = error { try? file.truncate(to: start) }
            throw error
        }
        if let total, written != total {
            throw RecordingDownloadError.network("the recording host sent \(written) of \(total) bytes; run again to resume")
        }
        return Result(size: written, resumedFrom: start, wasComplete: false)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    static func classify(_ error: any Error, host: String) -> RecordingDownloadError {
        if error is CancellationError { return .cancelled }
        if let clientError = error as? HTTPClientError, clientError == .readTimeout {
            return .stalled
        }
        switch AsyncHTTPTransport.classify(error, host: host) {
        case .timedOut: return .stalled
        case .network(let why), .cannotConnect(let why): return .network(why)
        }
    }
}

/// Why a recording download failed, said in one line.
public enum RecordingDownloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 401/403/410: recording links are short-lived (Lofty's last an hour).
    case refused(status: Int)
    case missing
    case server(status: Int)
    case unexpectedStatus(Int)
    case network(String)
    /// No byte arrived for the stall time-out.
    case stalled
    case tooLarge(limit: Int64, size: Int64?)
    case badRange(String)
    case file(String)
    case cancelled

    public var description: String {
        switch self {
        case .refused(let status):
            return "the recording host refused the link (HTTP \(status)); links expire, so run the command again for a fresh one"
        case .missing: return "the recording host has no such recording (HTTP 404)"
        case .server(let status): return "the recording host failed (HTTP \(status)); run again to resume"
        case .unexpectedStatus(let status): return "the recording host answered HTTP \(status)"
        case .network(let why): return "cannot download the recording: \(why)"
        case .stalled: return "the recording host stopped sending; run again to resume"
        case .tooLarge(let limit, let size):
            let mib = { (bytes: Int64) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
            return "the recording is larger than the \(mib(limit)) limit" + (size.map { " (\(mib($0)))" } ?? "") + "; not downloaded"
        case .badRange(let why): return why
        case .file(let why): return why
        case .cancelled: return "cancelled"
        }
    }
}

/// The output file, opened for writing without truncating (so it can be resumed).
final class OutputFile: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String

    init(path: String) throws(RecordingDownloadError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .file("cannot write \(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            Foundation.close(fd)
            throw .file("\(path) is not a regular file")
        }
        descriptor = fd
    }

    var size: Int64 { Int64(lseek(descriptor, 0, SEEK_END)) }

    func truncate(to length: Int64) throws(RecordingDownloadError) {
        guard ftruncate(descriptor, off_t(length)) == 0, lseek(descriptor, off_t(length), SEEK_SET) == off_t(length) else {
            throw .file("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(RecordingDownloadError) {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let n = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .file("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    func close() { Foundation.close(descriptor) }
}

/// `Content-Range: bytes START-END/TOTAL` (TOTAL may be `*`), or `bytes */TOTAL`.
struct ContentRange: Hashable {
    var start: Int64?
    var total: Int64?

    init?(_ text: String?) {
        guard let text, text.hasPrefix("bytes ") else { return nil }
        let parts = text.dropFirst(6).split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        total = Int64(parts[1])
        if parts[0] != "*" {
            guard let first = parts[0].split(separator: "-").first, let start = Int64(first) else { return nil }
            self.start = start
        }
    }
}
