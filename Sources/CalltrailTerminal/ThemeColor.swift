/// A terminal colour: the terminal's default, or an xterm palette index 0…255.
/// Indices 0…7 are the eight basic colours every colour terminal has.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case palette(Int)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses "default", a colour name, or a palette number.
    init?(name: String) {
        if name == "default" {
            self = .terminalDefault
        } else if let index = ThemeColor.names[name] {
            self = .palette(index)
        } else if let index = Int(name), (0...255).contains(index) {
            self = .palette(index)
        } else {
            return nil
        }
    }

    /// The colour on a terminal with only `available` colours (8 or 16): palette
    /// entries beyond it become the nearest basic colour, so a theme degrades
    /// instead of refusing to run.
    public func degraded(toColors available: Int) -> ThemeColor {
        guard case .palette(let index) = self, index >= available else { return self }
        if index < 16 { return .palette(index - 8) }
        let (r, g, b) = ThemeColor.rgb(ofPaletteIndex: index)
        // A grey has no hue to keep: black or white, never the nearest hue (243 was yellow).
        if max(r, g, b) - min(r, g, b) < 24 { return .palette((r + g + b) / 3 >= 128 ? 7 : 0) }
        var best = 0
        var bestDistance = Int.max
        for basic in 0..<min(available, 8) {
            let (br, bg, bb) = ThemeColor.basicRGB[basic]
            let distance = (r - br) * (r - br) + (g - bg) * (g - bg) + (b - bb) * (b - bb)
            if distance < bestDistance {
                bestDistance = distance
                best = basic
            }
        }
        return .palette(best)
    }

    static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The xterm 256-colour palette: a 6×6×6 cube from 16, a grey ramp from 232.
    static func rgb(ofPaletteIndex index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return (level, level, level)
        }
        let cube = index - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }
}
