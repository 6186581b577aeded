/// Starts a player on a recording's URL without waiting for it. The browser
/// calls it for `o` once the link is known; the terminal front end supplies one
/// that runs the user's player detached from the terminal.
public protocol RecordingPlayer: Sendable {
    /// Starts the player on `url` (a vendor's http(s) URL, checked, or the demo's
    /// `file://` URL to a file it wrote); returns its name for
    /// the footer ("mpv"), or throws an error whose description says why not.
    func play(_ url: String) throws -> String
}
