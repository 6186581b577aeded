import Foundation
import Testing

/// Issue 10's navigation items at 80×24 (the most common terminal size) on the
/// demo data, driven in tmux as a user would. At 80 columns two panes show: leads
/// (32 wide) and calls while the leads have the focus, else calls (44) and detail.
@Suite(.serialized) struct NavigationEndToEndTests {
    static let binary = TmuxSession.shellQuote((try? BuiltProducts.path(of: "calltrail")) ?? "calltrail")
    static var dayHeading: Regex<(Substring, Substring)> { #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/# }

    static func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    /// The left pane (leads while they have the focus, else calls), inside its border.
    static func leftPane(_ screen: String, width: Int) -> [String] { ScreenText.region(screen, from: 0, width: width, rows: 2..<22) }
    static func leadsPane(_ screen: String) -> [String] { leftPane(screen, width: 32) }
    static func callsPaneWhenFocused(_ screen: String) -> [String] { ScreenText.callList(leftPane(screen, width: 44)) }
    static func title(_ screen: String) -> String { lines(screen).dropFirst().first ?? "" }
    static func bottomEdge(_ screen: String) -> String { lines(screen).dropFirst(22).first ?? "" }
    static func footer(_ screen: String) -> String { lines(screen).dropFirst(23).first ?? "" }
    static func selectedRow(_ pane: [String]) -> String? { pane.first { $0.contains("▌") } }

    static func start(_ arguments: String = "") async throws -> TmuxSession {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(binary) \(arguments)")
        // A selection drawn: the leads have arrived (or, with --lead, that lead's calls).
        try await tmux.waitFor("the first list") { $0.contains("demo data") && $0.contains("▌") }
        return tmux
    }

    /// Item 3: the highlighted lead is the open one after `/name Enter Enter Esc Esc`,
    /// and the next Enter keeps it.
    @Test func afterSearchOpenAndBackTheHighlightedLeadIsTheOpenOne() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try await tmux.waitFor("Jane Cooper open") { Self.title($0).contains("Calls · Jane Cooper") }
        try tmux.send("/")
        try tmux.type("Marcus")
        try tmux.send("Enter")
        try await tmux.waitFor("the search result") { Self.title($0).contains("“Marcus”") && Self.selectedRow(Self.leadsPane($0))?.contains("Marcus") == true }
        try tmux.send("Enter")
        try await tmux.waitFor("Marcus's calls focused") { $0.contains("┏ Calls · Marcus Johnson") }
        try tmux.send("Escape")
        try await tmux.waitFor("the leads focused") { $0.contains("┏ Leads") }
        try tmux.send("Escape")
        let cleared = try await tmux.waitFor("every lead again, Marcus highlighted") { screen in
            Self.title(screen).contains("Leads 50") && Self.selectedRow(Self.leadsPane(screen))?.contains("Marcus Johnson") == true
        }
        #expect(Self.title(cleared).contains("Calls · Marcus Johnson"))
        try tmux.send("Enter")
        try await tmux.waitFor("still Marcus's calls") { $0.contains("┏ Calls · Marcus Johnson") }
    }

    /// Item 3 with `--lead ID`: the leads pane highlights that lead, not the first.
    @Test func dashDashLeadHighlightsThatLead() async throws {
        let tmux = try await Self.start("--lead 100018")
        defer { tmux.close() }
        try await tmux.waitFor("Marcus's calls focused") { $0.contains("┏ Calls · Marcus Johnson") }
        try tmux.send("Escape")
        let leads = try await tmux.waitFor("the leads") { $0.contains("┏ Leads") && Self.selectedRow(Self.leadsPane($0)) != nil }
        #expect(Self.selectedRow(Self.leadsPane(leads))?.contains("Marcus Johnson") == true, "\(leads)")
        #expect(Self.bottomEdge(leads).contains("18/50"))
    }

