import Foundation

/// Figures over a set of calls, kept as running totals so they grow call by call
/// (the browser adds each page once, as it arrives; `calltrail stats` adds every
/// page it walks): calls, talk time, how many connected, the outcome mix and
/// calls per week. Adding the same calls in any split gives the same figures.
public struct CallStats: Sendable, Hashable {
    public private(set) var calls = 0
    /// Seconds on the calls whose duration is known.
    public private(set) var talkSeconds = 0
    /// Calls that reached the person (see `connected(_:)`).
    public private(set) var connected = 0
    /// Calls per outcome; calls without one count under `nil`.
    public private(set) var outcomes: [CallOutcome?: Int] = [:]
    /// Calls per week (Monday-based, see `week(of:in:)`); calls without a start time are not in it.
    public private(set) var weeks: [Int: Int] = [:]

    public init() {}

    public init(_ calls: some Sequence<Call>, zone: TimeZone) {
        for call in calls { add(call, zone: zone) }
    }

    public mutating func add(_ call: Call, zone: TimeZone) {
        calls += 1
        if let duration = call.duration, duration > 0 { talkSeconds += duration }
        if Self.connected(call) { connected += 1 }
        outcomes[call.outcome, default: 0] += 1
        if let start = call.startTime, start.isRepresentable { weeks[Self.week(of: start, in: zone), default: 0] += 1 }
    }

    public mutating func add(_ page: some Sequence<Call>, zone: TimeZone) {
        for call in page { add(call, zone: zone) }
    }

    /// The call reached the person: Lofty's Talked, or, where the vendor gives no
    /// known outcome, time on the line with a status that is not a miss.
    public static func connected(_ call: Call) -> Bool {
        if let outcome = call.outcome, CallOutcome.known.contains(outcome) { return outcome == .talked }
        guard let duration = call.duration, duration > 0 else { return false }
        switch call.status {
        case .missed?, .failed?, .busy?, .noAnswer?, .voiceMail?: return false
        default: return true
        }
    }

    /// Connected calls as a whole percentage of all calls (nil with no calls).
    public var connectPercent: Int? {
        guard calls > 0 else { return nil }
        return Int((Double(connected) * 100 / Double(calls)).rounded())
    }

    /// The outcomes present, Lofty's six in their order first, then the others by
    /// count (then name), "none" last.
    public var outcomeMix: [(outcome: CallOutcome?, count: Int)] {
        let known = CallOutcome.known.compactMap { outcome in outcomes[outcome].map { (Optional(outcome), $0) } }
        let others = outcomes.compactMap { entry -> (CallOutcome?, Int)? in
            guard let outcome = entry.key, !CallOutcome.known.contains(outcome) else { return nil }
            return (outcome, entry.value)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0?.rawValue ?? "") < ($1.0?.rawValue ?? "") }
        let none = outcomes[nil].map { [(CallOutcome?.none, $0)] } ?? []
        return (known + others + none).map { (outcome: $0.0, count: $0.1) }
    }

    /// Monday-based weeks since the week of 1970-01-01 (a Thursday), in `zone`.
    public static func week(of date: Date, in zone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let day = Int((local / 86_400).rounded(.down))
        return Int((Double(day + 3) / 7).rounded(.down))
    }

    /// Days since 1970-01-01 of the Monday that starts `week`.
    public static func firstDay(ofWeek week: Int) -> Int { week * 7 - 3 }

    /// Calls in each of the last `count` weeks up to the newest call's week,
    /// oldest first, empty weeks as 0 (fewer when the calls span fewer weeks).
    public func weeklyCounts(last count: Int) -> (firstWeek: Int, counts: [Int])? {
        guard count > 0, let newest = weeks.keys.max(), let oldest = weeks.keys.min() else { return nil }
        let first = max(oldest, newest - count + 1)
        return (first, (first...newest).map { weeks[$0] ?? 0 })
    }

    /// "▁▃█▅": one block per value, scaled to the largest; 0 shows as the lowest block.
    public static func sparkline(_ values: [Int]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { value in
            value <= 0 ? blocks[0] : blocks[min(7, max(1, Int((Double(value) * 7 / Double(top)).rounded(.up))))]
        })
    }

    /// The outcome mix as `width` cells: each outcome a run proportional to its
    /// count (largest remainder), every outcome present at least one cell while
    /// there is room.
    public func bar(width: Int) -> [(outcome: CallOutcome?, cells: Int)] {
        let mix = outcomeMix
        guard width > 0, calls > 0, !mix.isEmpty else { return [] }
        let exact = mix.map { Double($0.count) * Double(width) / Double(calls) }
        var cells = exact.map { Int($0.rounded(.down)) }
        var left = width - cells.reduce(0, +)
        // The largest remainders take the cells left, in order.
        let order = exact.indices.sorted { (exact[$0] - Double(cells[$0])) > (exact[$1] - Double(cells[$1])) }
        for index in order where left > 0 {
            cells[index] += 1
            left -= 1
        }
        // An outcome that rounded to nothing borrows a cell from the largest run.
        for index in cells.indices where cells[index] == 0 {
            guard let largest = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[largest] > 1 else { break }
            cells[largest] -= 1
            cells[index] = 1
        }
        return zip(mix, cells).filter { $0.1 > 0 }.map { (outcome: $0.0.outcome, cells: $0.1) }
    }

    /// The letter that stands for an outcome in the bar, so it reads without colour:
    /// T talked, V voice message, N no answer, B bad number, D DNC number, C DNC
    /// contact; a vendor's own outcome its first letter in lower case ("Interested"
    /// i, "Callback" c), o when it starts with no letter; - none.
    public static func barLetter(_ outcome: CallOutcome?) -> Character {
        switch outcome {
        case .talked?: return "T"
        case .voiceMessage?: return "V"
        case .noAnswer?: return "N"
        case .badNumber?: return "B"
        case .dncNumber?: return "D"
        case .dncContact?: return "C"
        case .other(let raw)?:
            guard let first = raw.first(where: { !$0.isWhitespace }), first.isLetter, first.isASCII else { return "o" }
            return Character(first.lowercased())
        case nil: return "-"
        }
    }
}
