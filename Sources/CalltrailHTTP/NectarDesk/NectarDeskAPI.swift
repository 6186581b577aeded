import CalltrailProviders

/// Everything calltrail knows or assumes about NectarDesk's API, in one place,
/// so a fact learned later changes one line.
///
/// Known (providers.md, from the vendor's public get-call page): `GET /calls/{id}`
/// with header `Access-Token: <token>`, the reply wrapping one call as
/// `{"calls": {…}}`, int ids, unix `started_at`, phone numbers without "+".
///
/// Searched for and not found (docs, pages, code and issues corpora, Nov 2026):
/// the base URL, a list endpoint, its paging, contact filters, the contacts
/// endpoint, error bodies and rate limits. Everything marked ASSUMED below is
/// our choice, made to look like the get-call page (snake_case, plural keys).
public enum NectarDeskAPI {
    /// ASSUMED base URL; set `--base-url` for the account's real host.
    public static let defaultBaseURL = "https://api.nectardesk.com/v1"
    /// Known.
    public static let tokenHeader = "Access-Token"

    /// Known path, relative to the base URL.
    public static func callPath(_ id: String) -> String { "/calls/\(id)" }
    /// ASSUMED: calls are listed at `GET /calls`.
    public static let callsPath = "/calls"
    /// ASSUMED: contacts are listed at `GET /contacts`.
    public static let contactsPath = "/contacts"

    /// Known: call ids are integers; anything else is refused before a request.
    public static let callIDs = IDShape.wholeNumber
    /// Contact ids come as integers in every call seen (`contact.id`).
    public static let contactIDs = IDShape.wholeNumber

    /// ASSUMED: the list-calls filter for one contact.
    public static let contactFilterParameter = "contact_id"
    /// ASSUMED: free-text contact search parameter.
    public static let contactSearchParameter = "search"
    /// ASSUMED: 1-based `page` with `per_page` up to 100.
    public static let pageParameter = "page"
    public static let sizeParameter = "per_page"
    public static let firstPage = 1
    public static let maximumPageSize = 100
    public static let defaultPageSize = 50

    /// Known: one call comes wrapped under this key. ASSUMED: lists use it too.
    public static let callsKey = "calls"
    /// ASSUMED: where a contacts list keeps its items.
    public static let contactsKey = "contacts"
    /// ASSUMED: paging metadata, when sent (`total`, `has_more`).
    public static let pagingMetadataKeys = ["meta", "pagination"]

    static let paging = PageNumberPaging(
        pageParameter: pageParameter, sizeParameter: sizeParameter, firstPage: firstPage, maximumPageSize: maximumPageSize)
}
