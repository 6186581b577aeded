import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Foundation
import Testing

@testable import CalltrailTerminal

/// The footer at 80 columns, help's and the detail's scroll marks, the
/// full-pane failure, each message once, and the mouse: the real view-model on
/// the demo provider, drawn into the in-memory screen.
@MainActor
@Suite struct ScreenChromeTests {
    static func opened(width: Int = 80, height: Int = 24, lead: LeadID? = nil) async -> Browser {
        let browser = Browser(provider: DemoProvider(latency: .zero), settings: BrowserSettings(initialLead: lead))
        browser.send(.resize(rows: height, columns: width))
        browser.start()
        _ = await browser.wait(timeout: .seconds(60)) { !($0.timeline?.lines.isEmpty ?? true) }
        return browser
    }

    static func footer(_ browser: Browser, width: Int = 80, height: Int = 24) -> String {
        BrowserScreenTests.screen(browser, width: width, height: height).lines[height - 1]
    }

    @Test func footerShowsTheActiveFiltersFirstAndAlwaysHelp() async {
        let browser = await Self.opened()
        let plain = Self.footer(browser)
        #expect(plain.hasPrefix(" [1]Talked"))
        #expect(plain.contains("[0]All") && plain.contains("[d]direction"))
        #expect(plain.hasSuffix("?help  q quit"))
        browser.send(.toggleOutcomeFilter(slot: 1))
        browser.send(.toggleDirectionFilter)
        let filtered = Self.footer(browser)
        #expect(filtered.hasPrefix(" filter: Talked, outbound · 0 clears"))
        #expect(filtered.hasSuffix("?help  q quit"))
        // Narrower: the outcome keys go before the filter summary, `?` never goes.
        let narrow = Self.footer(browser, width: 50, height: 12)
        #expect(narrow.hasPrefix(" filter: Talked, outbound · 0 clears"))
        #expect(narrow.contains("?help"))
        #expect(!narrow.contains("[2]"))
        let tiny = Self.footer(browser, width: 40, height: 10)
        #expect(tiny.contains("?help") && tiny.contains("filter: Talked"))
    }

    @Test func footerFittingDropsLeastImportantFirst() {
        typealias Item = FrameRenderer.FooterItem
        let items = [
            Item(text: "filter: Talked · 0 clears", style: .plain, priority: 1),
            Item(text: "[1]Talked", style: .plain, priority: 5), Item(text: "[2]Voice msg", style: .plain, priority: 6),
            Item(text: "[d]direction", style: .plain, priority: 3),
            Item(text: "?help", style: .plain, priority: 0, onRight: true), Item(text: "q quit", style: .plain, priority: 2, onRight: true),
        ]
        #expect(FrameRenderer.fitting(items, width: 200).count == 6)
        #expect(FrameRenderer.fitting(items, width: 66).map(\.text) == ["filter: Talked · 0 clears", "[1]Talked", "[d]direction", "?help", "q quit"])
        let tight = FrameRenderer.fitting(items, width: 20).map(\.text)
        #expect(tight.last == "?help" && tight.count == 2 && tight[0].hasSuffix("…"))
    }

    @Test func helpScrollsWithAPositionMarkAt80x24() async {
        let browser = await Self.opened()
        let renderer = FrameRenderer()
        let area = renderer.helpArea(width: 80, height: 24)
        #expect(area.lines == KeyMap.standard.bindings.count && area.rows < area.lines, "at 80×24 help does not fit: it scrolls")
        browser.send(.helpArea(rows: area.rows, lines: area.lines))
        browser.send(.toggleHelp)
        let top = BrowserScreenTests.screen(browser, width: 80, height: 24).lines
        #expect(top.contains { $0.contains("1–\(area.rows)/\(area.lines)") })
        #expect(top.contains { $0.contains("move down") })
        #expect(Self.footer(browser).contains("q/Esc/? close"))
        browser.send(.last)
        let bottom = BrowserScreenTests.screen(browser, width: 80, height: 24).lines
        #expect(bottom.contains { $0.contains("\(area.lines - area.rows + 1)–\(area.lines)/\(area.lines)") })
        #expect(bottom.contains { $0.contains("quit from anywhere") })
        #expect(!bottom.contains { $0.contains("move down") })
    }

    @Test func detailShowsWhereItIsScrolledTo() async {
        let browser = await Self.opened()
        browser.send(.focus(.calls))
        browser.send(.open)
        _ = await browser.wait { $0.detail.fetched != nil }
        let screen = BrowserScreenTests.screen(browser, width: 80, height: 24).lines
        let total = browser.state.detailRows(width: 76).count
        if total > 20 {
            #expect(screen[22].contains("1–20/\(total)"))
        } else {
            #expect(!screen[22].contains("/\(total)"))
        }
    }

    @Test func noAccessSaysItOnce() async throws {
        let provider = DemoProvider(latency: .zero)
        let restricted = try await BrowserScreenTests.restrictedLead(provider)
        let browser = Browser(provider: provider, settings: BrowserSettings(initialLead: restricted))
        browser.send(.resize(rows: 24, columns: 80))
        browser.start()
        #expect(await browser.wait { if case .noAccess = $0.timelineStatus { true } else { false } })
        let text = BrowserScreenTests.screen(browser, width: 80, height: 24).lines.dropLast().joined(separator: "\n")
        #expect(text.components(separatedBy: "no access to lead").count == 2, "once in the body:\n\(text)")
    }

