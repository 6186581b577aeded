import CalltrailStubAPI

extension StubServer {
    /// Runs `body` against a stand-in serving `state` on a free port, and shuts the
    /// server down whether or not `body` throws.
    static func running(_ state: StubState, _ body: (StubServer) async throws -> Void) async throws {
        let server = try await start(port: 0, state: state)
        do {
            try await body(server)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }
}
