import CalltrailHTTP
import Foundation

/// A transport that answers from a script, records what was sent, and never
/// touches the network: for the retry, pacing and redaction rules.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case reply(Int, [(String, String)], String)
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private(set) var sent: [(url: String, headers: [(String, String)])] = []

    init(_ steps: [Step]) { self.steps = steps }

    var requestCount: Int { lock.withLock { sent.count } }

    func send(method: String, url: String, headers: [(String, String)], timeout: Duration) async throws -> HTTPReply {
        let step: Step = lock.withLock {
            sent.append((url, headers))
            return steps.isEmpty ? .fail(.network("script exhausted")) : steps.removeFirst()
        }
        switch step {
        case .reply(let status, let headers, let body):
            return HTTPReply(status: status, headers: headers, body: Array(body.utf8))
        case .fail(let error):
            throw error
        }
    }
}

/// Records the waits a policy asked for instead of sleeping.
final class RecordedSleeps: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []
    var all: [Duration] { lock.withLock { waits } }
    func record(_ d: Duration) { lock.withLock { waits.append(d) } }
}
