import Foundation
import Testing

/// `R` at 80×24 against the Lofty stand-in over HTTP: the inbox lists calls
/// across leads with each lead's name, walks back window by window to the end
/// with `G`, Enter opens a call, `L` its lead; an agent's token asking for the
/// team is told which permission that needs.
@Suite(.serialized) struct BrowserInboxTests {
    static func start(token: String = StubAPIProcess.token, stubArguments: [String] = [], team: Bool = false)
        async throws -> (TmuxSession, StubAPIProcess, TemporaryDirectory)
    {
        let stub = try await StubAPIProcess(arguments: stubArguments)
        let home = try TemporaryDirectory()
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        let command = "exec \(binary) --provider lofty --base-url \(stub.baseURL) --page-size 200" + (team ? " --team" : "")
        do {
            let tmux = try TmuxSession(width: 80, height: 24, command: command, environment: [
                "CALLTRAIL_TOKEN": token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
            ])
            return (tmux, stub, home)
        } catch {
            stub.stop()
            home.remove()
            throw error
        }
    }

    /// Runs `body` on a fresh browser and stand-in, closing both afterwards.
    static func with(
        token: String = StubAPIProcess.token, stubArguments: [String] = [], team: Bool = false,
        _ body: (TmuxSession, StubAPIProcess) async throws -> Void
    ) async throws {
        let (tmux, stub, home) = try await start(token: token, stubArguments: stubArguments, team: team)
        defer {
            tmux.close()
            stub.stop()
            home.remove()
        }
        try await body(tmux, stub)
    }

    @Test func rListsCallsAcrossLeadsToTheEndAndLOpensTheLead() async throws {
        try await Self.with { tmux, stub in
            try await tmux.waitFor("the lead list") { $0.contains("Jane Cooper") && $0.contains("▌") }
            try tmux.send("R")
            var screen = try await tmux.waitFor("the inbox with lead names") { screen in
                screen.contains("Recent calls") && screen.contains("▌") && screen.contains(BrowserDemoTests.dayHeading)
            }
            // The lead's name on each row, from the lead list (the newest call is lead 100015's).
            #expect(screen.contains("Farah Ros"))
            let firstRequests = try await stub.requests().filter { $0.path == "/v2.0/communication/agent" }.count
            #expect(firstRequests >= 1)

            // G walks every page and window back to the end of the caller's history.
            try tmux.send("G")
            // At the end the position mark reads N/N (no "≥": the history is complete).
            screen = try await tmux.waitFor("the end of the history", timeout: .seconds(60)) { $0.contains(#/ ([\d,]+)/\1 ━/#) }
            #expect(screen.contains("Jane Coop"), "Jane Cooper's calls reach furthest back")
            let requests = try await stub.requests().filter { $0.path == "/v2.0/communication/agent" }
            let windows = Set(requests.compactMap { $0.query.split(separator: "&").first { $0.hasPrefix("startTime=") } })
            #expect(windows.count >= 5, "several 90-day windows, to four quiet ones")

            try tmux.send("Enter")
            try await tmux.waitFor("the call's full-screen detail") { $0.contains("Esc returns") }
            try tmux.send("Escape")
            try await tmux.waitFor("back in the inbox") { !$0.contains("Esc returns") && $0.contains("Recent calls") }
            try tmux.send("L")
            screen = try await tmux.waitFor("the lead's own calls") { screen in
                !screen.contains("Recent calls") && screen.contains("Calls · ") && screen.contains("▌")
            }
            #expect(try await stub.requests().contains { $0.path == "/v1.0/communication/call" })
        }
    }

    @Test func anAgentsTokenAskingForTheTeamIsToldWhatItNeeds() async throws {
        let agent = "tmux-agent-token-9d2e"
        try await Self.with(token: agent, stubArguments: ["--lofty-agent-token", agent], team: true) { tmux, _ in
            try await tmux.waitFor("the lead list") { $0.contains("Jane Cooper") && $0.contains("▌") }
            try tmux.send("R")
            let screen = try await tmux.waitFor("the refusal") { $0.contains("the team view needs") }
            #expect(screen.contains("Recent calls · team"))
        }
    }
}

/// The inbox on the demo at 120×40: its leads' calls merged, each row naming its
/// lead, and `L` opening the lead the selected row names.
@Suite struct BrowserInboxDemoTests {
    @Test func rOnTheDemoNamesEachRowsLeadAndLOpensIt() async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let tmux = try TmuxSession(width: 120, height: 40, command: "exec \(BrowserDemoTests.binary)", environment: [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        defer { tmux.close() }
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("Leads") && $0.contains("▌") }
        try tmux.send("R")
        let screen = try await tmux.waitFor("the inbox") { screen in
            screen.contains("Calls · Recent calls") && BrowserDemoTests.callsPane(screen).contains { $0.contains("▌") }
        }
        let selected = try #require(BrowserDemoTests.callsPane(screen).first { $0.contains("▌") })
        try tmux.send("L")
        let lead = try await tmux.waitFor("the selected call's lead") { screen in
            !screen.contains("Recent calls") && BrowserDemoTests.callsPane(screen).contains { $0.contains("▌") }
        }
        let title = try #require(lead.split(separator: "\n").first { $0.contains("Calls · ") })
        let name = String(title.components(separatedBy: "Calls · ").last?.prefix { $0 != "━" && $0 != "·" } ?? "")
            .trimmingCharacters(in: .whitespaces)
        #expect(name.count >= 3)
        #expect(selected.contains(String(name.prefix(8))), "the row named \(name): \(selected)")
    }
}
