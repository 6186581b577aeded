// swift-tools-version:6.2
import PackageDescription

// Layers depend downward only:
// CalltrailModel → CalltrailProviders (contract + demo) → CalltrailHTTP (vendor adapters)
//                → CalltrailViewModel → CalltrailTerminal (+ CNcursesw) → calltrail
// The modules every key runs through (model, view-model, terminal front end): their
// release builds skip the runtime's exclusivity checks. Each access to a class's
// stored property otherwise calls into the runtime, which looks up thread-local
// state — about a hundred calls a key, and 5–7% of a key's CPU time measured from
// outside. The compiler still checks exclusivity statically, and debug builds
// (the tests) keep the runtime checks.
let keyLoopSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "calltrail",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "calltrail", targets: ["calltrail"]),
        .executable(name: "calltrail-stub-api", targets: ["calltrail-stub-api"]),
        .executable(name: "calltrail-bench", targets: ["calltrail-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already under async-http-client; named so TLS failures can be explained.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Leads, calls, outcomes, cursors. No I/O.
        .target(name: "CalltrailModel", swiftSettings: keyLoopSettings),
        // The provider contract, typed errors, and the demo provider (no network).
        .target(name: "CalltrailProviders", dependencies: ["CalltrailModel"]),
        // Vendor adapters over HTTP, on async-http-client.
        .target(
            name: "CalltrailHTTP",
            dependencies: [
                "CalltrailModel", "CalltrailProviders",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // All browsing state and behaviour; never imports curses.
        .target(name: "CalltrailViewModel", dependencies: ["CalltrailModel", "CalltrailProviders"], swiftSettings: keyLoopSettings),
        // ncursesw, reached only by the terminal front end.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Async-signal-safe terminal restore for SIGTERM/SIGHUP/SIGINT and fatal signals,
        // the resize wake pipe, and the main queue's hooks for the main thread's own loop.
        .target(name: "CTerminalRestore", linkerSettings: [.linkedLibrary("dispatch", .when(platforms: [.linux]))]),
        .target(name: "CalltrailTerminal", dependencies: ["CalltrailViewModel", "CNcursesw", "CTerminalRestore"], swiftSettings: keyLoopSettings),
        .executableTarget(
            name: "calltrail",
            dependencies: [
                "CalltrailModel", "CalltrailProviders", "CalltrailHTTP", "CalltrailViewModel", "CalltrailTerminal", "CTerminalRestore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A local stand-in of the vendors' APIs with fault injection, for tests and demos:
        // the server in a library (tests run it in-process), a thin executable around it.
        .target(
            name: "CalltrailStubAPI",
            dependencies: [
                "CalltrailModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "calltrail-stub-api",
            dependencies: [
                "CalltrailModel", "CalltrailStubAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Prints numbers for the budgets in product.md; not a test.
        .executableTarget(
            name: "calltrail-bench",
            dependencies: ["CalltrailModel", "CalltrailProviders", "CalltrailViewModel", "CalltrailTerminal"]
        ),
        .testTarget(name: "CalltrailModelTests", dependencies: ["CalltrailModel"]),
        .testTarget(name: "CalltrailProvidersTests", dependencies: ["CalltrailModel", "CalltrailProviders"]),
        .testTarget(
            name: "CalltrailHTTPTests",
            dependencies: [
                "CalltrailModel", "CalltrailProviders", "CalltrailHTTP", "CalltrailStubAPI", "CalltrailViewModel",
                // The fuzz test draws frames and runs the commands' formatters.
                "CalltrailTerminal", "calltrail",
            ]
        ),
        .testTarget(name: "CalltrailViewModelTests", dependencies: ["CalltrailModel", "CalltrailProviders", "CalltrailViewModel"]),
        // Every module the tests import, named: one reached only through another is not
        // rebuilt when it changes (stale objects: undefined symbols, or a crash on a changed layout).
        .testTarget(
            name: "CalltrailTerminalTests",
            dependencies: ["CalltrailModel", "CalltrailProviders", "CalltrailViewModel", "CalltrailTerminal"]
        ),
        // Runs the built binaries: commands against the stand-in API, and the screen in tmux.
        // Depends on the executables so a plain `swift test` rebuilds the binaries it runs.
        .testTarget(name: "EndToEndTests", dependencies: ["CalltrailModel", "calltrail", "calltrail-stub-api"]),
    ],
    swiftLanguageModes: [.v6]
)
