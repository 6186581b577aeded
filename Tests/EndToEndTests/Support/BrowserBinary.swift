import Foundation

/// The built `calltrail` executable next to the test bundle (swift build puts
/// products and the test runner in the same directory).
enum BrowserBinary {
    static var path: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var directory = runner.deletingLastPathComponent()
        // The runner may live inside an .xctest bundle directory.
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        let candidate = directory.appendingPathComponent("calltrail").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/calltrail").path
    }
}
