import Foundation

// calltrail-bench: prints the numbers behind the budgets in design/product.md.
// Usage: calltrail-bench [GROUP…]   (no group: all of them, in order)
// Build it in release: swift build -c release --product calltrail-bench

/// Each group prints its own lines. Add a group here and in its own file.
let benchmarkGroups: [(name: String, run: @MainActor () async -> Void)] = [
    ("viewmodel", ViewModelBenchmarks.run),
    ("terminal", TerminalBenchmarks.run),
]

let requested = Array(CommandLine.arguments.dropFirst())
let unknown = requested.filter { name in !benchmarkGroups.contains { $0.name == name } }
if !unknown.isEmpty {
    print("unknown benchmark group: \(unknown.joined(separator: ", ")); known: \(benchmarkGroups.map(\.name).joined(separator: ", "))")
    exit(2)
}
for group in benchmarkGroups where requested.isEmpty || requested.contains(group.name) {
    print("== \(group.name)")
    await group.run()
}
