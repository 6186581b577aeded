/// The `?` help: a layer over whatever shows (the panes or the full-screen
/// detail, which stays underneath and comes back when help closes), scrolled
/// with the movement keys.
public struct HelpState: Sendable, Hashable {
    public internal(set) var isShown = false
    /// First help line on screen.
    public internal(set) var scroll = 0
    /// Lines of help, and how many fit on screen, as the front end last said.
    var lines = 0
    var rows = 0

    /// The furthest the help scrolls: its last line at the bottom.
    var maximumScroll: Int { max(0, lines - rows) }
}
