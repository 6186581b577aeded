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
        "Inject faults: KIND[,KIND…]@fraction=F|@requests=N,N…[@path=P][@retry-after=S][@delay-ms=MS]; KIND is 500, 503, 429, slow, truncate, stall (half the body, then silence), trickle (a byte every delay-ms for ever). Repeatable.",
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

    @Flag(help: "Lofty: ignore offset too (with --lofty-ignore-cursor: the same page for ever).")
    var loftyIgnoreOffset = false

    @Option(help: "Lofty: from the third page on, send the second page again (A-B-B) or the first (A-B-A).")
    var loftyLoop: String?

    @Option(help: "Lofty: start each page after the first this many calls early (overlapping pages).")
    var loftyOverlap: Int = 0

    @Option(help: "Lofty: send at most this many calls per page, whatever limit asks.")
    var loftyLimitCap: Int?

    @Flag(help: "Lofty: after a currentId, send the newer calls, ids going up.")
    var loftyIdsGoUp = false

    @Flag(help: "Lofty: the lead list ignores offset and sends no total.")
    var loftyLeadsIgnoreOffset = false

    @Option(help: "Lofty: refuse a token sent with the other scheme (Bearer or token) with code 200058.")
    var loftyRequireScheme: String?

    @Flag(help: "Lofty: answer call lists 403 code 200100 (OAuth scope missing).")
    var loftyScopeMissing = false

    @Flag(help: "Lofty: name the lead list's metadata get_metadata (the spec's key).")
    var loftyGetMetadata = false

    @Flag(help: "Lofty: a lead's first call page holds hostile records (every time format, an id as a string, 1e400, a key sent twice, year 0000).")
    var loftyHostileRecords = false

    @Option(help: "Lofty: the body of a call page with no calls, e.g. '{}' or '{\"calls\": null}'.")
    var loftyEmptyPageBody: String?

    @Flag(help: "Skipcall and NectarDesk: ignore the page parameter (every page is the first).")
    var pagedIgnorePage = false

    @Flag(help: "Skipcall and NectarDesk: ignore the contact filter on the call list (every contact's calls).")
    var pagedIgnoreContactFilter = false
    @Option(help: "Lofty: a second token to accept, whose user may not use the team view of recent calls.")
    var loftyAgentToken: String?

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
        var options = LoftyStubRoutes.Options(inclusiveCursor: loftyInclusiveCursor, ignoreCursor: loftyIgnoreCursor)
        options.ignoreOffset = loftyIgnoreOffset
        if let loftyLoop {
            guard let loop = LoftyStubRoutes.PagingLoop(rawValue: loftyLoop) else {
                throw ValidationError("--lofty-loop takes A-B-B or A-B-A")
            }
            options.loop = loop
        }
        options.overlap = max(0, loftyOverlap)
        options.limitCap = loftyLimitCap
        options.idsGoUpAfterCursor = loftyIdsGoUp
        options.leadsIgnoreOffset = loftyLeadsIgnoreOffset
        options.requiredScheme = loftyRequireScheme
        options.scopeMissing = loftyScopeMissing
        options.specMetadataKey = loftyGetMetadata
        options.hostileRecords = loftyHostileRecords
        options.emptyPageBody = loftyEmptyPageBody
        options.agentToken = loftyAgentToken
        let lofty = LoftyStubRoutes(token: token, data: LoftyStubData(hugeValues: loftyHugeValues), options: options)
        let paged = PagedVendorFaults(ignorePage: pagedIgnorePage, ignoreContactFilter: pagedIgnoreContactFilter)
        let vendors: [any StubVendorRoutes] = [
            lofty, SkipcallStubRoutes(token: token, faults: paged), NectarDeskStubRoutes(token: token, faults: paged),
        ]
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
