/// A secret that authenticates requests. It prints as a mask everywhere
/// (`description`, `debugDescription`, string interpolation, dumps) so it cannot
/// leak into a message, a log or an error by accident; only `AuthHeader` reads it.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var isEmpty: Bool { secret.isEmpty }

    /// Only visible ASCII: what an `Authorization` header value can carry after its scheme.
    public var isHeaderSafe: Bool { secret.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) } }
    public var description: String { "•••" }
    public var debugDescription: String { "AccessToken(•••)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The text with every occurrence of the secret masked: for anything that
    /// repeats what a server said (an error body may echo the header back).
    public func redact(_ text: String) -> String {
        guard secret.count >= 4 else { return text }
        return text.replacingOccurrences(of: secret, with: "•••")
    }
}
