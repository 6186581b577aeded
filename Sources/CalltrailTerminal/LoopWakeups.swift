import CTerminalRestore
import Dispatch
import Foundation

/// Everything that can wake the browser's loop, as one stream it sleeps on: keys
/// on stdin, a window-size change, a change of the browser's state from a network
/// result, and a timer only while one is due. With none of these the process
/// sleeps; nothing polls.
@MainActor
final class LoopWakeups {
    /// One element per wake-up (coalesced while the loop is busy); the loop iterates it.
    let events: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    /// The main queue, which runs the main actor here: input wakes the loop without a thread hop.
    private let queue = DispatchQueue.main
    private var sources: [any DispatchSourceRead] = []
    /// Set by a source's handler (on `queue`), cleared by the loop once it has read.
    private let inputReady = InputFlag()
    private var timer: Task<Void, Never>?
    private var timerDeadline: ContinuousClock.Instant?

    init() {
        (events, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Starts watching stdin and the SIGWINCH pipe. Each source fires once and is
    /// suspended until `inputHandled()`, so readable input does not spin it.
    func watchInput() {
        var descriptors = [STDIN_FILENO]
        let winch = ct_wake_install_sigwinch()
        if winch >= 0 { descriptors.append(winch) }
        for (index, descriptor) in descriptors.enumerated() {
            sources.append(Self.readSource(descriptor, index: index, queue: queue, flag: inputReady, continuation: continuation))
        }
    }

    /// Nonisolated so its handler is not a main-actor closure: it runs on `queue`.
    private nonisolated static func readSource(
        _ descriptor: Int32, index: Int, queue: DispatchQueue, flag: InputFlag, continuation: AsyncStream<Void>.Continuation
    ) -> any DispatchSourceRead {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler {  // the cycle through the handler ends when stop() cancels the source
            source.suspend()
            flag.set(suspended: index)
            continuation.yield()
        }
        source.activate()
        return source
    }

    /// Wakes the loop (a state change it did not make itself).
    nonisolated func wake() { continuation.yield() }

    /// True once after input became readable; the caller then reads everything
    /// available and calls `inputHandled()`.
    var takeInputReady: Bool { inputReady.take() }

    /// Re-arms the sources after the available input was read.
    func inputHandled() {
        ct_wake_drain()
        for index in inputReady.takeSuspended() { sources[index].resume() }
    }

    /// Makes `events` deliver a wake-up at `deadline` (a due timer) unless
    /// something else comes first; nil: no timer.
    func arm(deadline: ContinuousClock.Instant?) {
        if deadline != timerDeadline {
            timer?.cancel()
            timer = nil
            timerDeadline = deadline
            if let deadline {
                timer = Task { [weak self, continuation] in
                    guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
                    // Fired: the same deadline asked again must start a new timer.
                    self?.timerDeadline = nil
                    continuation.yield()
                }
            }
        }
    }

    func stop() {
        timer?.cancel()
        // A suspended source must be resumed before it may be cancelled and released.
        for index in inputReady.takeSuspended() { sources[index].resume() }
        for source in sources { source.cancel() }
        continuation.finish()
    }
}

/// What the sources' handler (on the input queue) tells the main actor: input is
/// ready, and which sources it suspended (only those may be resumed).
private final class InputFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var ready = false
    private var suspended: [Int] = []

    func set(suspended index: Int) {
        lock.withLock {
            ready = true
            suspended.append(index)
        }
    }

    func take() -> Bool {
        lock.withLock {
            defer { ready = false }
            return ready
        }
    }

    func takeSuspended() -> [Int] {
        lock.withLock {
            defer { suspended.removeAll() }
            return suspended
        }
    }
}
