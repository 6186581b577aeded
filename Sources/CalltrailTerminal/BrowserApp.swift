import CalltrailModel
import CalltrailProviders
import CalltrailViewModel

/// The main loop. It sleeps until something happens — keys on stdin, a resize,
/// a network result changing the state, or a timer that is due (only while
/// something loads) — then handles all input already there and draws at once:
/// it never waits for "maybe another key". One owner of the screen, on the main actor.
@MainActor
public final class BrowserApp {
    private let browser: Browser
    private let terminal: CursesTerminal
    private let renderer: FrameRenderer
    private let keyMap: KeyMap
    private var scroll = ScrollState()
    /// The last frame drawn: panes and rows that did not change are copied from it.
    private var lastFrame: FrameRenderer.Drawn?
    /// Rows the frame builder laid out for earlier frames.
    private let memo = FrameBuilderMemo()
    private var startupNotice: String?
    private var detailArea = (rows: 0, columns: 0)
    private var helpArea = (rows: 0, lines: 0)
    /// What the detail's and help's areas were last worked out for.
    private struct AreaInputs: Equatable {
        let width: Int
        let height: Int
        let focus: Pane
        let overlay: Overlay
    }
    private var areasWorkedOutFor: AreaInputs?
    private var size = (width: 0, height: 0)
    private var drawnChange = -1
    private let clock = ContinuousClock()
    private let wakeups = LoopWakeups()
    /// True while a step runs, so only changes it did not make schedule another.
    private var stepping = false
    private var finished: CheckedContinuation<Void, Never>?

    public init(browser: Browser, terminal: CursesTerminal, keyMap: KeyMap = .standard, startupNotice: String? = nil) {
        self.browser = browser
        self.terminal = terminal
        self.keyMap = keyMap
        self.renderer = FrameRenderer(keyMap: keyMap, keepsDrawnRows: true)
        self.startupNotice = startupNotice
    }

    /// Runs until the user quits.
    public func run() async {
        size = terminal.size
        browser.onChange = { [weak self] in
            guard let self, !self.stepping else { return }
            self.wakeups.scheduleStep()
        }
        defer {
            browser.onChange = nil
            wakeups.stop()
        }
        browser.send(.resize(rows: size.height, columns: size.width))
        browser.start()
        wakeups.start { [weak self] input in self?.step(input: input) }
        // The first frame, and whatever was typed before it.
        wakeups.scheduleStep(input: true)
        await withCheckedContinuation { finished = $0 }
    }

    /// One turn of the loop: every key already typed, a due tick, then one frame.
    private func step(input: Bool) {
        guard finished != nil else { return }
        stepping = true
        defer { stepping = false }
        if input {
            var keys = 0
            while let key = terminal.readKey() {
                keys += 1
                handle(key)
                if browser.state.quitRequested { return finish() }
            }
            if keys == 0, terminal.inputHungUp {
                browser.send(.quit)
                return finish()
            }
        }
        // The state is read through one copy, taken again only after something changed it
        // (each read of `browser.state` copies the whole state).
        var state = browser.state
        // The loading mark's next frame, a lead preview or a typed leads search falls due.
        if let due = state.nextTickDeadline, clock.now >= due {
            browser.send(.tick)
            state = browser.state
        }
        // The detail's and help's areas follow from the size, the focus and the overlay:
        // worked out again only when one of those changed, not on every key.
        let areasFor = AreaInputs(width: size.width, height: size.height, focus: state.focus, overlay: state.overlay)
        if areasFor != areasWorkedOutFor {
            areasWorkedOutFor = areasFor
            let area = BrowserFrameBuilder.detailArea(state, width: size.width, height: size.height)
            if area != detailArea {
                detailArea = area
                browser.send(.detailArea(rows: area.rows, columns: area.columns))
                state = browser.state
            }
            let help = renderer.helpArea(width: size.width, height: size.height)
            if help != helpArea {
                helpArea = help
                browser.send(.helpArea(rows: help.rows, lines: help.lines))
                state = browser.state
            }
        }
        if browser.changeCount != drawnChange {
            drawnChange = browser.changeCount
            draw(state)
        }
        if state.quitRequested { return finish() }
        wakeups.arm(deadline: state.nextTickDeadline)
    }

    private func finish() {
        finished?.resume()
        finished = nil
    }

    private func handle(_ key: Key) {
        if key == .resize {
            size = terminal.size
            terminal.invalidate()
            lastFrame = nil
            browser.send(.resize(rows: size.height, columns: size.width))
            return
        }
        // The too-small screen still quits.
        if key == .character("q"), Layout(width: size.width, height: size.height, focus: .calls).isTooSmall {
            browser.send(.quit)
            return
        }
        startupNotice = nil
        if case .mouse(let event) = key {
            for action in MouseRouting.actions(for: event, state: browser.state, width: size.width, height: size.height, scroll: scroll) { browser.send(action) }
            return
        }
        if let action = KeyTranslator.action(for: key, editingSearch: browser.state.search.isEditing, keyMap: keyMap) { browser.send(action) }
    }

    private func draw(_ state: BrowserState) {
        var model = BrowserFrameBuilder.frame(state, width: size.width, height: size.height, memo: memo)
        if let startupNotice, model.footerMessage == nil {
            model.footerMessage = startupNotice
            model.footerMessageIsError = true
        }
        terminal.draw(renderer.render(model, width: size.width, height: size.height, scroll: &scroll, reusing: &lastFrame))
    }
}
