import CTerminalRestore
import Dispatch
import Foundation

/// Everything that can wake the browser: keys on stdin, a window-size change, a
/// change of the browser's state from a network result, and a timer only while
/// one is due. Each calls the loop's step directly on the main queue (the main
/// actor's executor), so a key costs one wake-up of one thread: no stream, no
/// task to resume, no source to re-arm. With none of these the process sleeps.
@MainActor
final class LoopWakeups {
    /// The loop's step; `input` says stdin or the resize pipe may have something to read.
    private var step: ((_ input: Bool) -> Void)?
    private var sources: [any DispatchSourceRead] = []
    private var timer: (any DispatchSourceTimer)?
    /// When the timer fires next; nil when it is not set.
    private var timerDeadline: ContinuousClock.Instant?
    private var stepScheduled = false
    /// A scheduled step is to read input too.
    private var scheduledInput = false
    private let clock = ContinuousClock()

    /// Starts watching stdin and the SIGWINCH pipe. The handlers read everything
    /// there is, so a readable descriptor does not fire them again.
    func start(_ step: @escaping (_ input: Bool) -> Void) {
        self.step = step
        var descriptors = [STDIN_FILENO]
        let winch = ct_wake_install_sigwinch()
        if winch >= 0 { descriptors.append(winch) }
        for descriptor in descriptors { sources.append(Self.readSource(descriptor, owner: self)) }
        let timer = DispatchSource.makeTimerSource(queue: .main)
        timer.setEventHandler { [weak self] in
            MainActor.assumeIsolated {
                self?.timerDeadline = nil
                self?.step?(false)
            }
        }
        timer.activate()
        self.timer = timer
    }

    /// Nonisolated so its handler is not a main-actor closure; it runs on the main queue.
    private nonisolated static func readSource(_ descriptor: Int32, owner: LoopWakeups) -> any DispatchSourceRead {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .main)
        source.setEventHandler { [weak owner] in
            MainActor.assumeIsolated {
                ct_wake_drain()
                owner?.step?(true)
            }
        }
        source.activate()
        return source
    }

    /// Runs the step soon (once for any number of calls before it runs): for a
    /// state change the loop did not make itself, and for the first frame.
    func scheduleStep(input: Bool = false) {
        scheduledInput = scheduledInput || input
        guard !stepScheduled else { return }
        stepScheduled = true
        DispatchQueue.main.async { [weak self] in
            MainActor.assumeIsolated {
                guard let self else { return }
                let input = self.scheduledInput
                self.stepScheduled = false
                self.scheduledInput = false
                self.step?(input)
            }
        }
    }

    /// Makes the timer fire at `deadline` unless it already fires sooner (the
    /// step then finds nothing due and asks again): a deadline that moves later
    /// on every key — a debounce — costs nothing per key. Nil: nothing is due.
    func arm(deadline: ContinuousClock.Instant?) {
        guard let deadline, let timer else { return }
        if let armed = timerDeadline, armed <= deadline { return }
        timerDeadline = deadline
        let delay = max(.zero, deadline - clock.now)
        let (seconds, attoseconds) = delay.components
        let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), leeway: .milliseconds(1))
    }

    func stop() {
        step = nil
        timer?.cancel()
        timer = nil
        for source in sources { source.cancel() }
        sources.removeAll()
    }
}
