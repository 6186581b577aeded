import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Testing

@testable import CalltrailTerminal

/// The real view-model on the demo provider, drawn into the in-memory screen.
@MainActor
@Suite struct BrowserScreenTests {
    static func screen(_ browser: Browser, width: Int = 120, height: Int = 40) -> ScreenBuffer {
        var scroll = ScrollState()
        return FrameRenderer().render(
            BrowserFrameBuilder.frame(browser.state, width: width, height: height), width: width, height: height, scroll: &scroll)
    }

    static func restrictedLead(_ provider: DemoProvider) async throws -> LeadID {
        let leads = try await provider.leads(matching: nil, after: nil, limit: 100).leads
        for lead in leads {
            do { _ = try await provider.calls(forLead: lead.id, after: nil, limit: 1) } catch ProviderError.noAccess { return lead.id }
        }
        throw ProviderError.notFound("a restricted demo lead")
    }

    @Test func demoOpensWithLeadsCallsUnderDayHeadingsAndDetail() async {
        let browser = Browser(provider: DemoProvider(latency: .zero))
        browser.send(.resize(rows: 40, columns: 120))
        browser.start()
        #expect(await browser.wait { !($0.timeline?.lines.isEmpty ?? true) })
        let lines = Self.screen(browser).lines
        #expect(lines[0].contains("calltrail · Demo · demo data"))
        #expect(lines[1].contains("Leads"))
        #expect(lines.contains { $0.contains("▌") })
        #expect(lines.contains { $0.contains(#/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/#) })
        #expect(lines.contains { $0.contains("Call id") })
        #expect(lines[39].contains("[1]Talked"))
    }

    @Test func leadWithoutAccessSaysSoInItsPane() async throws {
        let provider = DemoProvider(latency: .zero)
        let restricted = try await Self.restrictedLead(provider)
        let browser = Browser(provider: provider, settings: BrowserSettings(initialLead: restricted))
        browser.send(.resize(rows: 40, columns: 120))
        browser.start()
        #expect(await browser.wait {
            if case .noAccess = $0.timelineStatus { return true } else { return false }
        })
        let screen = Self.screen(browser)
        let calls = (0..<screen.height).map { y in screen.text(y: y, from: 26, width: 56) }
        #expect(calls.contains { $0.contains("no access to lead \(restricted.rawValue)") })
    }

    @Test func loadingMarkWaitsForASlowLoad() async throws {
        let browser = Browser(provider: DemoProvider(latency: .seconds(30)))
        browser.send(.resize(rows: 40, columns: 120))
        browser.start()
        #expect(BrowserFrameBuilder.frame(browser.state, width: 120, height: 40).spinner == "")
        #expect(Self.screen(browser).lines.contains { $0.contains("Loading leads…") })
        // Time passes as ticks; the mark appears once the load has run ~300 ms.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        var spinner = ""
        while spinner.isEmpty, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            browser.send(.tick)
            spinner = BrowserFrameBuilder.frame(browser.state, width: 120, height: 40).spinner
        }
        #expect(!spinner.isEmpty)
        #expect(Self.screen(browser).lines[0].hasSuffix(spinner))
        browser.stop()
    }

    @Test func narrowAndTinyTerminalsStillDraw() async {
        let browser = Browser(provider: DemoProvider(latency: .zero))
        browser.send(.resize(rows: 24, columns: 70))
        browser.start()
        #expect(await browser.wait { !($0.timeline?.lines.isEmpty ?? true) })
        let narrow = Self.screen(browser, width: 70, height: 24).lines
        #expect(narrow[1].contains("Leads") && narrow[1].contains("Calls") && !narrow[1].contains("Call "))
        let tiny = Self.screen(browser, width: 20, height: 6).lines
        #expect(tiny.contains { $0.contains("terminal too small") })
    }
}

extension ScreenBuffer {
    /// The text of cells [from, from + width) on row y.
    func text(y: Int, from start: Int, width: Int) -> String {
        String((start..<min(self.width, start + width)).filter { !self[$0, y].isContinuation }.map { self[$0, y].character })
    }
}
