import CTerminalRestore
import Foundation

/// Everything that can wake the browser: keys on stdin, a window-size change, a
/// change of the browser's state from a network result, and a timer only while
/// one is due. Each calls the loop's step directly from the main thread's own
/// loop (`MainRunLoop`), so a key costs one wake-up of one thread: no stream, no
/// task to resume, no source to re-arm. With none of these the process sleeps.
@MainActor
final class LoopWakeups {
    /// The loop's step; `input` says stdin or the resize pipe may have something to read.
    private var step: ((_ input: Bool) -> Void)?
    private var descriptors: [Int32] = []
    /// When the timer fires next; nil when it is not set.
    private var timerDeadline: ContinuousClock.Instant?
    private var stepScheduled = false
    /// A scheduled step is to read input too.
    private var scheduledInput = false

    /// Starts watching stdin and the SIGWINCH pipe. The step reads everything
    /// there is, so a readable descriptor does not wake the loop again.
    func start(_ step: @escaping (_ input: Bool) -> Void) {
        // Nothing here would ever run otherwise: the program must hand its main thread to the loop.
        precondition(MainRunLoop.isRunning, "the browser needs MainRunLoop.run() on the main thread")
        self.step = step
        descriptors = [STDIN_FILENO]
        let winch = ct_wake_install_sigwinch()
        if winch >= 0 { descriptors.append(winch) }
        for descriptor in descriptors {
            MainRunLoop.watch(descriptor) { [weak self] in
                // Only the resize pipe needs emptying (a key would otherwise cost a read that finds nothing).
                if descriptor == winch { ct_wake_drain() }
                self?.step?(true)
            }
        }
    }

    /// Runs the step soon (once for any number of calls before it runs): for a
    /// state change the loop did not make itself, and for the first frame.
    func scheduleStep(input: Bool = false) {
        scheduledInput = scheduledInput || input
        guard !stepScheduled else { return }
        stepScheduled = true
        MainRunLoop.runSoon { [weak self] in
            guard let self else { return }
            let input = self.scheduledInput
            self.stepScheduled = false
            self.scheduledInput = false
            self.step?(input)
        }
    }

    /// Makes the timer fire at `deadline` unless it already fires sooner (the
    /// step then finds nothing due and asks again): a deadline that moves later
    /// on every key — a debounce — costs nothing per key. Nil: nothing is due.
    func arm(deadline: ContinuousClock.Instant?) {
        guard let deadline, step != nil else { return }
        if let armed = timerDeadline, armed <= deadline { return }
        timerDeadline = deadline
        MainRunLoop.setDeadline(deadline) { [weak self] in
            self?.timerDeadline = nil
            self?.step?(false)
        }
    }

    func stop() {
        step = nil
        for descriptor in descriptors { MainRunLoop.unwatch(descriptor) }
        descriptors.removeAll()
        if timerDeadline != nil { MainRunLoop.setDeadline(nil) }
        timerDeadline = nil
    }
}
