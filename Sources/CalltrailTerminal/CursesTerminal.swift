import CalltrailModel
import CNcursesw
import CTerminalRestore
import Foundation

/// The real terminal through ncursesw: starts and ends full-screen mode, reads
/// keys, and blits a `ScreenBuffer`. Every curses call happens here, on the main
/// actor, because ncurses is not thread-safe.
@MainActor
public final class CursesTerminal {
    public struct Options: Sendable {
        public var theme: Theme
        /// NO_COLOR: draw with the monochrome theme's emphasis only.
        public var colorDisabled: Bool
        public var mouse: Bool

        public init(theme: Theme, colorDisabled: Bool, mouse: Bool = false) {
            self.theme = theme
            self.colorDisabled = colorDisabled
            self.mouse = mouse
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        /// TERM names a terminal without cursor addressing (dumb, an editor's shell buffer).
        case cannotAddressCursor(term: String)
        case cannotInitialise(String)
        public var description: String {
            switch self {
            case .notATerminal: return "calltrail's browser needs a terminal (stdin and stdout must be a TTY); use 'calltrail leads' or 'calltrail calls' for output to pipes and files"
            case .cannotAddressCursor(let term):
                return "calltrail's browser needs a full-screen terminal, and TERM=\(term) cannot move the cursor; set TERM (e.g. xterm-256color) or use 'calltrail leads' / 'calltrail calls'"
            case .cannotInitialise(let why): return "cannot start the terminal: \(why)"
            }
        }
    }

    private var window: UnsafeMutablePointer<WINDOW>?
    /// Draws frames; curses reads keys and sets up and restores the terminal.
    private var writer: ScreenWriter?
    /// What the terminal shows; nil when unknown (start, resize).
    private var previous: ScreenBuffer?
    private var started = false
    /// SGR mouse reports are on and read from the key stream.
    private var mouseReporting = false
    /// Characters read while looking for a mouse report that turned out to be typed.
    private var typedAhead: [Key] = []
    public private(set) var colorCount = 0

    public init() {}

    /// Both ends of the conversation must be a terminal.
    public nonisolated static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    public func start(_ options: Options) throws(StartError) {
        guard CursesTerminal.hasTerminal else { throw .notATerminal }
        let term = DisplayText.sanitize(ProcessInfo.processInfo.environment["TERM"] ?? "")
        switch ct_term_addresses_cursor() {
        case 1: break
        case 0: throw .cannotAddressCursor(term: term.isEmpty ? "(unset)" : term)
        default: throw .cannotInitialise("unknown terminal type '\(term)'")
        }
        setlocale(LC_ALL, "")
        // Esc must answer at once; respect a user's own ESCDELAY.
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        _ = ct_restore_save_modes(STDIN_FILENO)
        guard let screen = ct_newterm_stdio() else {
            throw .cannotInitialise("unknown terminal type '\(ProcessInfo.processInfo.environment["TERM"] ?? "")'")
        }
        set_term(screen)
        started = true
        window = ct_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        // Reads never wait: the loop sleeps on the input itself and reads only
        // what is there (an Esc still waits ESCDELAY for the rest of a sequence).
        nodelay(window, true)
        // No typeahead check inside doupdate: curses would flush and poll stdin every
        // few lines (dozens of small writes a frame). The loop reads every key before it draws.
        typeahead(-1)
        if options.mouse { startMouseReporting() }
        captureLeaveSequence(mouse: options.mouse)
        ct_restore_install_handlers()
        let useColor = !options.colorDisabled && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        colorCount = useColor ? Int(ct_colors()) : 0
        writer = ScreenWriter(looks: Self.looks(options.theme, colors: colorCount), capabilities: .fromTerminfo())
        // Curses clears the screen (and enters the alternate screen) now, not at the first key.
        wrefresh(window)
    }

