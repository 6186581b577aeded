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
    /// Matching ignores case and invisible characters, so an upper-cased echo or
    /// one split by a zero-width space is masked too. A secret under 4 characters
    /// cannot be masked safely (the masks would show where it stands): text that
    /// holds it is replaced whole.
    public func redact(_ text: String) -> String {
        guard !secret.isEmpty else { return text }
        let found = SecretOccurrences(of: secret, in: text)
        guard !found.ranges.isEmpty else { return text }
        guard secret.count >= Self.shortestMaskable else { return Self.withheldMessage }
        return found.masked(with: "•••")
    }

    static let shortestMaskable = 4
    /// A server's error message is not shown at all with such a token (`APIClient`).
    public var isTooShortToMask: Bool { !secret.isEmpty && secret.count < Self.shortestMaskable }
    public static let withheldMessage =
        "(the server's message is not shown: it may hold the access token, which is too short to mask)"
}
