import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// `i`: every field of the lead, full screen, sanitised, scrolled within its rows, closed by q/Esc/i.
@MainActor @Suite struct LeadInfoTests {
    static func state(rows: Int = 24, columns: Int = 80) -> BrowserState {
        let (demo, _) = DemoProvider(seed: 1, latency: .zero).addingLead(callCount: 10)
        let settings = BrowserSettings(timeZone: TimeZone(identifier: "UTC") ?? .current)
        var state = BrowserState(descriptor: demo.descriptor, settings: settings, now: ContinuousClock().now, wallClock: Date())
        send(&state, .resize(rows: rows, columns: columns))
        return state
    }

    static func send(_ state: inout BrowserState, _ action: BrowserAction) {
        _ = BrowserReducer.reduce(&state, action, now: state.now, wallClock: state.wallClock)
    }

    static let hostile = Lead(
        id: "100001", firstName: "Jane\u{1B}]0;owned\u{07}", phones: ["+15550100"], emails: ["jane@example.com"],
        createTime: Date(timeIntervalSince1970: 1_700_000_000), cannotCall: false,
        stage: "Nurture\u{1B}[2J", source: "Zillow", assignedTo: "Maya Patel", score: "87", tags: ["buyer", "hot"],
        segments: ["Spring"], address: "1 Main St",
        otherFields: (1...30).map { JSONField("custom\($0)\u{1B}[31m", .string("value \($0)\u{9B}2J")) })

    @Test func opensOnTheOpenLeadWithEveryFieldSanitisedScrollsAndCloses() throws {
        var state = Self.state()
        _ = BrowserReducer.open(lead: Self.hostile, in: &state)
        Self.send(&state, .focus(.calls))
        Self.send(&state, .openLeadInfo)
        let info = try #require(state.leadInfo)
        #expect(info.leadID == "100001")
        for row in info.rows + [info.name] {
            #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "sanitised: \(row)")
        }
        let labels = ["Lead", "Name", "Stage", "Source", "Assigned to", "Score", "Tags", "Segments", "Phones", "Emails",
                      "Address", "Created", "Cannot call", "Other fields"]
        for label in labels { #expect(info.rows.contains { $0.hasPrefix(label + " ") || $0 == label }, "\(label) shown") }
        #expect(info.rows.contains { $0.hasPrefix("Source ") && $0.hasSuffix("  Zillow") })
        #expect(info.rows.filter { $0.hasPrefix("custom") }.count == 30, "every other field")
        // Values start in one column.
        let source = try #require(info.rows.first { $0.hasPrefix("Source ") })
        let assigned = try #require(info.rows.first { $0.hasPrefix("Assigned to ") })
        #expect(source.firstIndex(of: "Z").map { source.distance(from: source.startIndex, to: $0) }
            == assigned.firstIndex(of: "M").map { assigned.distance(from: assigned.startIndex, to: $0) })
        // Scrolling stays within the rows; the calls underneath do not move.
        let selected = state.timeline?.selectedCall?.id
        Self.send(&state, .moveUp)
        #expect(state.leadInfo?.scroll == 0)
        Self.send(&state, .moveDown)
        #expect(state.leadInfo?.scroll == 1)
        Self.send(&state, .last)
        let maximum = info.rows.count - info.height
        #expect(maximum > 0 && state.leadInfo?.scroll == maximum)
        Self.send(&state, .pageDown)
        #expect(state.leadInfo?.scroll == maximum)
        #expect(state.leadInfo?.position == "\(maximum + 1)–\(info.rows.count)/\(info.rows.count)")
        Self.send(&state, .first)
        #expect(state.leadInfo?.scroll == 0)
        #expect(state.timeline?.selectedCall?.id == selected)
        Self.send(&state, .close)
        #expect(state.leadInfo == nil && !state.quitRequested, "q closes the lead view, not the browser")
        Self.send(&state, .openLeadInfo)
        Self.send(&state, .back)
        #expect(state.leadInfo == nil)
        Self.send(&state, .openLeadInfo)
        Self.send(&state, .openLeadInfo)
        #expect(state.leadInfo == nil, "i again closes it")
    }

    @Test func followsTheTerminalsSize() throws {
        var state = Self.state()
        _ = BrowserReducer.open(lead: Self.hostile, in: &state)
        Self.send(&state, .openLeadInfo)
        Self.send(&state, .last)
        Self.send(&state, .resize(rows: 60, columns: 120))
        let info = try #require(state.leadInfo)
        #expect(info.width == 116 && info.height == 56)
        #expect(info.scroll == max(0, info.rows.count - 56))
    }

    @Test func opensOnTheHighlightedLeadFromTheLeadsPane() async throws {
        let browser = Browser.opened(on: ScriptedProvider(leads: [("A", 3), ("B", 3)]), lead: "A")
        await browser.settle()
        browser.send(.focus(.leads))
        let loaded = await browser.wait(timeout: .seconds(30)) { $0.leads.selectedLead != nil }
        #expect(loaded)
        let highlighted = try #require(browser.state.leads.selectedLead)
        browser.send(.openLeadInfo)
        #expect(browser.state.leadInfo?.leadID == highlighted.id)
        #expect(browser.state.leadInfo?.rows.contains { $0.hasPrefix("Phones") } == true)
    }
}
