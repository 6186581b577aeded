/// How a Lofty token is sent: OAuth access tokens as `Bearer`, personal API keys
/// as `token` (a key sent as Bearer is refused with HTTP 400, code 200058).
public enum LoftyAuthScheme: String, Sendable, CaseIterable {
    case bearer
    case token

    /// The word before the token in the Authorization header.
    public var headerScheme: String {
        switch self {
        case .bearer: return "Bearer"
        case .token: return "token"
        }
    }

    /// Accepts "bearer"/"Bearer"/"oauth" and "token"/"api_key"/"key".
    public init?(configValue: String) {
        switch configValue.lowercased() {
        case "bearer", "oauth": self = .bearer
        case "token", "api_key", "api-key", "key": self = .token
        default: return nil
        }
    }
}
