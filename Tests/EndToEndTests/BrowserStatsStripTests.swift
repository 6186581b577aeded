import Foundation
import Testing

/// The calls pane's stats strip in tmux on the demo data, at 80×24 and 120×40:
/// under the pane's title, "N loaded" until `S` has loaded the rest, then the
/// lead's figures; the outcome mix in letters that read without colour (NO_COLOR).
@Suite(.serialized) struct BrowserStatsStripTests {
    static let binary = BrowserDemoTests.binary

    static func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The stats strip: one of the two rows under the calls pane's title (the lead card may come first).
    static func stripRow(_ screen: String) -> String? {
        let rows = lines(screen)
        guard let title = rows.firstIndex(where: { $0.contains("┏ Calls") || $0.contains("┌ Calls") }) else { return nil }
        return rows.dropFirst(title + 1).prefix(2).first { $0.contains("talk ") }
    }

    static func rowAfter(_ row: String, in screen: String) -> String? {
        let rows = lines(screen)
        return rows.firstIndex(of: row).flatMap { $0 + 1 < rows.count ? rows[$0 + 1] : nil }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theStripShowsWhatIsLoadedAndSCompletesIt(_ size: (Int, Int)) async throws {
        let tmux = try TmuxSession(width: size.0, height: size.1, command: "NO_COLOR=1 exec \(Self.binary) --page-size 20")
        defer { tmux.close() }
        try await BrowserAt80x24Tests.openFirstLead(tmux)
        let partial = try await tmux.waitFor("the strip with what is loaded") { (Self.stripRow($0) ?? "").contains("loaded") }
        let strip = try #require(Self.stripRow(partial))
        #expect(strip.contains(#/\d loaded/#) && strip.contains("talk "), "\(strip)")
        // Above the strip, the lead card: the demo lead's stage, source, agent, score.
        let card = try #require(Self.rowAfter(Self.lines(partial).first { $0.contains("Calls · ") } ?? "", in: partial))
        #expect(card.contains("score ") || card.contains(" · "), "the lead card: \(card)")
        #expect(!card.contains("talk "))
        // From 22 rows (80×24 included) the graphs have a row of their own, under the figures.
        let graphs = try #require(Self.rowAfter(strip, in: partial))
        #expect(graphs.contains(#/[TVNBDCo]{2,}/#), "the outcome mix in letters: \(graphs)")
        // Every row stays inside the terminal.
        for row in Self.lines(partial) { #expect(row.count <= size.0) }
        try tmux.send("S")
        let complete = try await tmux.waitFor("the strip complete", timeout: .seconds(60)) {
            let row = Self.stripRow($0) ?? ""
            return row.contains(" calls") && !row.contains("loaded")
        }
        let done = try #require(Self.stripRow(complete))
        #expect(done.contains(#/\d[\d,]* calls/#), "\(done)")
        #expect(done.contains("connect"), "\(done)")
        // The header agrees: the lead's total is known.
        #expect(Self.lines(complete).first?.contains("loaded") == false)
        do {
            let graphsDone = try #require(Self.rowAfter(done, in: complete))
            #expect(graphsDone.contains(#/[TVNBDCo]{6,}/#) && graphsDone.contains(#/[▁▂▃▄▅▆▇█]{4,}/#), "bar and calls per week: \(graphsDone)")
        }
    }
}
