import CalltrailProviders
import CalltrailViewModel
import Foundation

/// Runs the full-screen browser on a provider: what `calltrail` (browse) calls.
public enum TerminalBrowser {
    public struct Options: Sendable {
        /// A theme name or path; nil for the default.
        public var theme: String?
        /// Click to select and focus, wheel to scroll. Off by default.
        public var mouse: Bool

        /// The player for `o`: the program and its arguments (the URL goes last);
        /// nil for the desktop's opener (`xdg-open`, `open`).
        public var player: String?

        public init(theme: String? = nil, mouse: Bool = false, player: String? = nil) {
            self.theme = theme
            self.mouse = mouse
            self.player = player
        }
    }

    /// Opens the browser and returns when the user quits. The terminal is put
    /// back as it was on every way out (signals included, see CursesTerminal).
    @MainActor
    public static func run(provider: any CallProvider, settings: BrowserSettings, options: Options) async throws(CursesTerminal.StartError) {
        let themeChoice = ThemeCatalog.resolve(options.theme)
        let terminal = CursesTerminal()
        try terminal.start(CursesTerminal.Options(
            theme: themeChoice.theme, colorDisabled: ThemeCatalog.colorDisabled(), mouse: options.mouse))
        defer { terminal.stop() }
        let browser = Browser(provider: provider, settings: settings, player: DetachedPlayer(command: options.player))
        defer { browser.stop() }
        let app = BrowserApp(browser: browser, terminal: terminal, startupNotice: themeChoice.warning)
        await app.run()
    }
}
