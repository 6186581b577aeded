import Foundation
import Testing

/// The browser at 80×24, the most common terminal size, in tmux on the demo
/// data (TERM=xterm-256color unless a test says otherwise): the footer keeps `?`
/// and the active filters, help scrolls, `q` backs out before it quits, 8-colour
/// terminals stay legible, TERM=dumb is refused, the mouse selects what it
/// clicks, and a refused token or an unreachable provider fill the body with the fix.
@Suite(.serialized) struct BrowserAt80x24Tests {
    static let binary = BrowserDemoTests.binary

    static func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    static func footer(_ screen: String) -> String { lines(screen).dropFirst(23).first ?? "" }
    static func isDead(_ tmux: TmuxSession) -> Bool { (try? tmux.display("#{pane_dead}")) == "1" }

    static func openFirstLead(_ tmux: TmuxSession) async throws {
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        try tmux.send("Enter")
        try await tmux.waitFor("the lead's calls") { $0.contains(BrowserDemoTests.dayHeading) && $0.contains("┏ Calls") }
    }

    @Test func footerKeepsHelpAndHelpScrollsToItsLastLine() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)")
        defer { tmux.close() }
        let main = try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        #expect(Self.footer(main).contains("?help"))
        #expect(Self.footer(main).contains("[d]direction") && Self.footer(main).contains("[0]All"))
        try tmux.send("?")
        let top = try await tmux.waitFor("help with its position") { $0.contains("Help") && $0.contains(#/ 1–\d+/\d+ /#) }
        #expect(top.contains("move down"))
        #expect(Self.footer(top).contains("close"))
        try tmux.send("G")
        let bottom = try await tmux.waitFor("the end of help") { $0.contains("quit from anywhere") }
        #expect(bottom.contains("direction filter") && bottom.contains("retry what failed"), "0, d and r can be found")
        try tmux.send("k")
        try await tmux.waitFor("help scrolled up a line") { $0.contains("quit from anywhere") == false || $0.contains(#/ \d+–\d+/\d+ /#) }
        try tmux.send("q")
        let closed = try await tmux.waitFor("help closed by q") { !$0.contains("Help ·") }
        #expect(closed.contains("demo data"))
        #expect(!Self.isDead(tmux), "q in help closes help, it does not quit")
    }

    @Test func filteredListSaysWhichFiltersAreOn() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await Self.openFirstLead(tmux)
        try tmux.send("1")
        try tmux.send("d")
        let screen = try await tmux.waitFor("the filter summary") { Self.footer($0).contains("filter: Talked, outbound · 0 clears") }
        #expect(Self.footer(screen).hasPrefix(" filter: Talked, outbound · 0 clears"))
        #expect(Self.footer(screen).contains("?help"))
        try tmux.send("0")
        try await tmux.waitFor("filters cleared") { !Self.footer($0).contains("filter:") && Self.footer($0).contains("[1]Talked") }
    }

    @Test func helpInsideTheFullDetailReturnsToItAndQBacksOutBeforeQuitting() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await Self.openFirstLead(tmux)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "Call · Esc returns")
        try tmux.send("?")
        try await tmux.waitFor(text: "Help ·")
        try tmux.send("Escape")
        let detail = try await tmux.waitFor("the detail again") { !$0.contains("Help ·") }
        #expect(detail.contains("Call · Esc returns"), "? then Esc comes back to the full-screen detail")
        try tmux.send("?")
        try await tmux.waitFor(text: "Help ·")
        try tmux.send("q")
        try await tmux.waitFor("help closed by q") { !$0.contains("Help ·") && $0.contains("Call · Esc returns") }
        try tmux.send("q")
        try await tmux.waitFor("the main view") { !$0.contains("Esc returns") && $0.contains("┏ Calls") }
        #expect(!Self.isDead(tmux))
        try tmux.send("q")
        try await tmux.waitFor("the program to quit from the main view") { _ in Self.isDead(tmux) }
    }

    @Test func iShowsEveryFieldOfTheOpenLeadAndQClosesIt() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await Self.openFirstLead(tmux)
        try tmux.send("i")
        let top = try await tmux.waitFor("the lead view") { $0.contains("Lead · ") && $0.contains("Stage ") && $0.contains("Source ") }
        #expect(top.contains(#/Assigned to  \S/#), "labels aligned, values after them")
        #expect(Self.footer(top).contains("q/Esc close"))
        try tmux.send("G")
        let end = try await tmux.waitFor("the end of the lead view") { $0.contains("Created ") && $0.contains(#/ \d+–(\d+)/\1 /#) }
        #expect(end.contains("Last touch"))
        try tmux.send("q")
        let closed = try await tmux.waitFor("the lead view closed by q") { !$0.contains("Lead · ") && $0.contains("┏ Calls") }
        #expect(Self.footer(closed).contains("?help"))
        #expect(!Self.isDead(tmux), "q closes the lead view, it does not quit")
    }

    @Test func shiftQQuitsFromHelp() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary)")
        defer { tmux.close() }
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") }
        try tmux.send("?")
        try await tmux.waitFor(text: "Help ·")
        try tmux.send("Q")
        try await tmux.waitFor("the program to quit") { _ in Self.isDead(tmux) }
    }

    @Test func dumbTerminalIsRefusedWithExitStatus2() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "\(Self.binary); echo \"exit=$?\"; sleep 60", environment: ["TERM": "dumb"])
        defer { tmux.close() }
        let screen = try await tmux.waitFor(text: "exit=")
        #expect(screen.contains("exit=2"))
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("TERM=dumb cannot move the cursor"))
        #expect(!screen.contains("demo data"))
    }

    /// The SGR parameters set just before the first `glyph` on a line containing `marker` ("0;37;49").
    static func style(before glyph: String, onLineWith marker: String, in screen: String) throws -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(marker) }),
            let match = line.firstMatch(of: try Regex("((?:\u{1B}\\[[0-9;]*m)+)" + glyph))
        else { return nil }
        let sequences = String(match.output[1].substring ?? "")
        return sequences.matches(of: #/\e\[([0-9;]*)m/#).map { String($0.output.1) }.joined(separator: ";")
    }

    @Test(arguments: [("default", "37"), ("light", "30")])
    func unfocusedBordersShowOnEightColourTerminals(theme: String, border: String) async throws {
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary) --theme \(theme)", environment: ["TERM": "xterm", "NO_COLOR": ""])
        defer { tmux.close() }
        try await tmux.waitFor("the lead list") { $0.contains("demo data") && $0.contains("▌") && $0.contains("┌ Calls") }
        let screen = try tmux.capture(escapes: true)
        let code = try #require(try Self.style(before: "┌", onLineWith: "Calls", in: screen), "no style before the unfocused border:\n\(screen)")
        #expect(code.split(separator: ";").contains(Substring(border)), "\(theme): unfocused border drawn with SGR \(code) in:\n\(screen.split(separator: "\n").prefix(3).joined(separator: "\n").replacingOccurrences(of: "\u{1B}", with: "^["))")
        // Never a colour the terminal does not have.
        #expect(!screen.contains("38;5;") && !screen.contains("48;5;"))
    }

    static func mouseSession(width: Int, height: Int) throws -> (TmuxSession, TemporaryDirectory) {
        let home = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: home.path + "/config/calltrail", withIntermediateDirectories: true)
        try "mouse = true\n".write(toFile: home.path + "/config/calltrail/config.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: width, height: height, command: "exec \(Self.binary)", environment: [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        return (tmux, home)
    }

    /// An SGR (1006) report as a terminal sends it; columns and rows count from 1.
    static func click(_ tmux: TmuxSession, button: Int = 0, column: Int, row: Int) throws {
        try tmux.type("\u{1B}[<\(button);\(column + 1);\(row + 1)M")
        if button == 0 { try tmux.type("\u{1B}[<0;\(column + 1);\(row + 1)m") }
    }

    @Test func aClickSelectsTheClickedCall() async throws {
        let (tmux, home) = try Self.mouseSession(width: 80, height: 24)
        defer {
            tmux.close()
            home.remove()
        }
        try await Self.openFirstLead(tmux)
        let screen = try tmux.capture()
        // A call row a few lines below the selection, not a day heading.
        let rows = Self.lines(screen)
        let selected = try #require(rows.firstIndex { $0.contains("▌") })
        let target = try #require((selected + 3..<22).first { !rows[$0].contains(BrowserDemoTests.dayHeading) && rows[$0].contains(":") })
        let text = ScreenText.columns(rows[target], from: 1, width: 30)
        try Self.click(tmux, column: 10, row: target)
        let after = try await tmux.waitFor("the clicked call selected") { Self.lines($0)[target].contains("▌") }
        #expect(ScreenText.columns(Self.lines(after)[target], from: 2, width: 29) == String(text.dropFirst()))
        // The wheel moves the selection in the pane under the pointer.
        try Self.click(tmux, button: 65, column: 10, row: 10)
        try await tmux.waitFor("the wheel to move the selection") { Self.lines($0).firstIndex { $0.contains("▌") } != target }
    }

    @Test func clicksPastColumn223Work() async throws {
        let (tmux, home) = try Self.mouseSession(width: 250, height: 30)
        defer {
            tmux.close()
            home.remove()
        }
        try await tmux.waitFor("three panes") { $0.contains("demo data") && $0.contains("┌ Call ") && $0.contains("▌") }
        try Self.click(tmux, column: 240, row: 10)
        try await tmux.waitFor("the detail pane focused by a click at column 241") { $0.contains("┏ Call ") }
    }

    static func vendorSession(baseURL: String, token: String) throws -> (TmuxSession, TemporaryDirectory) {
        let home = try TemporaryDirectory()
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec \(Self.binary) --provider lofty --base-url \(baseURL)", environment: [
            "CALLTRAIL_TOKEN": token, "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
        ])
        return (tmux, home)
    }

    @Test func aRefusedTokenShowsTheFixAcrossTheBody() async throws {
        let stub = try await StubAPIProcess()
        let (tmux, home) = try Self.vendorSession(baseURL: stub.baseURL, token: "wrong-token")
        defer {
            tmux.close()
            stub.stop()
            home.remove()
        }
        // The whole pane, not just its title: tmux may show a frame half written.
        let screen = try await tmux.waitFor("the refused-token message") {
            $0.contains("Lofty refused the access token") && $0.contains("r retries · q quits")
        }
        #expect(screen.contains("CALLTRAIL_TOKEN"))
        #expect(screen.contains("auth_scheme"))
        #expect(!screen.contains("Leads 0"))
        #expect(!screen.contains("wrong-token"))
    }

    @Test func aRefusedConnectionShowsTheFixAcrossTheBody() async throws {
        // A port nothing listens on: bind one, note it, close it.
        let (tmux, home) = try Self.vendorSession(baseURL: "http://127.0.0.1:\(try Self.closedPort())", token: "t")
        defer {
            tmux.close()
            home.remove()
        }
        let screen = try await tmux.waitFor("the unreachable message", timeout: .seconds(90)) {
            $0.contains("Cannot reach Lofty") && $0.contains("r retries · q quits")
        }
        #expect(screen.contains("--base-url"))
        #expect(screen.contains("r retries"))
    }

    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TmuxSession.Failure(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
