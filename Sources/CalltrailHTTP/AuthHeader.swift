/// How a vendor wants the token sent: a header name and an optional scheme word,
/// e.g. `Authorization: Bearer <t>`, `Authorization: token <t>`, `Access-Token: <t>`.
public struct AuthHeader: Sendable, Hashable {
    public var name: String
    /// "Bearer", "token", or nil for the bare token.
    public var scheme: String?
    public var token: AccessToken

    public init(name: String = "Authorization", scheme: String?, token: AccessToken) {
        self.name = name
        self.scheme = scheme
        self.token = token
    }

    /// The header's value. Only the transport reads this.
    var value: String {
        if let scheme { return "\(scheme) \(token.secret)" }
        return token.secret
    }
}
