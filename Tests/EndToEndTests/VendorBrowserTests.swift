import CalltrailModel
import Foundation
import Testing

/// The full-screen browser on Skipcall and NectarDesk (tmux, 120×40, TZ=UTC)
/// against a `calltrail-stub-api` process: contacts listed, a contact's calls
/// with the right direction glyph and outcome word, the vendor's own fields in
/// the detail pane, and filter keys labelled with the vendor's outcomes.
@Suite(.serialized) struct VendorBrowserTests {
    struct Vendor: Sendable, CustomTestStringConvertible {
        var name: String
        var title: String
        var prefix: String
        var firstContact: String
        var contacts: [String]
        var outcomes: Set<String>
        var detailLabels: [String]
        var testDescription: String { name }
    }

    static let vendors = [
        Vendor(name: "skipcall", title: "Skipcall", prefix: "/skipcall/v1", firstContact: "c0a70000-0000-4000-8000-000000000001",
               contacts: ["Jane Cooper", "Zoë Park", "Contact No. 4"],
               outcomes: ["completed", "no-answer", "voicemail", "busy", "failed", "canceled", "in-progress"],
               detailLabels: ["Call type", "Caller", "Organisation"]),
        Vendor(name: "nectardesk", title: "NectarDesk", prefix: "/nectardesk/v1", firstContact: "5501",
               contacts: ["Jane Cooper", "高橋 美咲", "Zoë Park"],
               outcomes: ["Interested", "Callback", "Voicemail", "Not interested", "Wrong number", "Sale", "Do not call"],
               detailLabels: ["Agents", "All agents", "Recordings"]),
    ]

    /// Panes at 120 columns: leads 26, calls 56, detail 38; rows 1…38; footer on row 39.
    static func leadsPane(_ screen: String) -> [String] { ScreenText.region(screen, from: 0, width: 26, rows: 1..<39) }
    static func callsPane(_ screen: String) -> [String] { ScreenText.region(screen, from: 26, width: 56, rows: 1..<39) }
    static func detailPane(_ screen: String) -> [String] { ScreenText.region(screen, from: 82, width: 38, rows: 1..<39) }
    static func footer(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(39).first.map(String.init) ?? ""
    }

    /// The outcome words on the call rows of the calls pane.
    static func rowOutcomes(_ screen: String, _ vendor: Vendor) -> [String] {
        callsPane(screen).compactMap { line in
            vendor.outcomes.sorted { $0.count > $1.count }.first { line.contains(" \($0)") }
        }
    }

    @Test(arguments: vendors)
    func contactsCallsDetailAndFilterKeys(_ vendor: Vendor) async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let base = stub.baseURL + vendor.prefix
        // The newest call as the command line reads it: the first row must say the same.
        let newest = try await Calltrail.run([
            "calls", "--provider", vendor.name, "--base-url", base, "--lead", vendor.firstContact, "--limit", "1", "--format", "json",
        ])
        #expect(newest.status == 0, "\(newest.stderr)")
        let first = try JSONValue.parse(Array(newest.stdout.utf8).filter { $0 != 10 })
        let glyph = ["Outbound": "↗", "Inbound": "↙"][first["direction"]?.stringValue ?? ""] ?? "·"
        let outcome = try #require(first["outcome"]?.stringValue)

        let home = try TemporaryDirectory()
        defer { home.remove() }
        let command = "exec \(TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))) --provider \(vendor.name) --base-url \(TmuxSession.shellQuote(base))"
        let tmux = try TmuxSession(width: 120, height: 40, command: command, environment: [
            "CALLTRAIL_TOKEN": StubAPIProcess.token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        defer { tmux.close() }

        try await tmux.waitFor("the contacts") { screen in
            screen.contains(vendor.title) && vendor.contacts.allSatisfy { name in Self.leadsPane(screen).contains { $0.contains(name) } }
        }
        try tmux.send("Enter")
        let timeline = try await tmux.waitFor("the first contact's calls") { screen in
            Self.callsPane(screen).contains { $0.contains("▌") } && Self.rowOutcomes(screen, vendor).count >= 10
        }
        let selected = try #require(Self.callsPane(timeline).first { $0.contains("▌") })
        #expect(selected.contains(glyph) && selected.contains(outcome), "\(selected)")
        let detail = Self.detailPane(timeline).joined(separator: "\n")
        #expect(vendor.detailLabels.contains { detail.contains($0) }, "vendor fields in\n\(detail)")
        // Every vendor field in the full-screen detail (the pane wraps long values and scrolls).
        try tmux.send("Enter")
        try await tmux.waitFor("every vendor field in the full-screen detail") { screen in
            screen.contains("Call · Esc returns") && vendor.detailLabels.allSatisfy { screen.contains($0) }
        }
        try tmux.send("Escape")
        try await tmux.waitFor("the timeline again") { screen in
            !screen.contains("Esc returns") && Self.callsPane(screen).contains { $0.contains("▌") }
        }

        // Keys 1…6 carry this vendor's outcomes, the most frequent first.
        let footer = Self.footer(timeline)
        let labelled = (1...6).compactMap { key in vendor.outcomes.first { footer.contains("[\(key)]\($0) ") } }
        #expect(labelled.count == 6, "footer: \(footer)")
        #expect(!footer.contains("Voice msg") && !footer.contains("DNC"))
        let keyOne = try #require(vendor.outcomes.sorted { $0.count > $1.count }.first { footer.contains("[1]\($0) ") })
        try tmux.send("1")
        try await tmux.waitFor("only \(keyOne) calls") { screen in
            let words = Self.rowOutcomes(screen, vendor)
            return !words.isEmpty && words.allSatisfy { $0 == keyOne }
        }
        try tmux.send("0")
        try await tmux.waitFor("every outcome again") { Set(Self.rowOutcomes($0, vendor)).count > 1 }
        try tmux.send("q")
        try await tmux.waitFor("the program to exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
    }
}
