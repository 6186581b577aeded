/// Deterministic pseudo-random numbers keyed by position, so any call of any lead
/// can be generated on its own (O(1)) without generating or storing the ones
/// before it. SplitMix64's finaliser mixes the key into well-spread bits.
struct DemoRandom {
    private var state: UInt64

    /// A stream for one thing (a lead, a call), identified by its key parts.
    init(_ parts: UInt64...) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in parts { h = DemoRandom.mix(h ^ part &+ 0x632B_E59B_D9B4_E019) }
        state = h
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state = DemoRandom.mix(state)
        return state
    }

    /// Uniform in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
