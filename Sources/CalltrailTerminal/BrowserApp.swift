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
    /// The last frame drawn: panes that did not change are copied from it.
    private var lastFrame: FrameRenderer.Drawn?
    private var startupNotice: String?
    private var detailArea = (rows: 0, columns: 0)
    private var helpArea = (rows: 0, lines: 0)
    private let clock = ContinuousClock()
    private let wakeups = LoopWakeups()
    /// True while the loop itself sends actions, so only other changes wake it.
    private var handlingInput = false

    public init(browser: Browser, terminal: CursesTerminal, keyMap: KeyMap = .standard, startupNotice: String? = nil) {
        self.browser = browser
        self.terminal = terminal
        self.keyMap = keyMap
        self.renderer = FrameRenderer(keyMap: keyMap)
        self.startupNotice = startupNotice
    }

    /// Runs until the user quits.
    public func run() async {
        var size = terminal.size
        handlingInput = true
        browser.onChange = { [weak self, wakeups] in
            if self?.handlingInput != true { wakeups.wake() }
        }
        defer {
            browser.onChange = nil
            wakeups.stop()
        }
        browser.send(.resize(rows: size.height, columns: size.width))
        browser.start()
        wakeups.watchInput()
        var events = wakeups.events.makeAsyncIterator()
        var drawnChange = -1
        while !browser.state.quitRequested {
            handlingInput = true
            if wakeups.takeInputReady {
                var keys = 0
                while let key = terminal.readKey() {
                    keys += 1
                    handle(key, size: &size)
                    if browser.state.quitRequested { return }
                }
                if keys == 0, terminal.inputHungUp {
                    browser.send(.quit)
                    return
                }
                wakeups.inputHandled()
            }
            // The loading mark's next frame, a lead preview or a typed leads search falls due.
            if let due = browser.state.nextTickDeadline, clock.now >= due { browser.send(.tick) }
            let area = BrowserFrameBuilder.detailArea(browser.state, width: size.width, height: size.height)
            if area != detailArea {
                detailArea = area
                browser.send(.detailArea(rows: area.rows, columns: area.columns))
            }
            let help = renderer.helpArea(width: size.width, height: size.height)
            if help != helpArea { helpArea = help; browser.send(.helpArea(rows: help.rows, lines: help.lines)) }
            if browser.changeCount != drawnChange {
                drawnChange = browser.changeCount
                draw(size: size)
            }
            handlingInput = false
            wakeups.arm(deadline: browser.state.nextTickDeadline)
            _ = await events.next()
        }
    }

    private func handle(_ key: Key, size: inout (width: Int, height: Int)) {
        if key == .resize {
            size = terminal.size
            terminal.invalidate()
            lastFrame = nil
            browser.send(.resize(rows: size.height, columns: size.width))
            return
        }
        // The too-small screen still quits.
        if Layout(width: size.width, height: size.height, focus: .calls).isTooSmall, key == .character("q") {
            browser.send(.quit)
            return
        }
        startupNotice = nil
        if case .mouse(let event) = key {
            for action in MouseRouting.actions(for: event, state: browser.state, width: size.width, height: size.height, scroll: scroll) { browser.send(action) }
            return
        }
        if let action = KeyTranslator.action(for: key, state: browser.state, keyMap: keyMap) { browser.send(action) }
    }

    private func draw(size: (width: Int, height: Int)) {
        var model = BrowserFrameBuilder.frame(browser.state, width: size.width, height: size.height)
        if let startupNotice, model.footerMessage == nil {
            model.footerMessage = startupNotice
            model.footerMessageIsError = true
        }
        terminal.draw(renderer.render(model, width: size.width, height: size.height, scroll: &scroll, reusing: &lastFrame))
    }
}
