import CalltrailModel
import CalltrailProviders

/// Skipcall (sequence dialer) as a `CallProvider`: contacts are the leads, a
/// contact's calls come from the list-calls endpoint paged by page number, and
/// one call by its uuid. Paths, parameters and limits live in `SkipcallAPI`.
public struct SkipcallProvider: CallProvider {
    public let descriptor: ProviderDescriptor
    let client: APIClient

    public init(client: APIClient, accountLabel: String? = nil) {
        self.client = client
        self.descriptor = ProviderDescriptor(
            name: "Skipcall", accountLabel: accountLabel, outcomes: .open,
            defaultPageSize: SkipcallAPI.defaultPageSize, maximumPageSize: SkipcallAPI.maximumPageSize,
            leadIDs: SkipcallAPI.contactIDs, callIDs: SkipcallAPI.callIDs)
    }

    /// A provider sending `Authorization: Bearer <key>` to `baseURL`.
    public init(
        baseURL: String = SkipcallAPI.defaultBaseURL, token: AccessToken, retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(20), transport: any HTTPTransport = AsyncHTTPTransport()
    ) throws(ProviderError) {
        self.init(client: try .vendor(
            baseURL: baseURL, token: token, missingToken: "no Skipcall API key",
            header: SkipcallAPI.authorizationHeader, scheme: SkipcallAPI.bearerScheme,
            errorMapping: SkipcallErrorMapping(), retry: retry, requestTimeout: requestTimeout, transport: transport))
    }

    public func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        try await SkipcallAPI.paging.contacts(
            client, path: SkipcallAPI.contactsPath, searchParameter: SkipcallAPI.contactSearchParameter, matching: query,
            after: cursor, limit: limit,
            list: { body in try SkipcallMapping.listBody(VendorJSON.parse(body, what: "Skipcall's contact list"), what: "Skipcall's contact list") },
            lead: { value in try SkipcallMapping.lead(from: value) })
    }

    public func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        try descriptor.check(lead)
        return try await SkipcallAPI.paging.calls(
            client, path: SkipcallAPI.callsPath, contactParameter: SkipcallAPI.contactFilterParameter, forLead: lead,
            after: cursor, limit: limit,
            list: { body in try SkipcallMapping.listBody(VendorJSON.parse(body, what: "Skipcall's call list"), what: "Skipcall's call list") },
            call: { value in try SkipcallMapping.call(from: value) })
    }

    public func call(id: CallID) async throws -> Call {
        try descriptor.check(id)
        let request = APIRequest(path: SkipcallAPI.callPath(APIRequest.pathSegment(id.rawValue)), subject: "call \(id.rawValue)")
        return try await client.send(request) { body in
            try SkipcallMapping.call(from: VendorJSON.parse(body, what: "Skipcall's call \(id.rawValue)"))
        }
    }

}

/// Skipcall's errors: 401 `API_KEY_INVALID`, 403 for plans without API access,
/// 404 for anything missing or outside the key's workspaces (indistinguishable).
struct SkipcallErrorMapping: VendorErrorMapping {
    func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError {
        switch status {
        case 401:
            return .unauthorized(body.mentions(SkipcallAPI.invalidKeyCode)
                ? "Skipcall refused the API key (API_KEY_INVALID); keys look like sk_live_… or sk_test_…"
                : "Skipcall refused the API key (HTTP 401)")
        case 403:
            let code = body.code.map { " (\($0))" } ?? ""
            return .unauthorized("this Skipcall plan or subscription does not allow API access\(code)")
        case 404:
            return .noAccess(request.subject)
        default:
            return StandardErrorMapping().error(status: status, body: body, for: request, rateLimit: rateLimit)
        }
    }
}
