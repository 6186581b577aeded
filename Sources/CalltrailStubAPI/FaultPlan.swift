import Foundation

/// Which faults the stand-in injects, and on which requests. Deterministic:
/// the same plan and the same sequence of requests give the same faults.
public struct FaultPlan: Codable, Sendable, Equatable {
    public var rules: [FaultRule]
    /// Shifts where fraction-selected faults fall.
    public var seed: UInt64

    public init(rules: [FaultRule] = [], seed: UInt64 = 0) {
        self.rules = rules
        self.seed = seed
    }
}

public enum FaultKind: String, Codable, Sendable, CaseIterable {
    case status500 = "500"
    case status503 = "503"
    /// 429 with `Retry-After`.
    case rateLimited = "429"
    /// Answers normally after a delay.
    case slow
    /// Promises the whole body, sends half, closes the connection.
    case truncate
    /// Promises the whole body, sends half, then nothing more (the connection stays open).
    case stall
    /// Promises a huge body and sends one byte every `delayMs` for ever.
    case trickle
}

/// Faults on the requests whose path starts with `path`: either on a `fraction`
/// of them (spread evenly, offset by the seed) or on exact request `numbers`
/// (as numbered in the request log). Kinds rotate, one per injected fault.
public struct FaultRule: Codable, Sendable, Equatable {
    public var kinds: [FaultKind]
    public var path: String?
    public var fraction: Double?
    public var requests: [Int]?
    /// Seconds, for 429.
    public var retryAfter: Int?
    /// Milliseconds, for slow.
    public var delayMs: Int?

    public init(kinds: [FaultKind], path: String? = nil, fraction: Double? = nil, requests: [Int]? = nil,
                retryAfter: Int? = nil, delayMs: Int? = nil) {
        self.kinds = kinds
        self.path = path
        self.fraction = fraction
        self.requests = requests
        self.retryAfter = retryAfter
        self.delayMs = delayMs
    }

    /// Parses the command-line form `KIND[,KIND…][@fraction=F][@requests=N,N…][@path=P][@retry-after=S][@delay-ms=MS]`,
    /// e.g. `500,503,429,truncate@fraction=0.2@path=/v1.0/communication/call`.
    public init(spec: String) throws {
        let parts = spec.split(separator: "@").map(String.init)
        guard let kindText = parts.first, !kindText.isEmpty else { throw FaultSpecError("empty fault spec") }
        var kinds: [FaultKind] = []
        for word in kindText.split(separator: ",") {
            guard let kind = FaultKind(rawValue: String(word)) else {
                throw FaultSpecError("unknown fault kind \"\(word)\" (use \(FaultKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            kinds.append(kind)
        }
        self.init(kinds: kinds)
        for option in parts.dropFirst() {
            let kv = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw FaultSpecError("fault option \"\(option)\" is not name=value") }
            switch kv[0] {
            case "fraction":
                guard let f = Double(kv[1]), f > 0, f <= 1 else { throw FaultSpecError("fraction must be in (0, 1]") }
                fraction = f
            case "requests":
                let numbers = kv[1].split(separator: ",").compactMap { Int($0) }
                guard !numbers.isEmpty else { throw FaultSpecError("requests must list request numbers") }
                requests = numbers
            case "path": path = kv[1]
            case "retry-after":
                guard let s = Int(kv[1]), s >= 0 else { throw FaultSpecError("retry-after must be whole seconds") }
                retryAfter = s
            case "delay-ms":
                guard let ms = Int(kv[1]), ms >= 0 else { throw FaultSpecError("delay-ms must be whole milliseconds") }
                delayMs = ms
            default: throw FaultSpecError("unknown fault option \"\(kv[0])\"")
            }
        }
        guard fraction != nil || requests != nil else {
            throw FaultSpecError("a fault needs @fraction=F or @requests=N,…")
        }
    }
}

public struct FaultSpecError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The fault chosen for one request.
struct InjectedFault: Sendable, Equatable {
    var kind: FaultKind
    var retryAfter: Int
    var delayMs: Int
}

/// Applies a plan request by request; keeps the per-rule counters.
struct FaultInjector {
    private(set) var plan: FaultPlan
    private var matched: [Int]
    private var injected: [Int]

    init(plan: FaultPlan) {
        self.plan = plan
        matched = Array(repeating: 0, count: plan.rules.count)
        injected = Array(repeating: 0, count: plan.rules.count)
    }

    mutating func fault(forRequest number: Int, path: String) -> InjectedFault? {
        for (index, rule) in plan.rules.enumerated() where !rule.kinds.isEmpty {
            if let prefix = rule.path, !path.hasPrefix(prefix) { continue }
            matched[index] += 1
            var hit = rule.requests?.contains(number) ?? false
            if !hit, let fraction = rule.fraction {
                // Even spread: the n-th match faults when floor((n + phase)·f) steps up.
                let phase = Double(plan.seed % 1_000) / 1_000 / fraction
                let n = Double(matched[index])
                hit = ((n + phase) * fraction).rounded(.down) > ((n - 1 + phase) * fraction).rounded(.down)
            }
            guard hit else { continue }
            let kind = rule.kinds[injected[index] % rule.kinds.count]
            injected[index] += 1
            return InjectedFault(kind: kind, retryAfter: rule.retryAfter ?? 1, delayMs: rule.delayMs ?? 2_000)
        }
        return nil
    }
}
