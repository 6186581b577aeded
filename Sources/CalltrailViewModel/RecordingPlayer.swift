/// Starts a player on a recording's URL without waiting for it. The browser
/// calls it for `o` once the link is known; the terminal front end supplies one
/// that runs the user's player detached from the terminal.
public protocol RecordingPlayer: Sendable {
    /// Starts the player on `url` (an http(s) URL, checked); returns its name for
    /// the footer ("mpv"), or throws an error whose description says why not.
    func play(_ url: String) throws -> String
}
