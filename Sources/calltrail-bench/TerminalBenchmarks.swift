import CalltrailModel
import CalltrailProviders
import CalltrailTerminal
import CalltrailViewModel
import Foundation

/// The front end's budgets (product.md): first frame within 100 ms on demo data,
/// and under 1 ms of CPU to handle a key and draw the frame on a 10,000-call
/// timeline. Frames are drawn into the in-memory screen the curses backend blits.
enum TerminalBenchmarks {
    static let width = 120
    static let height = 40

    @MainActor
    static func run() async {
        print("terminal front end, \(width)×\(height) in-memory screen:")
        let (provider, lead) = DemoProvider(latency: .zero).addingLead(callCount: 10_000)
        let renderer = FrameRenderer()
        var scroll = ScrollState()

        // Time to first frame: from creating the browser to a drawn screen, and to
        // the first screen that shows calls.
        let started = ContinuousClock.now
        let browser = Browser(provider: provider, settings: BrowserSettings(initialLead: lead))
        browser.send(.resize(rows: height, columns: width))
        browser.start()
        var screen = renderer.render(BrowserFrameBuilder.frame(browser.state, width: width, height: height), width: width, height: height, scroll: &scroll)
        let firstFrame = ContinuousClock.now - started
        _ = await browser.wait(timeout: .seconds(10)) { !($0.timeline?.lines.isEmpty ?? true) }
        screen = renderer.render(BrowserFrameBuilder.frame(browser.state, width: width, height: height), width: width, height: height, scroll: &scroll)
        let firstCalls = ContinuousClock.now - started
        print("first frame: \(milliseconds(firstFrame)) ms; first frame with calls: \(milliseconds(firstCalls)) ms (demo provider, no latency)")

        // 1,000 scripted keys: scrolling, paging, filters, focus, full-screen detail.
        let script: [Key] = (0..<1_000).map { i in
            switch i % 50 {
            case 10: return .pageDown
            case 20: return .character("1")
            case 21: return .character("0")
            case 30: return .enter
            case 31: return .escape
            case 40: return .pageUp
            case 45: return .character("k")
            default: return .character("j")
            }
        }
        var handling: Duration = .zero
        var slowest: Duration = .zero
        let cpuBefore = cpuSeconds()
        let wallBefore = ContinuousClock.now
        for key in script {
            let t0 = ContinuousClock.now
            if let action = KeyTranslator.action(for: key, editingSearch: browser.state.search.isEditing, keyMap: .standard) { browser.send(action) }
            screen = renderer.render(BrowserFrameBuilder.frame(browser.state, width: width, height: height), width: width, height: height, scroll: &scroll)
            let spent = ContinuousClock.now - t0
            handling += spent
            slowest = max(slowest, spent)
            // Let prefetched pages arrive, as the real loop does between keys.
            await Task.yield()
        }
        _ = await browser.wait(timeout: .seconds(10)) { _ in browser.requestsInFlight == 0 }
        let cpu = cpuSeconds() - cpuBefore
        let wall = ContinuousClock.now - wallBefore
        let selected = screen.lines.first { $0.contains("▌") } ?? ""
        print("1,000 key presses on a 10,000-call timeline:")
        print("  handle + build frame + render, per key: mean \(microseconds(handling / 1_000)) µs, slowest \(microseconds(slowest)) µs")
        print("  process CPU per key (incl. page generation): \(String(format: "%.1f", cpu * 1_000_000 / 1_000)) µs; wall \(milliseconds(wall)) ms in all")
        print("  calls loaded: \(browser.state.timeline?.callsLoaded ?? 0); selected row: \(selected.trimmingCharacters(in: .whitespaces).prefix(60))")
        browser.stop()
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    static func milliseconds(_ d: Duration) -> String {
        String(format: "%.2f", Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15)
    }

    static func microseconds(_ d: Duration) -> String {
        String(format: "%.1f", Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12)
    }
}
