import Testing
@testable import CalltrailProviders

@Suite struct ProviderErrorTests {
    @Test func permissionDeniedReadsAsNoAccess() {
        #expect(ProviderError.noAccess("this call").message == "no access to this call or it does not exist")
        #expect(!ProviderError.noAccess("x").isRetryable)
        #expect(ProviderError.server(status: 503, message: "").isRetryable)
    }
}
