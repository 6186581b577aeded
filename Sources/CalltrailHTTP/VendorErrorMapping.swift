import CalltrailProviders

/// Turns a failed HTTP response into a `ProviderError`. Each vendor supplies its
/// own (Lofty's PERMISSION_DENIED arrives as HTTP 400); unknown cases fall back
/// to `StandardErrorMapping`.
public protocol VendorErrorMapping: Sendable {
    func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError
}

/// The meaning of HTTP statuses when a vendor says nothing more specific.
public struct StandardErrorMapping: VendorErrorMapping {
    public init() {}

    public func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError {
        switch status {
        case 401: return .unauthorized("the provider refused the token (HTTP 401)")
        case 403: return .noAccess(request.subject)
        case 404: return .notFound(request.subject)
        case 429: return .rateLimited(retryAfter: rateLimit.retryAfter)
        case 500...599: return .server(status: status, message: body.message)
        default: return .badRequest(status: status, message: body.message)
        }
    }
}
