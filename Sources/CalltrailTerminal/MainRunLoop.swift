import CTerminalRestore
import Foundation

/// The process's main loop, on the main thread. It sleeps in `poll` until the
/// main queue has work (the main actor's jobs: network results, the command
/// itself), a watched descriptor is readable, or the deadline passes, then runs
/// what is due on the main thread itself. A key so wakes one thread, the one
/// that draws; under `dispatch_main` it woke libdispatch's event thread, which
/// then woke a worker to run the main queue (two thread switches a key; the
/// event thread alone took an eighth of a key's CPU samples).
public enum MainRunLoop {
    /// Handlers for readable descriptors (also called on hang-up and error, so the handler sees end of input).
    @MainActor private static var watches: [(descriptor: Int32, handler: () -> Void)] = []
    /// The one timer: when it is due and what runs then.
    @MainActor private static var deadline: (at: ContinuousClock.Instant, handler: () -> Void)?
    /// Work to run before sleeping again.
    @MainActor private static var soon: [() -> Void] = []
    /// The loop owns the main thread: what watches, deadlines and `runSoon` need.
    @MainActor static private(set) var isRunning = false

    /// Runs the loop; it never returns (the process exits from the work it runs).
    /// Call from a synchronous `main`, on the main thread, instead of `dispatch_main`.
    public static func run() -> Never {
        ct_main_thread_accept_signals()
        MainActor.assumeIsolated { isRunning = true }
        let queue = ct_main_queue_descriptor()
        var descriptors: [pollfd] = []
        while true {
            let timeout = MainActor.assumeIsolated { () -> Int32 in
                descriptors.removeAll(keepingCapacity: true)
                if queue >= 0 { descriptors.append(pollfd(fd: queue, events: Int16(POLLIN), revents: 0)) }
                for watch in watches { descriptors.append(pollfd(fd: watch.descriptor, events: Int16(POLLIN), revents: 0)) }
                if !soon.isEmpty { return 0 }
                guard let deadline else { return -1 }
                // Rounded up: waking before the deadline would only poll again at once. A day at most a sleep.
                let (seconds, attoseconds) = min(max(.zero, deadline.at - .now), .seconds(86_400)).components
                let milliseconds = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                return Int32(clamping: milliseconds)
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0, errno != EINTR {
                fatalError("poll failed: \(String(cString: strerror(errno)))")
            }
            MainActor.assumeIsolated {
                let readable = Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL)
                for descriptor in descriptors where descriptor.revents & readable != 0 {
                    if descriptor.fd == queue {
                        ct_main_queue_drain()
                    } else if let watch = watches.first(where: { $0.descriptor == descriptor.fd }) {
                        watch.handler()
                        // A closed descriptor never becomes readable again: watching it would spin.
                        if descriptor.revents & Int16(POLLNVAL) != 0 { unwatch(descriptor.fd) }
                    }
                }
                if let due = deadline, due.at <= .now {
                    deadline = nil
                    due.handler()
                }
                let work = soon
                soon.removeAll()
                for item in work { item() }
            }
        }
    }

    /// Calls `handler` whenever `descriptor` is readable (or hung up) until `unwatch`.
    @MainActor static func watch(_ descriptor: Int32, handler: @escaping () -> Void) {
        watches.removeAll { $0.descriptor == descriptor }
        watches.append((descriptor, handler))
    }

    @MainActor static func unwatch(_ descriptor: Int32) {
        watches.removeAll { $0.descriptor == descriptor }
    }

    /// Runs `handler` once at `instant` (replacing the deadline set before); nil clears it.
    @MainActor static func setDeadline(_ instant: ContinuousClock.Instant?, handler: @escaping () -> Void = {}) {
        deadline = instant.map { ($0, handler) }
    }

    /// Runs `work` on this loop before it sleeps again.
    @MainActor static func runSoon(_ work: @escaping () -> Void) {
        soon.append(work)
    }
}
