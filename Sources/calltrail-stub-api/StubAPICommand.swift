import ArgumentParser
import CalltrailStubAPI
import Foundation

/// `calltrail-stub-api`: the stand-in vendor APIs on 127.0.0.1, for tests and demos.
@main
struct StubAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calltrail-stub-api",
        abstract: "A local stand-in of the vendors' APIs (Lofty; Skipcall under /skipcall/v1; NectarDesk under /nectardesk/v1) with request log and fault injection.",
        discussion: """
            Prints "listening on 127.0.0.1:PORT" as its first line. Request log: GET /_stub/requests \
            (DELETE to clear); faults at runtime: POST /_stub/faults {"seed":N,"rules":[…]}; POST /_stub/reset.
            """)

    @Option(help: "Port to bind on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "The access token clients must send (default: $CALLTRAIL_STUB_TOKEN, else \"stub-token\").")
    var token: String?

    @Option(name: .customLong("fault"), help: ArgumentHelp(
        "Inject faults: KIND[,KIND…]@fraction=F|@requests=N,N…[@path=P][@retry-after=S][@delay-ms=MS]; KIND is 500, 503, 429, slow, truncate. Repeatable.",
        valueName: "spec"))
    var faults: [String] = []

    @Option(help: "Seed that shifts where fraction-selected faults fall.")
    var seed: UInt64 = 0

    @Flag(help: "Lofty: return the record named by currentId again at the top of the next page.")
    var loftyInclusiveCursor = false

    @Flag(help: "Lofty: ignore currentId (clients must fall back to offset paging).")
    var loftyIgnoreCursor = false

    @Flag(help: "Lofty: add lead 100061, whose newest call has a 30,000-character note and a 10 MiB field.")
    var loftyHugeValues = false

    func run() async throws {
        var rules: [FaultRule] = []
        for spec in faults {
            do {
                rules.append(try FaultRule(spec: spec))
            } catch {
                throw ValidationError("--fault \(spec): \(error)")
            }
        }
        let token = self.token ?? ProcessInfo.processInfo.environment["CALLTRAIL_STUB_TOKEN"] ?? "stub-token"
        let lofty = LoftyStubRoutes(token: token, data: LoftyStubData(hugeValues: loftyHugeValues), options: .init(
            inclusiveCursor: loftyInclusiveCursor, ignoreCursor: loftyIgnoreCursor))
        let vendors: [any StubVendorRoutes] = [lofty, SkipcallStubRoutes(token: token), NectarDeskStubRoutes(token: token)]
        let state = StubState(vendors: vendors, faults: FaultPlan(rules: rules, seed: seed))
        let server = try await StubServer.start(port: port, state: state)
        // Unbuffered, so a parent reading the first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on 127.0.0.1:\(server.port)\n".utf8))
        // Serve until killed.
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3_600))
        }
    }
}