    @Test func loadingSaysItOnce() async {
        let browser = Browser(provider: DemoProvider(latency: .seconds(30)), settings: BrowserSettings(initialLead: "L1"))
        browser.send(.resize(rows: 24, columns: 80))
        browser.start()
        let text = BrowserScreenTests.screen(browser, width: 80, height: 24).lines.joined(separator: "\n")
        #expect(text.contains("Loading calls…"))
        #expect(!text.contains("Loading more…"))
        browser.stop()
    }

    @Test func aRefusedTokenFillsTheBodyWithTheFix() async {
        let settings = BrowserSettings(advice: ConnectionAdvice(whenRefused: ["Check the token: CALLTRAIL_TOKEN."]))
        let browser = Browser(provider: RefusingProvider(), settings: settings)
        browser.send(.resize(rows: 24, columns: 80))
        browser.start()
        _ = await browser.wait { $0.leads.failure != nil }
        let lines = BrowserScreenTests.screen(browser, width: 80, height: 24).lines
        #expect(lines[1].contains("Refusing refused the access token"))
        #expect(lines.contains { $0.contains("⚠ not authorised") })
        #expect(lines.contains { $0.contains("• Check the token: CALLTRAIL_TOKEN.") })
        #expect(lines.contains { $0.contains("r retries · q quits") })
        #expect(!lines.contains { $0.contains("Leads 0") })
    }

    @Test func sgrMouseReportsDecodeAnyColumn() {
        func parse(_ text: String) -> SGRMouseReport.Progress { SGRMouseReport.progress(Array(text)) }
        #expect(parse("[<0;300;5M") == .report(MouseEvent(.click, x: 299, y: 4)))
        #expect(parse("[<64;10;2M") == .report(MouseEvent(.wheelUp, x: 9, y: 1)))
        #expect(parse("[<65;10;2M") == .report(MouseEvent(.wheelDown, x: 9, y: 1)))
        #expect(parse("[<16;3;3M") == .report(MouseEvent(.click, x: 2, y: 2)), "ctrl-click is a click")
        #expect(parse("[<0;3;3m") == .report(nil), "release")
        #expect(parse("[<2;3;3M") == .report(nil), "right button")
        #expect(parse("[<32;3;3M") == .report(nil), "motion")
        #expect(parse("[<0;3") == .more)
        #expect(parse("[") == .more)
        #expect(parse("j") == .notAReport)
        #expect(parse("[A") == .notAReport)
        #expect(parse("[<0;3;x") == .notAReport)
        #expect(parse("[<" + String(repeating: "1", count: 40)) == .notAReport)
    }

    @Test func aClickSelectsTheRowItLandsOn() async throws {
        let browser = await Self.opened(width: 120, height: 40)
        var scroll = ScrollState()
        _ = FrameRenderer().render(BrowserFrameBuilder.frame(browser.state, width: 120, height: 40), width: 120, height: 40, scroll: &scroll)
        let frame = BrowserFrameBuilder.frame(browser.state, width: 120, height: 40)
        let calls = try #require(Layout(width: 120, height: 40, focus: browser.state.focus).rect(of: .calls))
        // The fourth call row below the selection, counted on screen.
        let selectable = frame.calls.rows.indices.filter { frame.calls.rows[$0].isSelectable }
        let target = try #require(selectable.dropFirst(4).first)
        let y = calls.y + 1 + target - (scroll.top[.calls] ?? 0)
        for action in MouseRouting.actions(for: MouseEvent(.click, x: calls.x + 10, y: y), state: browser.state, width: 120, height: 40, scroll: scroll) {
            browser.send(action)
        }
        #expect(browser.state.focus == .calls)
        let after = BrowserFrameBuilder.frame(browser.state, width: 120, height: 40)
        #expect(after.calls.selectedRow == target)
        // The wheel over the leads pane scrolls the leads.
        let leads = try #require(Layout(width: 120, height: 40, focus: browser.state.focus).rect(of: .leads))
        let before = browser.state.leads.selected
        for action in MouseRouting.actions(for: MouseEvent(.wheelDown, x: leads.x + 2, y: leads.y + 3), state: browser.state, width: 120, height: 40, scroll: scroll) {
            browser.send(action)
        }
        #expect(browser.state.focus == .leads)
        #expect(browser.state.leads.selected == (before ?? 0) + 3)
    }
}

/// A provider that refuses the token on every request.
struct RefusingProvider: CallProvider {
    var descriptor: ProviderDescriptor {
        ProviderDescriptor(name: "Refusing", outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 100)
    }
    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        throw ProviderError.unauthorized("the token was refused (HTTP 401)")
    }
    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        throw ProviderError.unauthorized("the token was refused (HTTP 401)")
    }
    func call(id: CallID) async throws -> Call { throw ProviderError.unauthorized("the token was refused (HTTP 401)") }
}
