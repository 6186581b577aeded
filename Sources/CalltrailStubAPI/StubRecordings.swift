import CalltrailModel
import Foundation

/// The stand-in's recording host: the audio behind the recording URLs the
/// Lofty and NectarDesk stand-ins hand out, under `/recordings/{vendor}/{id}.mp3`.
/// Like a real storage host it wants no token (the log notes whether one came),
/// refuses a link past its `expires` (unix seconds) with 403, and answers
/// `Range: bytes=N-` / `bytes=N-M` with 206 (416 past the end). `stall=1` sends
/// the head and half the body, then nothing more (the connection stays open).
public enum StubRecordings {
    public static let pathPrefix = "/recordings/"

    /// The audio of recording `id`: "ID3", then bytes made from the id; 160–256 KiB.
    public static func bytes(for id: Int64) -> [UInt8] {
        var rng = SplitMix64(seed: UInt64(bitPattern: id) ^ 0x5EC0_4D1F)
        let count = 160 * 1024 + Int(UInt64(bitPattern: id) % 97) * 1024
        var bytes: [UInt8] = Array("ID3".utf8)
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = rng.next()
            for _ in 0..<8 where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }

    /// A link to recording `id` of `vendor` on the host the request reached,
    /// working until `expires`.
    static func url(host: String, vendor: String, id: Int64, expires: Date) -> String {
        "http://\(host)\(pathPrefix)\(vendor)/\(id).mp3?expires=\(Int64(expires.timeIntervalSince1970))"
    }

    /// The host the client used (`Host` header), else the loopback address with no port.
    static func host(of request: StubRequest) -> String {
        guard let host = request.header("Host"), !host.isEmpty,
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == ":" || $0 == "-" || $0 == "[" || $0 == "]" })
        else { return "127.0.0.1" }
        return host
    }

    /// The answer, and whether to stall after half the body.
    static func respond(to request: StubRequest, now: Date = Date()) -> (StubResponse, stall: Bool) {
        guard request.method == "GET" else { return (text(405, "method not allowed"), false) }
        let name = request.path.dropFirst(pathPrefix.count).split(separator: "/").last.map(String.init) ?? ""
        guard name.hasSuffix(".mp3"), let id = Int64(name.dropLast(4)), id > 0 else {
            return (text(404, "no such recording"), false)
        }
        if let expires = request.query["expires"].flatMap({ Double($0) }), expires < now.timeIntervalSince1970 {
            return (text(403, "Request has expired"), false)
        }
        let audio = bytes(for: id)
        var headers = [("Content-Type", "audio/mpeg"), ("Accept-Ranges", "bytes")]
        guard let range = request.header("Range") else {
            return (StubResponse(status: 200, headers: headers, body: audio), request.query["stall"] == "1")
        }
        guard let (start, end) = parse(range: range), start <= end || end == -1 else {
            return (text(400, "bad Range header"), false)
        }
        guard start < audio.count else {
            headers.append(("Content-Range", "bytes */\(audio.count)"))
            return (StubResponse(status: 416, headers: headers, body: []), false)
        }
        let last = end == -1 ? audio.count - 1 : min(end, audio.count - 1)
        headers.append(("Content-Range", "bytes \(start)-\(last)/\(audio.count)"))
        return (StubResponse(status: 206, headers: headers, body: Array(audio[start...last])), request.query["stall"] == "1")
    }

    /// `bytes=N-` (end -1) or `bytes=N-M`.
    static func parse(range: String) -> (Int, Int)? {
        guard range.hasPrefix("bytes=") else { return nil }
        let parts = range.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), start >= 0 else { return nil }
        if parts[1].isEmpty { return (start, -1) }
        guard let end = Int(parts[1]), end >= 0 else { return nil }
        return (start, end)
    }

    private static func text(_ status: Int, _ message: String) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(message.utf8))
    }
}
