import CalltrailModel
import CalltrailProviders

/// NectarDesk (cloud call centre on Plivo) as a `CallProvider`: contacts are the
/// leads, a contact's calls come from the list-calls endpoint paged by page
/// number, and one call by its integer id (wrapped as `{"calls": {…}}`). Every
/// path, parameter and limit not public lives in `NectarDeskAPI`, marked ASSUMED.
public struct NectarDeskProvider: CallProvider {
    public let descriptor: ProviderDescriptor
    let client: APIClient

    public init(client: APIClient, accountLabel: String? = nil) {
        self.client = client
        self.descriptor = ProviderDescriptor(
            name: "NectarDesk", accountLabel: accountLabel, outcomes: .open,
            defaultPageSize: NectarDeskAPI.defaultPageSize, maximumPageSize: NectarDeskAPI.maximumPageSize,
            leadIDs: NectarDeskAPI.contactIDs, callIDs: NectarDeskAPI.callIDs,
            offersRecordings: true)
    }

    /// A provider sending `Access-Token: <token>` to `baseURL`.
    public init(
        baseURL: String = NectarDeskAPI.defaultBaseURL, token: AccessToken, retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(20), transport: any HTTPTransport = AsyncHTTPTransport()
    ) throws(ProviderError) {
        self.init(client: try .vendor(
            baseURL: baseURL, token: token, missingToken: "no NectarDesk access token",
            header: NectarDeskAPI.tokenHeader, scheme: nil,
            errorMapping: NectarDeskErrorMapping(), retry: retry, requestTimeout: requestTimeout, transport: transport))
    }

    public func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        try await NectarDeskAPI.paging.contacts(
            client, path: NectarDeskAPI.contactsPath, searchParameter: NectarDeskAPI.contactSearchParameter, matching: query,
            after: cursor, limit: limit,
            list: { body in try NectarDeskMapping.contactsListBody(VendorJSON.parse(body, what: "NectarDesk's contact list")) },
            lead: { value in try NectarDeskMapping.lead(from: value) })
    }

    public func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        try descriptor.check(lead)
        return try await NectarDeskAPI.paging.calls(
            client, path: NectarDeskAPI.callsPath, contactParameter: NectarDeskAPI.contactFilterParameter, forLead: lead,
            after: cursor, limit: limit,
            list: { body in try NectarDeskMapping.callsListBody(VendorJSON.parse(body, what: "NectarDesk's call list")) },
            call: { value in try NectarDeskMapping.call(from: value) })
    }

    public func call(id: CallID) async throws -> Call {
        try descriptor.check(id)
        let request = APIRequest(path: NectarDeskAPI.callPath(id.rawValue), subject: "call \(id.rawValue)")
        return try await client.send(request) { body in
            try NectarDeskMapping.wrappedCall(from: VendorJSON.parse(body, what: "NectarDesk's call \(id.rawValue)"))
        }
    }

    /// Calls carry their recordings (`recordings[].url`): the call's first one, read afresh.
    public func recording(forCall id: CallID) async throws -> RecordingLink? {
        try NectarDeskMapping.recordingLink(of: try await call(id: id))
    }
}

/// NectarDesk's error bodies are not public: the standard meanings, with a
/// plain reason when a 401 says nothing.
struct NectarDeskErrorMapping: VendorErrorMapping {
    func error(status: Int, body: VendorErrorBody, for request: APIRequest, rateLimit: RateLimitHeaders) -> ProviderError {
        if status == 401 {
            return .unauthorized(body.message.isEmpty ? "NectarDesk refused the access token (HTTP 401)" : body.message)
        }
        return StandardErrorMapping().error(status: status, body: body, for: request, rateLimit: rateLimit)
    }
}