    /// Leaves full-screen mode and puts the terminal's modes back as they were.
    public func stop() {
        guard started else { return }
        started = false
        if mouseReporting { sendNow(SGRMouseReport.disable) }
        endwin()
        ct_restore_now()
    }

    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(ct_getmaxx(window)), Int(ct_getmaxy(window)))
    }

    /// The next key already typed, or nil when there is none.
    public func readKey() -> Key? {
        if !typedAhead.isEmpty { return typedAhead.removeFirst() }
        guard let window else { return nil }
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ct_err() { return nil }
        if result == ct_key_code_yes() { return Self.decode(keyCode: Int32(value)) }
        if value == 0x1B, mouseReporting { return readAfterEscape() }
        return Key.fromCharacter(UInt32(value))
    }

    /// Stdin was closed under us (the terminal went away): input will never come.
    public var inputHungUp: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Mouse reports in SGR form (1006) for any TERM: curses is told not to
    /// decode its own `kmous` format (X10 on screen/tmux entries, limited to 223 columns).
    private func startMouseReporting() {
        keyok(ct_key_mouse(), false)
        sendNow(SGRMouseReport.enable)
        mouseReporting = true
    }

    /// `putp` goes through C's buffered stdout, which curses never flushes (it
    /// writes its own buffer): without the flush the mode reached the terminal
    /// only at exit, together with the sequence that turns it off again.
    private func sendNow(_ sequence: String) {
        putp(sequence)
        fflush(nil)
    }

    /// After an Esc with the mouse on: a mouse report, or Esc and whatever was typed after it.
    private func readAfterEscape() -> Key? {
        guard let window else { return .escape }
        var body: [Character] = []
        while true {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == ct_err() { break }
            if result == ct_key_code_yes() {
                typedAhead = body.compactMap { $0.unicodeScalars.first.flatMap { Key.fromCharacter($0.value) } }
                if let key = Self.decode(keyCode: Int32(value)) { typedAhead.append(key) }
                return .escape
            }
            body.append(Character(Unicode.Scalar(UInt32(value)) ?? "?"))
            switch SGRMouseReport.progress(body) {
            case .more: continue
            case .report(let event?): return .mouse(event)
            case .report(nil): return readKey()
            case .notAReport: break
            }
            break
        }
        typedAhead = body.compactMap { $0.unicodeScalars.first.flatMap { Key.fromCharacter($0.value) } }
        return .escape
    }

    static func decode(keyCode: Int32) -> Key? {
        switch keyCode {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case ct_key_resize(): return .resize
        default:
            for n in 1...12 where keyCode == ct_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Draws the buffer: the cells that changed since the last frame, in one write.
    public func draw(_ buffer: ScreenBuffer) {
        guard let window, let writer else { return }
        // Anything curses still owes the screen (its clear after a resize) goes first.
        if previous == nil { wrefresh(window) }
        let frame = writer.frame(from: previous, to: buffer)
        previous = buffer
        frame.withBytes { Self.writeAll(UnsafeRawBufferPointer($0)) }
    }

    /// Forgets the last frame so the next draw repaints everything (after resize).
    public func invalidate() {
        previous = nil
    }

    /// Writes every byte to the terminal, through interrupted and partial writes.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN {
                var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                _ = poll(&descriptor, 1, 1_000)
            } else {
                return  // the terminal is gone: the loop sees its input hang up
            }
        }
    }

    /// Each role's attributes and colours on this terminal (colours only when it has them and NO_COLOR is unset).
    private static func looks(_ theme: Theme, colors: Int) -> [ThemeRole: ScreenWriter.Look] {
        let useColor = colors > 0
        var looks: [ThemeRole: ScreenWriter.Look] = [:]
        for role in ThemeRole.allCases {
            let style = theme.style(for: role, colors: colors)
            looks[role] = ScreenWriter.Look(
                bold: style.bold, reverse: style.reverse, underline: style.underline, dim: style.dim,
                foreground: useColor ? colorNumber(style.foreground) : -1, background: useColor ? colorNumber(style.background) : -1)
        }
        return looks
    }

    private static func colorNumber(_ color: ThemeColor) -> Int16 {
        switch color {
        case .terminalDefault: return -1
        case .palette(let index): return Int16(index)
        }
    }

    /// The terminfo strings that undo full-screen mode, for the signal handler.
    /// With the mouse on, also the SGR (1006) and normal (1000) mouse modes off: a
    /// process killed by a signal never reaches `stop`, and the shell would get the
    /// clicks as escape text.
    private func captureLeaveSequence(mouse: Bool) {
        var bytes: [UInt8] = mouse ? Array(SGRMouseReport.disable.utf8) : []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = ct_tigetstr(capability) else { continue }
            bytes.append(contentsOf: Array(String(cString: value).utf8))
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                ct_restore_set_leave_sequence($0, buffer.count)
            }
        }
    }
}
