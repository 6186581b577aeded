import CalltrailProviders

/// Everything calltrail knows or assumes about Skipcall's public API, in one
/// place, so a fact learned later changes one line.
///
/// Confirmed (docs.skipcall.app/api-reference, OpenAPI at
/// https://api-public.skipcall.app/docs-json): base URL, `GET /v1/calls/{id}`,
/// `GET /v1/calls` ("a paginated list of calls scoped to the workspaces accessible
/// by the API key", narrowed by `workspaceIds`), `GET /v1/contacts/{id}`,
/// `Authorization: Bearer sk_live_…|sk_test_…`, 404 for anything outside the
/// key's workspaces, 401 `{"code":"API_KEY_INVALID"}`, 403 `SUBSCRIPTION_REQUIRED`
/// / `PLAN_NOT_ELIGIBLE`, 429 with `X-RateLimit-*` headers (100 or 1000/min).
///
/// Assumed (not in the public pages we found): the names marked ASSUMED below.
public enum SkipcallAPI {
    /// Confirmed.
    public static let defaultBaseURL = "https://api-public.skipcall.app/v1"
    /// Confirmed: `Authorization: Bearer <key>`.
    public static let authorizationHeader = "Authorization"
    public static let bearerScheme = "Bearer"
    /// Confirmed key shapes; other tokens are sent anyway (the server decides).
    public static let keyPrefixes = ["sk_live_", "sk_test_"]

    /// Confirmed paths, relative to the base URL.
    public static func callPath(_ id: String) -> String { "/calls/\(id)" }
    public static let callsPath = "/calls"
    public static func contactPath(_ id: String) -> String { "/contacts/\(id)" }
    /// ASSUMED: contacts are listed at `GET /v1/contacts` (only create/get are documented).
    public static let contactsPath = "/contacts"
    /// Confirmed: call ids are uuids; anything else is refused before a request.
    public static let callIDs = IDShape.uuid
    /// A contact (lead) is named by its uuid too.
    public static let contactIDs = IDShape.uuid

    /// ASSUMED: the list-calls filter for one contact.
    public static let contactFilterParameter = "contactId"
    /// ASSUMED: free-text contact search parameter.
    public static let contactSearchParameter = "search"
    /// ASSUMED (providers.md, "unconfirmed"): 0-based `page` and `size` 1…100.
    public static let pageParameter = "page"
    public static let sizeParameter = "size"
    public static let firstPage = 0
    public static let maximumPageSize = 100
    public static let defaultPageSize = 50

    /// ASSUMED: where a list response keeps its items; the first key present wins,
    /// and a bare JSON array is accepted too.
    public static let listItemKeys = ["data", "items", "calls", "contacts", "content", "results"]
    /// ASSUMED: paging metadata, when sent: an object under one of these keys with
    /// `total` / `totalPages` / `hasMore`. Without it a full page means "more".
    public static let pagingMetadataKeys = ["meta", "pagination", "page"]

    /// Confirmed error codes in the body's `code`.
    public static let invalidKeyCode = "API_KEY_INVALID"

    static let paging = PageNumberPaging(
        pageParameter: pageParameter, sizeParameter: sizeParameter, firstPage: firstPage, maximumPageSize: maximumPageSize)
}
