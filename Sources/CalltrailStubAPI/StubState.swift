import CalltrailModel
import Foundation

/// One logged request.
public struct StubLogEntry: Sendable, Equatable {
    public var number: Int
    public var method: String
    public var path: String
    public var query: String
    /// Seconds since 1970, when the request arrived.
    public var time: Double
    public var status: Int
    public var fault: String?
    /// The request carried an `Authorization` header (the recording host must never get one).
    public var authorization: Bool = false
    /// The `Range` header, when sent.
    public var range: String?
}

/// What the server does for one request: the response, and how to deliver it.
struct StubReply: Sendable {
    var response: StubResponse
    var delayMs: Int = 0
    var truncate: Bool = false
    /// Send the head and half the body, then nothing (the recording host's and the `stall` fault's mode).
    var stall: Bool = false
    var body: StubBodyDelivery = .whole
}

/// How the rest of the body goes out: whole, or a byte at a time for ever (the `trickle` fault).
enum StubBodyDelivery: Sendable, Equatable {
    case whole
    case trickle(everyMs: Int)
}

/// Everything the stand-in remembers: the request log and the fault plan.
/// Shared by every connection, hence the lock.
public final class StubState: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [StubLogEntry] = []
    private var nextNumber = 1
    private var injector: FaultInjector
    let vendors: [any StubVendorRoutes]

    public init(vendors: [any StubVendorRoutes], faults: FaultPlan = FaultPlan()) {
        self.vendors = vendors
        self.injector = FaultInjector(plan: faults)
    }

    public var requests: [StubLogEntry] { lock.withLock { log } }

    public func setFaults(_ plan: FaultPlan) { lock.withLock { injector = FaultInjector(plan: plan) } }

    /// Forgets the log (numbering starts again at 1) and the fault counters.
    public func reset(faults: FaultPlan? = nil) {
        lock.withLock {
            log = []
            nextNumber = 1
            injector = FaultInjector(plan: faults ?? injector.plan)
        }
    }

    func handle(method: String, uri: String, headers: [(String, String)], body: [UInt8]) -> StubReply {
        let path = String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if path.hasPrefix("/_stub/") {
            return StubReply(response: control(method: method, path: path, body: body))
        }
        let (number, fault): (Int, InjectedFault?) = lock.withLock {
            let n = nextNumber
            nextNumber += 1
            return (n, injector.fault(forRequest: n, path: path))
        }
        let request = StubRequest(number: number, method: method, uri: uri, headers: headers, body: body)
        var reply: StubReply
        switch fault?.kind {
        case .status500?:
            reply = StubReply(response: .error(500, code: 500, message: "injected server error"))
        case .status503?:
            reply = StubReply(response: .error(503, code: 503, message: "injected service unavailable"))
        case .rateLimited?:
            reply = StubReply(response: .error(429, code: 429, message: "too many requests"))
            reply.response.headers.append(("Retry-After", String(fault?.retryAfter ?? 1)))
        case .slow?, .truncate?, .stall?, .trickle?, nil:
            if request.path.hasPrefix(StubRecordings.pathPrefix) {
                let (response, stall) = StubRecordings.respond(to: request)
                reply = StubReply(response: response, stall: stall)
            } else {
                reply = StubReply(response: route(request))
            }
            reply.delayMs = fault?.kind == .slow ? (fault?.delayMs ?? 0) : 0
            reply.truncate = fault?.kind == .truncate
            if fault?.kind == .stall { reply.stall = true }
            if fault?.kind == .trickle { reply.body = .trickle(everyMs: max(1, fault?.delayMs ?? 100)) }
        }
        let entry = StubLogEntry(
            number: number, method: method, path: request.path, query: request.queryText,
            time: Date().timeIntervalSince1970, status: reply.response.status, fault: fault?.kind.rawValue,
            authorization: request.header("Authorization") != nil, range: request.header("Range"))
        lock.withLock { log.append(entry) }
        return reply
    }

    private func route(_ request: StubRequest) -> StubResponse {
        guard let vendor = vendors.first(where: { $0.serves(path: request.path) }) else {
            return .error(404, code: 404, message: "no such endpoint")
        }
        return vendor.respond(to: request)
    }

    /// `GET/DELETE /_stub/requests`, `GET/POST /_stub/faults`, `POST /_stub/reset`.
    private func control(method: String, path: String, body: [UInt8]) -> StubResponse {
        switch (method, path) {
        case ("GET", "/_stub/requests"):
            let entries = requests.map { e -> JSONValue in
                .object([
                    JSONField("n", .integer(Int64(e.number))), JSONField("method", .string(e.method)),
                    JSONField("path", .string(e.path)), JSONField("query", .string(e.query)),
                    JSONField("time", .number(e.time)), JSONField("status", .integer(Int64(e.status))),
                    JSONField("fault", e.fault.map { .string($0) } ?? .null),
                    JSONField("authorization", .bool(e.authorization)),
                    JSONField("range", e.range.map { .string($0) } ?? .null),
                ])
            }
            return .json(200, .object([JSONField("requests", .array(entries))]))
        case ("DELETE", "/_stub/requests"):
            lock.withLock {
                log = []
            }
            return .json(200, .object([JSONField("ok", .bool(true))]))
        case ("POST", "/_stub/reset"):
            reset()
            return .json(200, .object([JSONField("ok", .bool(true))]))
        case ("GET", "/_stub/faults"):
            let plan = lock.withLock { injector.plan }
            let data = (try? JSONEncoder().encode(plan)) ?? Data("{}".utf8)
            return .jsonBody(200, Array(data))
        case ("POST", "/_stub/faults"):
            do {
                setFaults(try JSONDecoder().decode(FaultPlan.self, from: Data(body)))
                return .json(200, .object([JSONField("ok", .bool(true))]))
            } catch {
                return .error(400, code: 400, message: "fault plan: \(error)")
            }
        default:
            return .error(404, code: 404, message: "unknown stub control endpoint")
        }
    }
}
