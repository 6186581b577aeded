/// Where a secret occurs in a text, compared the way a reader would see it:
/// letters in any case, with invisible characters (zero-width spaces and joiners,
/// soft hyphens, bidi marks, variation selectors) skipped on both sides.
struct SecretOccurrences {
    private let scalars: [Unicode.Scalar]
    /// Ranges of `scalars` (first…last matched scalar) holding the secret.
    let ranges: [ClosedRange<Int>]

    init(of secret: String, in text: String) {
        scalars = Array(text.unicodeScalars)
        let needle = secret.unicodeScalars.compactMap(Self.folded)
        // The text's visible scalars, folded, each with its position in `scalars`.
        var haystack: [(value: Unicode.Scalar, index: Int)] = []
        haystack.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if let value = Self.folded(scalar) { haystack.append((value, index)) }
        }
        var found: [ClosedRange<Int>] = []
        var start = 0
        if !needle.isEmpty {
            while start + needle.count <= haystack.count {
                var matched = 0
                while matched < needle.count, haystack[start + matched].value == needle[matched] { matched += 1 }
                if matched == needle.count {
                    found.append(haystack[start].index...haystack[start + matched - 1].index)
                    start += matched
                } else {
                    start += 1
                }
            }
        }
        ranges = found
    }

    /// The text with each occurrence (and the invisible characters inside it) replaced by `mask`.
    func masked(with mask: String) -> String {
        var out = String.UnicodeScalarView()
        var next = 0
        for range in ranges {
            out.append(contentsOf: scalars[next..<range.lowerBound])
            out.append(contentsOf: mask.unicodeScalars)
            next = range.upperBound + 1
        }
        out.append(contentsOf: scalars[next...])
        return String(out)
    }

    /// The scalar as compared: lower-cased when that gives one scalar, nil when it is invisible.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) : scalar
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format { return nil }
        let lower = properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first : scalar
    }
}
