import CalltrailProviders

extension APIClient {
    /// The client a vendor adapter is built on, after refusing what no request
    /// could fix: an empty token (`missingToken` names it, e.g. "no Lofty token")
    /// and a base URL `EndpointPolicy` does not allow.
    static func vendor(
        baseURL: String, token: AccessToken, missingToken: String, header: String = "Authorization", scheme: String?,
        errorMapping: any VendorErrorMapping, retry: RetryPolicy, requestTimeout: Duration, transport: any HTTPTransport
    ) throws(ProviderError) -> APIClient {
        guard !token.isEmpty else {
            throw .unauthorized("\(missingToken): set CALLTRAIL_TOKEN or token/token_command in the config file")
        }
        // A header cannot carry it, and the HTTP client's refusal would quote it.
        guard token.isHeaderSafe else {
            throw .unauthorized(
                "the token has a space, a control character or a non-ASCII character; check CALLTRAIL_TOKEN or the config file")
        }
        return APIClient(
            baseURL: try EndpointPolicy.validatedBaseURL(baseURL),
            auth: AuthHeader(name: header, scheme: scheme, token: token),
            errorMapping: errorMapping, retry: retry, requestTimeout: requestTimeout, transport: transport)
    }
}
