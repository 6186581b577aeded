import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@testable import CalltrailStubAPI

@Suite struct FaultPlanTests {
    @Test func parsesTheCommandLineForm() throws {
        let rule = try FaultRule(spec: "500,503,429,truncate@fraction=0.2@path=/v1.0/communication/call@retry-after=2")
        #expect(rule.kinds == [.status500, .status503, .rateLimited, .truncate])
        #expect(rule.fraction == 0.2 && rule.path == "/v1.0/communication/call" && rule.retryAfter == 2)
        #expect(try FaultRule(spec: "slow@requests=3,7@delay-ms=10").requests == [3, 7])
        for bad in ["", "404@fraction=0.1", "500", "500@fraction=2", "500@requests=x", "500@colour=red"] {
            #expect(throws: FaultSpecError.self) { try FaultRule(spec: bad) }
        }
    }

    @Test func aFractionIsAnEvenDeterministicSpreadAndKindsRotate() {
        let plan = FaultPlan(rules: [FaultRule(kinds: [.status500, .rateLimited], path: "/a", fraction: 0.2)], seed: 3)
        func run() -> [String?] {
            var injector = FaultInjector(plan: plan)
            return (1...100).map { n in injector.fault(forRequest: n, path: n % 2 == 0 ? "/a/x" : "/b")?.kind.rawValue }
        }
        let first = run()
        #expect(first == run())
        #expect(first.compactMap { $0 }.count == 10, "a fifth of the 50 matching requests")
        #expect(first.compactMap { $0 }.prefix(4) == ["500", "429", "500", "429"])
        #expect(first.enumerated().allSatisfy { $0.element == nil || ($0.offset + 1) % 2 == 0 })
    }

    @Test func runtimeFaultsAndTheLogOverHTTP() async throws {
        let state = StubState(vendors: [LoftyStubRoutes(token: "t0ken")])
        try await StubServer.running(state) { server in try await exercise(server, state) }
    }

    func exercise(_ server: StubServer, _ state: StubState) async throws {
        let body = #"{"seed":0,"rules":[{"kinds":["503"],"requests":[1]}]}"#
        var post = URLRequest(url: try #require(URL(string: server.baseURL + "/_stub/faults")))
        post.httpMethod = "POST"
        post.httpBody = Data(body.utf8)
        _ = try await URLSession.shared.data(for: post)
        var get = URLRequest(url: try #require(URL(string: server.baseURL + "/v1.0/leads?limit=1")))
        get.setValue("token t0ken", forHTTPHeaderField: "Authorization")
        let (_, first) = try await URLSession.shared.data(for: get)
        let (_, second) = try await URLSession.shared.data(for: get)
        #expect((first as? HTTPURLResponse)?.statusCode == 503)
        #expect((second as? HTTPURLResponse)?.statusCode == 200)
        #expect(state.requests.map(\.fault) == ["503", nil])
        #expect(state.requests.map(\.query) == ["limit=1", "limit=1"])
    }
}