    /// Preview as you move, and the position mark in the focused pane's bottom edge.
    @Test func movingInLeadsPreviewsTheirCallsAndThePositionMarkFollows() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try await tmux.waitFor("Jane open, 1/50") { Self.title($0).contains("Calls · Jane Cooper") && Self.bottomEdge($0).contains("1/50") }
        try tmux.send("j")
        let previewed = try await tmux.waitFor("the second lead's calls") { Self.title($0).contains("Calls · 高橋 美咲") }
        #expect(previewed.contains("┏ Leads"), "the focus stays in the leads")
        #expect(Self.bottomEdge(previewed).contains("2/50"))
        #expect(Self.selectedRow(Self.leadsPane(previewed))?.contains("高橋 美咲") == true)
        // Enter moves the focus to the previewed lead's calls.
        try tmux.send("Enter")
        try await tmux.waitFor("its calls focused") { $0.contains("┏ Calls · 高橋 美咲") }
    }

    /// Item 4: a filter that hides the selection selects the nearest shown call,
    /// visibly, and the first `j` moves on from it.
    @Test func aFilterKeepsAVisibleSelection() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try tmux.send("Enter")
        try await tmux.waitFor("Jane's calls focused") { Self.selectedRow(Self.callsPaneWhenFocused($0)) != nil && $0.contains("┏ Calls · Jane Cooper") }
        try tmux.send("j")
        try await tmux.waitFor("the second call") { Self.callsPaneWhenFocused($0).firstIndex { $0.contains("▌") } == 3 }
        try tmux.send("1")
        let filtered = try await tmux.waitFor("a Talked call selected") { screen in
            Self.title(screen).contains(" of ") && Self.selectedRow(Self.callsPaneWhenFocused(screen))?.contains("Talked") == true
        }
        let first = try #require(Self.selectedRow(Self.callsPaneWhenFocused(filtered)))
        #expect(Self.callsPaneWhenFocused(filtered).first?.contains(Self.dayHeading) == true)
        try tmux.send("j")
        try await tmux.waitFor("the next Talked call") { screen in
            let row = Self.selectedRow(Self.callsPaneWhenFocused(screen))
            return row != nil && row != first && row?.contains("Talked") == true
        }
    }

    /// The second demo lead has dozens of calls a day: scrolled 40 calls into a
    /// day, the top row is that day's heading, pinned over the calls above.
    @Test func theTopRowsDayHeadingStaysPinned() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try tmux.send("j")
        try await tmux.waitFor("the second lead previewed") { Self.title($0).contains("Calls · 高橋 美咲") && $0.contains(Self.dayHeading) }
        try tmux.send("Enter")
        try await tmux.waitFor("its calls focused") { $0.contains("┏ Calls · 高橋 美咲") && Self.selectedRow(Self.callsPaneWhenFocused($0)) != nil }
        for _ in 0..<40 { try tmux.send("j") }
        let scrolled = try await tmux.waitFor("the 41st call selected") { Self.bottomEdge($0).contains("41/≥") }
        let pane = Self.callsPaneWhenFocused(scrolled)
        #expect(pane.first?.contains(Self.dayHeading) == true, "\(scrolled)")
        // Seventeen rows (under the lead card and the stats strip) from the 41st call: the calls right under the heading are not the day's first.
        let callsShown = pane.filter { $0.contains(#/\d\d:\d\d/#) }.count
        #expect(callsShown >= 15, "mostly calls, not headings: \(scrolled)")
        #expect(pane.last?.contains("▌") == true)
    }

    /// Item 5: the prompt starts empty with the previous term as a hint; typing
    /// replaces it; Ctrl-U, Ctrl-W and ↑ edit; a stale "no match" goes.
    @Test func theSearchPromptStartsEmptyAndEditsLikeAShell() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try tmux.send("Enter")
        try await tmux.waitFor("Jane's calls focused") { $0.contains("┏ Calls · Jane Cooper") && Self.selectedRow(Self.callsPaneWhenFocused($0)) != nil }
        try tmux.send("/")
        try tmux.type("Qqq")
        try tmux.send("Enter")
        // Nothing loaded matches, so the search reads on to the end of the history first.
        try await tmux.waitFor("no match") { Self.footer($0).contains("no call matches “Qqq” (searched to the end)") }
        try tmux.send("/")
        try await tmux.waitFor("an empty prompt with the hint") { Self.footer($0).contains("/▏Qqq (↑)") }
        try tmux.type("zzzz")
        try await tmux.waitFor("only what was typed") { Self.footer($0).contains("/zzzz▏") && !Self.footer($0).contains("Qqqzzzz") }
        try tmux.send("C-u")
        try await tmux.waitFor("Ctrl-U clears") { Self.footer($0).contains("/▏Qqq (↑)") }
        try tmux.type("ab cd")
        try tmux.send("C-w")
        try await tmux.waitFor("Ctrl-W deletes a word") { Self.footer($0).contains("/ab ▏") }
        try tmux.send("C-u")
        try tmux.send("Up")
        try await tmux.waitFor("↑ recalls") { Self.footer($0).contains("/Qqq▏") }
        try tmux.send("Escape")
        try tmux.send("/")
        try tmux.type("Qqq")
        try tmux.send("Enter")
        try await tmux.waitFor("no match again") { Self.footer($0).contains("no loaded call matches") }
        // A leads search clears it.
        try tmux.send("h")
        try await tmux.waitFor("the leads focused") { $0.contains("┏ Leads") }
        try tmux.send("/")
        try tmux.type("Jane")
        try tmux.send("Enter")
        let after = try await tmux.waitFor("the leads search") { Self.title($0).contains("“Jane”") && Self.footer($0).contains("?help") }
        #expect(!after.contains("no loaded call matches"))
    }

    /// Search as you type: leads narrow while typing, with the count; Esc puts
    /// the list back. In the calls pane the first match is selected as you type.
    @Test func searchAsYouTypeInLeadsAndCalls() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try await tmux.waitFor("Jane open") { Self.title($0).contains("Calls · Jane Cooper") }
        try tmux.send("/")
        try tmux.type("Marc")
        let typed = try await tmux.waitFor("leads narrowed without Enter") { screen in
            Self.title(screen).contains("“Marc”") && Self.leadsPane(screen).contains { $0.contains("Marcus Johnson") }
                && Self.footer(screen).contains(#/\d+ leads?/#)
        }
        #expect(!Self.leadsPane(typed).contains { $0.contains("Jane Cooper") })
        #expect(Self.footer(typed).contains("/Marc▏"))
        try tmux.send("Escape")
        try await tmux.waitFor("every lead again") { Self.title($0).contains("Leads 50") && Self.leadsPane($0).contains { $0.contains("Jane Cooper") } }

        try await tmux.waitFor("Jane still open") { Self.title($0).contains("Calls · Jane Cooper") }
        try tmux.send("Enter")
        try await tmux.waitFor("Jane's calls focused") { $0.contains("┏ Calls · Jane Cooper") && Self.selectedRow(Self.callsPaneWhenFocused($0)) != nil }
        try tmux.send("/")
        try tmux.type("Talk")
        try await tmux.waitFor("a Talked call selected while typing") { screen in
            Self.selectedRow(Self.callsPaneWhenFocused(screen))?.contains("Talked") == true
                && Self.footer(screen).contains(#/\d+ of \d+ loaded calls/#)
        }
    }

    /// In the full-screen detail `J`/`K` move to the next/previous call without leaving it.
    @Test func capitalJAndKStepThroughCallsInTheFullScreenDetail() async throws {
        let tmux = try await Self.start()
        defer { tmux.close() }
        try tmux.send("Enter")
        try await tmux.waitFor("Jane's calls focused") { $0.contains("┏ Calls · Jane Cooper") && Self.selectedRow(Self.callsPaneWhenFocused($0)) != nil }
        try tmux.send("Enter")
        func started(_ screen: String) -> String? { Self.lines(screen).first { $0.contains("Started") } }
        // The whole full-screen frame, not one caught while it is drawn over the panes: its times carry their zone.
        let first = try await tmux.waitFor("the full-screen detail") { $0.contains("Call · Esc returns") && started($0)?.contains("UTC") == true }
        try tmux.send("J")
        let second = try await tmux.waitFor("the next call, still full screen") { $0.contains("Call · Esc returns") && started($0) != nil && started($0) != started(first) }
        try tmux.send("]")
        try await tmux.waitFor("the call after") { $0.contains("Call · Esc returns") && started($0) != nil && started($0) != started(second) && started($0) != started(first) }
        try tmux.send("K")
        try tmux.send("[")
        try await tmux.waitFor("back at the first call") { $0.contains("Call · Esc returns") && started($0) == started(first) }
        try tmux.send("Escape")
        try await tmux.waitFor("the list, on the first call") { screen in
            !screen.contains("Esc returns") && Self.callsPaneWhenFocused(screen).firstIndex { $0.contains("▌") } == 1
        }
    }

    /// Item 2 on an open vocabulary (Skipcall through the stand-in, 10 calls a page,
    /// so the counts change a lot as pages load): pressing a key twice turns the
    /// same outcome on and off, and the keys shown keep their outcomes.
    @Test func aKeyKeepsItsOutcomeWhileCallsLoad() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let base = stub.baseURL + "/skipcall/v1"
        let command = "exec \(Self.binary) --provider skipcall --page-size 10 --base-url \(TmuxSession.shellQuote(base))"
        let tmux = try TmuxSession(width: 80, height: 24, command: command, environment: [
            "CALLTRAIL_TOKEN": StubAPIProcess.token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        defer { tmux.close() }
        /// "1=completed", … for the keys 1…6 in the footer (it shows whole hints only, dropping what does not fit).
        func keys(_ screen: String) -> [String] {
            let parts = Self.footer(screen).split(separator: "[").dropFirst().compactMap { part -> String? in
                let halves = part.split(separator: "]", maxSplits: 1)
                guard halves.count == 2, let key = Int(halves[0]), (1...6).contains(key) else { return nil }
                return "\(key)=" + halves[1].trimmingCharacters(in: .whitespaces)
            }
            return parts
        }
        let opened = try await tmux.waitFor("Jane Cooper's calls and three keys") { screen in
            Self.title(screen).contains("Calls · Jane Cooper") && keys(screen).count >= 3
        }
        let shown = keys(opened)
        try tmux.send("Enter")
        try tmux.send("3")
        try await tmux.waitFor("the filter on") { Self.title($0).contains(" of ") }
        // Let the filter load pages (the counts move), then all of the history.
        try tmux.send("G")
        try await tmux.waitFor("the end of the history") { $0.contains("end of history") || Self.bottomEdge($0).contains(#/(\d+)\/\1\b/#) }
        try tmux.send("3")
        // The footer's hints come back with the frame after the filter's (a notice can hold
        // the line for a moment): wait for as many keys as before, then compare them.
        let off = try await tmux.waitFor("the same key turned it off, its keys back") {
            !Self.title($0).contains(" of ") && keys($0).count >= shown.count
        }
        #expect(Array(keys(off).prefix(shown.count)) == shown, "keys moved: \(shown) → \(keys(off))")
    }
}
