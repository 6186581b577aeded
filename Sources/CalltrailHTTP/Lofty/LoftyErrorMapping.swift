import CalltrailProviders

/// Lofty's error conventions on top of the standard statuses: PERMISSION_DENIED
/// (code 20017) arrives as HTTP 400 also for ids that do not exist; an API key
/// sent as Bearer is HTTP 400 code 200058; a missing lead is 404 code 20006.
public struct LoftyErrorMapping: VendorErrorMapping {
    public static let permissionDeniedCode = "20017"
    public static let keySentAsBearerCode = "200058"

    public init() {}

    public func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError {
        if body.code == Self.permissionDeniedCode || body.mentions("PERMISSION_DENIED") {
            return .noAccess(request.subject)
        }
        if body.code == Self.keySentAsBearerCode {
            return .unauthorized("Lofty refused the key as a Bearer token; set auth_scheme = \"token\" for API keys")
        }
        return StandardErrorMapping().error(status: status, body: body, for: request, rateLimit: rateLimit)
    }
}
