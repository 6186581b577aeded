import Synchronization

/// The screen the renderer draws the next frame over: the frame before last, kept
/// when a frame is drawn and taken (moved out, so it is not shared and is changed in
/// place) when the next one starts.
final class SpareScreen: Sendable {
    private let screen = Mutex<ScreenBuffer?>(nil)

    func keep(_ spare: ScreenBuffer) {
        screen.withLock { $0 = spare }
    }

    func take() -> ScreenBuffer? {
        screen.withLock { kept in
            let taken = kept
            kept = nil
            return taken
        }
    }
}
