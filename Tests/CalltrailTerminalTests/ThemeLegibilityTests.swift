import Foundation
import Testing

@testable import CalltrailTerminal

/// Every built-in theme stays legible in 256 colours, 8 colours (TERM=xterm,
/// screen) and without colour (NO_COLOR): each role's text against the
/// background it is drawn on has at least WCAG's 3:1 contrast, computed with
/// xterm's palette, on the terminal background the theme is made for.
@Suite struct ThemeLegibilityTests {
    typealias RGB = (r: Double, g: Double, b: Double)

    /// The terminal's own colours behind "default".
    struct TerminalColors: CustomStringConvertible {
        var name: String
        var foreground: RGB
        var background: RGB
        var description: String { name }
        static let dark = TerminalColors(name: "dark terminal", foreground: (229, 229, 229), background: (0, 0, 0))
        static let light = TerminalColors(name: "light terminal", foreground: (0, 0, 0), background: (255, 255, 255))
    }

    static let depths = [256, 8, 0]
    static let minimumContrast = 3.0

    /// The backgrounds a theme is meant for; monochrome (and NO_COLOR) must work on both.
    static func terminals(theme: String, colors: Int) -> [TerminalColors] {
        if colors == 0 || theme == "monochrome" { return [.dark, .light] }
        return theme == "light" ? [.light] : [.dark]
    }

    static func rgb(_ color: ThemeColor) -> RGB? {
        guard case .palette(let index) = color else { return nil }
        let brights: [(Int, Int, Int)] = [
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let value = index < 8 ? ThemeColor.basicRGB[index] : index < 16 ? brights[index - 8] : ThemeColor.rgb(ofPaletteIndex: index)
        return (Double(value.0), Double(value.1), Double(value.2))
    }

    static func luminance(_ c: RGB) -> Double {
        func channel(_ v: Double) -> Double {
            let s = v / 255
            return s <= 0.03928 ? s / 12.92 : Foundation.pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colours a role's text is drawn in: its own, else what it sits on (footer
    /// keys on the footer bar), else the terminal's; reverse swaps, dim halves the
    /// way to the background.
    static func drawn(_ role: ThemeRole, theme: Theme, colors: Int, on terminal: TerminalColors) -> (text: RGB, background: RGB) {
        let style = theme.style(for: role, colors: colors)
        let barBackground = [.footerKey, .footerActive].contains(role) ? rgb(theme.style(for: .footer, colors: colors).background) : nil
        var text = rgb(style.foreground) ?? terminal.foreground
        var background = rgb(style.background) ?? barBackground ?? terminal.background
        if style.reverse { swap(&text, &background) }
        if style.dim { text = ((text.r + background.r) / 2, (text.g + background.g) / 2, (text.b + background.b) / 2) }
        return (text, background)
    }

    static func theme(_ name: String) throws -> Theme {
        try ThemeParser.parse(BuiltinThemes.source(named: name) ?? "", name: name, base: name == "default" ? nil : .standard)
    }

    @Test(arguments: BuiltinThemes.names, depths)
    func everyRoleIsLegibleOnItsBackground(name: String, colors: Int) throws {
        let theme = try Self.theme(name)
        for terminal in Self.terminals(theme: name, colors: colors) {
            for role in ThemeRole.allCases {
                let (text, background) = Self.drawn(role, theme: theme, colors: colors, on: terminal)
                let ratio = Self.contrast(text, background)
                #expect(ratio >= Self.minimumContrast, "\(name), \(colors) colours, \(terminal): \(role.rawValue) has contrast \(ratio)")
            }
        }
    }

    @Test(arguments: BuiltinThemes.names, depths)
    func usesOnlyColoursTheTerminalHas(name: String, colors: Int) throws {
        let theme = try Self.theme(name)
        for role in ThemeRole.allCases {
            let style = theme.style(for: role, colors: colors)
            for color in [style.foreground, style.background] {
                if case .palette(let index) = color { #expect(index < max(colors, 1), "\(name), \(colors): \(role.rawValue) uses \(index)") }
            }
        }
    }

    /// Without colour the selection, the focused border and the header still stand out.
    @Test(arguments: BuiltinThemes.names, depths)
    func selectionAndFocusStandOut(name: String, colors: Int) throws {
        let theme = try Self.theme(name)
        for terminal in Self.terminals(theme: name, colors: colors) {
            let text = Self.drawn(.text, theme: theme, colors: colors, on: terminal)
            let selection = Self.drawn(.selection, theme: theme, colors: colors, on: terminal)
            #expect(Self.contrast(selection.background, text.background) >= 1.5 || theme.style(for: .selection, colors: colors).reverse,
                    "\(name), \(colors), \(terminal): the selected row looks like the others")
            let border = theme.style(for: .border, colors: colors)
            let focus = theme.style(for: .focusBorder, colors: colors)
            #expect(focus != border, "\(name), \(colors): the focused border looks like the others")
        }
    }

    @Test func greysBecomeBlackOrWhiteNotAHue() {
        #expect(ThemeColor.palette(243).degraded(toColors: 8) == .palette(0))
        #expect(ThemeColor.palette(250).degraded(toColors: 8) == .palette(7))
        #expect(ThemeColor.palette(240).degraded(toColors: 8) == .palette(0))
    }

    @Test func aUserThemeRoleBeatsTheBaseThemesEightColourForm() throws {
        let theme = try ThemeParser.parse("[colors]\nborder = \"red\"\n", name: "mine", base: .standard)
        #expect(theme.style(for: .border, colors: 8).foreground == .palette(1))
        #expect(theme.style(for: .muted, colors: 8) == Theme.standard.style(for: .muted, colors: 8))
        let own = try ThemeParser.parse("[colors-8]\nborder = \"green\"\n[colors]\nborder = \"red\"\n", name: "mine", base: .standard)
        #expect(own.style(for: .border, colors: 8).foreground == .palette(2))
        #expect(own.style(for: .border, colors: 256).foreground == .palette(1))
    }
}
