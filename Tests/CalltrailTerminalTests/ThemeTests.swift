import Foundation
import Testing

@testable import CalltrailTerminal

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test(arguments: BuiltinThemes.names)
    func embeddedThemeEqualsItsFile(name: String) throws {
        let file = try String(contentsOf: Self.themesDirectory.appendingPathComponent("\(name).toml"), encoding: .utf8)
        #expect(BuiltinThemes.source(named: name).map { $0 + "\n" } == file, "run scripts/embed-themes.sh")
    }

    @Test func everyThemeFileIsEmbedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(BuiltinThemes.names))
    }

    @Test(arguments: BuiltinThemes.names)
    func builtInThemeNamesEveryRole(name: String) throws {
        let theme = try ThemeParser.parse(BuiltinThemes.source(named: name) ?? "", name: name)
        for role in ThemeRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role.rawValue)") }
    }

    @Test func monochromeSelectionIsReverseAndBold() {
        let style = Theme.monochrome.style(for: .selection)
        #expect(style.reverse && style.bold)
        #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
    }

    @Test func parsesColoursAndEmphasis() throws {
        let theme = try ThemeParser.parse(
            "# comment\n[colors]\nselection = \"black on 75 bold\" # trailing\nborder = \"bright-blue underline\"\n",
            name: "t")
        #expect(theme.style(for: .selection) == ThemeStyle(foreground: .palette(0), background: .palette(75), bold: true))
        #expect(theme.style(for: .border) == ThemeStyle(foreground: .palette(12), underline: true))
    }

    @Test func badKeyIsNamed() {
        #expect(throws: ThemeError(message: "line 3: unknown key 'bordr'")) {
            try ThemeParser.parse("[colors]\ntext = \"default\"\nbordr = \"red\"\n", name: "t")
        }
    }

    @Test func badColourIsNamed() {
        #expect(throws: ThemeError(message: "line 2: 'border' has unknown colour 'purple'")) {
            try ThemeParser.parse("[colors]\nborder = \"purple\"\n", name: "t")
        }
        #expect(throws: ThemeError(message: "line 2: 'border' has unknown colour '256'")) {
            try ThemeParser.parse("[colors]\nborder = \"256\"\n", name: "t")
        }
    }

    @Test func badThemeFileFallsBackToDefaultWithAMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltrail-theme-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("calltrail/themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "[colors]\nfocus-bordr = \"red\"\n".write(
            to: directory.appendingPathComponent("calltrail/themes/broken.toml"), atomically: true, encoding: .utf8)
        try "[colors]\nborder = \"red\"\n".write(
            to: directory.appendingPathComponent("calltrail/themes/mine.toml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": directory.path]

        let broken = ThemeCatalog.resolve("broken", environment: environment)
        #expect(broken.theme == Theme.standard)
        #expect(broken.warning?.contains("'focus-bordr'") == true)

        let mine = ThemeCatalog.resolve("mine", environment: environment)
        #expect(mine.warning == nil)
        #expect(mine.theme.style(for: .border).foreground == .palette(1))
        // Roles the file leaves out come from the default theme.
        #expect(mine.theme.style(for: .selection) == Theme.standard.style(for: .selection))

        let byPath = ThemeCatalog.resolve(directory.appendingPathComponent("calltrail/themes/mine.toml").path, environment: [:])
        #expect(byPath.warning == nil && byPath.theme.style(for: .border).foreground == .palette(1))

        let missing = ThemeCatalog.resolve("nosuch", environment: environment)
        #expect(missing.theme == Theme.standard)
        #expect(missing.warning?.contains("'nosuch'") == true)

        #expect(ThemeCatalog.resolve("light", environment: [:]).theme.name == "light")
    }

    @Test func paletteColoursDegradeToTheNearestBasicColour() {
        #expect(ThemeColor.palette(196).degraded(toColors: 8) == .palette(1))  // bright red → red
        #expect(ThemeColor.palette(46).degraded(toColors: 8) == .palette(2))  // green
        #expect(ThemeColor.palette(12).degraded(toColors: 8) == .palette(4))  // bright blue → blue
        #expect(ThemeColor.palette(255).degraded(toColors: 8) == .palette(7))  // near white
        #expect(ThemeColor.palette(75).degraded(toColors: 256) == .palette(75))
        #expect(ThemeColor.terminalDefault.degraded(toColors: 8) == .terminalDefault)
    }

    @Test func noColorNeedsANonEmptyValue() {
        #expect(ThemeCatalog.colorDisabled(environment: ["NO_COLOR": "1"]))
        #expect(!ThemeCatalog.colorDisabled(environment: ["NO_COLOR": ""]))
        #expect(!ThemeCatalog.colorDisabled(environment: [:]))
    }
}
