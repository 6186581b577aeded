import CalltrailModel
import Foundation

/// The demo's recording of a call: a few seconds of telephone sounds made from the
/// call id alone (two rings, the id's last eight digits as touch tones, then a
/// short warble standing for the conversation), as a mono 16-bit 8 kHz WAV file of
/// about 80 KB. The same id always gives the same bytes, so a player and a
/// download have something real to open without any network.
enum DemoRecordingAudio {
    static let sampleRate = 8_000
    static let digitCount = 8

    /// The whole WAV file: a 44-byte RIFF header, then the samples.
    static func wav(for id: CallID) -> [UInt8] {
        let samples = self.samples(for: id)
        let dataBytes = samples.count * 2
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataBytes)
        func append(_ text: String) { bytes += Array(text.utf8) }
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { bytes += $0 } }
        append("RIFF"); append32(36 + dataBytes); append("WAVE")
        append("fmt "); append32(16); append16(1)  // PCM
        append16(1); append32(sampleRate); append32(sampleRate * 2); append16(2); append16(16)
        append("data"); append32(dataBytes)
        for sample in samples { withUnsafeBytes(of: sample.littleEndian) { bytes += $0 } }
        return bytes
    }

    /// A tone or silence: up to two frequencies for `seconds`.
    struct Segment {
        var frequencies: [Double]
        var seconds: Double
        static func silence(_ seconds: Double) -> Segment { Segment(frequencies: [], seconds: seconds) }
    }

    static func segments(for id: CallID) -> [Segment] {
        // North American ringback (440 + 480 Hz), shortened.
        let ring = Segment(frequencies: [440, 480], seconds: 0.8)
        var segments = [ring, .silence(0.4), ring, .silence(0.4)]
        let digits = id.rawValue.filter(\.isASCII).compactMap(\.wholeNumberValue).suffix(digitCount)
        for digit in digits {
            segments += [Segment(frequencies: touchTone(digit), seconds: 0.12), .silence(0.08)]
        }
        // The "conversation": short notes picked from the id, so calls sound apart.
        var random = DemoRandom(0xA0D1_0000, UInt64(truncatingIfNeeded: id.int64Value ?? 0))
        segments.append(.silence(0.3))
        for _ in 0..<8 {
            segments.append(Segment(frequencies: [Double(random.inRange(220...660))], seconds: 0.15))
        }
        segments.append(.silence(0.2))
        return segments
    }

    /// DTMF: a row and a column frequency per key.
    static func touchTone(_ digit: Int) -> [Double] {
        let rows: [Double] = [697, 770, 852, 941]
        let columns: [Double] = [1_209, 1_336, 1_477]
        guard digit != 0 else { return [rows[3], columns[1]] }
        return [rows[(digit - 1) / 3], columns[(digit - 1) % 3]]
    }

    static func samples(for id: CallID) -> [Int16] {
        var samples: [Int16] = []
        for segment in segments(for: id) {
            let count = Int(segment.seconds * Double(sampleRate))
            // 5 ms fades at both ends, so notes start and stop without a click.
            let fade = min(40, count / 2)
            for n in 0..<count {
                guard !segment.frequencies.isEmpty else { samples.append(0); continue }
                let t = Double(n) / Double(sampleRate)
                var value = 0.0
                for frequency in segment.frequencies { value += sin(2 * Double.pi * frequency * t) }
                value /= Double(segment.frequencies.count)
                let envelope = min(1, Double(min(n, count - 1 - n)) / Double(max(fade, 1)))
                samples.append(Int16((value * envelope * 0.4 * Double(Int16.max)).rounded()))
            }
        }
        return samples
    }
}
