import CalltrailProviders

/// Lofty's error conventions on top of the standard statuses: PERMISSION_DENIED
/// (code 20017) arrives as HTTP 400 also for ids that do not exist; code 200058
/// (wrong auth scheme or credentials, HTTP 400) and 401 BAD_CREDENTIALS are most
/// often a key sent with the wrong `auth_scheme`; 403 code 200100 is an OAuth scope
/// the token lacks (a configuration error, not "no access"); 404 code 20006 is a
/// lead that does not exist or is outside the user's team (on the call list).
public struct LoftyErrorMapping: VendorErrorMapping {
    public static let permissionDeniedCode = "20017"
    public static let keySentAsBearerCode = "200058"
    public static let scopeMissingCode = "200100"
    public static let outsideTeamCode = "20006"
    static let callListPath = "/v1.0/communication/call"

    /// The scheme the token was sent with, to say which one to try instead.
    let scheme: LoftyAuthScheme?

    public init(scheme: LoftyAuthScheme? = nil) { self.scheme = scheme }

    public func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError {
        if body.code == Self.permissionDeniedCode || body.mentions("PERMISSION_DENIED") {
            return .noAccess(request.subject)
        }
        if body.code == Self.keySentAsBearerCode {
            return .unauthorized("Lofty refused the credentials (code 200058); \(schemeHint)")
        }
        if status == 401, body.mentions("BAD_CREDENTIALS") {
            return .unauthorized("Lofty refused the token (BAD_CREDENTIALS); check it, and \(schemeHint)")
        }
        if status == 403, body.code == Self.scopeMissingCode {
            return .configuration(
                "Lofty refused \(request.subject): the OAuth token lacks a scope this request needs (code 200100); "
                + "grant the app that scope in Lofty and get a new token")
        }
        // On the call list 20006 is a lead missing or outside the team; elsewhere (a call's
        // recording) it is simply not found.
        if status == 404, body.code == Self.outsideTeamCode, request.path == Self.callListPath {
            return .noAccess("\(request.subject) (it may be outside your team)")
        }
        return StandardErrorMapping().error(status: status, body: body, for: request, rateLimit: rateLimit)
    }

    /// Which `auth_scheme` fits which kind of token, and what was used.
    private var schemeHint: String {
        let used = scheme.map { " (it was sent with auth_scheme = \"\($0.rawValue)\")" } ?? ""
        return "a personal API key needs auth_scheme = \"token\", an OAuth access token auth_scheme = \"bearer\"\(used)"
    }
}
