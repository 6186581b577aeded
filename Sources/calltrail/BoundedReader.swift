import Foundation

/// Reads a descriptor to its end, but never more than a limit: input that does
/// not end (`/dev/zero`) or is absurdly large stops at the limit instead of
/// taking all memory.
enum BoundedReader {
    enum Result: Equatable {
        case complete([UInt8])
        /// More than `limit` bytes were there.
        case tooLarge
        case failed(errno: Int32)
    }

    static func readAll(_ descriptor: Int32, limit: Int) -> Result {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .complete(bytes) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failed(errno: errno)
            }
            guard bytes.count + count <= limit else { return .tooLarge }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
