/// The loading mark: nothing until a load has taken `delay`, so fast loads do
/// not flicker, then a braille spinner that turns every 100 ms.
public enum Spinner {
    public static let delay: Duration = .milliseconds(300)
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The mark for a load that has been running for `elapsed` (nil: no load).
    public static func mark(elapsed: Duration?) -> String {
        guard let elapsed, elapsed >= delay else { return "" }
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return String(frames[Int(milliseconds / 100) % frames.count])
    }
}
