/// Colours and emphasis for one semantic role.
public struct ThemeStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// A named set of styles, one per `ThemeRole`, with an optional form for
/// terminals with fewer than 256 colours.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: ThemeStyle]
    /// The `[colors-8]` table: replaces the roles it names below 256 colours.
    public var basicStyles: [ThemeRole: ThemeStyle]

    public init(name: String, styles: [ThemeRole: ThemeStyle], basicStyles: [ThemeRole: ThemeStyle] = [:]) {
        self.name = name
        self.styles = styles
        self.basicStyles = basicStyles
    }

    public func style(for role: ThemeRole) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }

    /// The style of `role` as drawn on a terminal with `colors` colours (0 when
    /// colour is off: NO_COLOR or a colourless terminal, which draw the monochrome
    /// theme), every colour one the terminal has.
    public func style(for role: ThemeRole, colors: Int) -> ThemeStyle {
        if colors <= 0 { return Theme.monochrome.style(for: role) }
        if colors >= 256 { return style(for: role) }
        var style = basicStyles[role] ?? style(for: role)
        let available = colors >= 16 ? 16 : 8
        style.foreground = style.foreground.degraded(toColors: available)
        style.background = style.background.degraded(toColors: available)
        return style
    }

    /// The built-in dark theme, always valid: what every failure falls back to.
    public static var standard: Theme {
        // The embedded file is tested to parse; the empty theme is a last resort only.
        (try? ThemeParser.parse(BuiltinThemes.source(named: "default") ?? "", name: "default"))
            ?? Theme(name: "default", styles: [:])
    }

    /// The built-in monochrome theme: what NO_COLOR and colourless terminals use,
    /// so the selection still shows as reverse video and bold.
    public static var monochrome: Theme {
        (try? ThemeParser.parse(BuiltinThemes.source(named: "monochrome") ?? "", name: "monochrome"))
            ?? Theme(name: "monochrome", styles: [.selection: ThemeStyle(bold: true, reverse: true)])
    }
}
