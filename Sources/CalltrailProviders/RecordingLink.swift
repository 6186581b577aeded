import CalltrailModel
import Foundation

/// Where a call's recording can be fetched: an http(s) URL, and how long the
/// vendor says it works (Lofty's links last an hour), nil when it does not say.
///
/// A vendor's URL came from the network: it is checked to be a plain http or https
/// URL before it is handed to a player or a download, so it can never be a local
/// file, another scheme, or a word a player would read as an option. Only a
/// provider on this machine (the demo) makes a `file://` link, with `init(localFile:)`.
public struct RecordingLink: Sendable, Hashable {
    public let url: String
    public let validFor: Duration?

    /// The link, or nil when `url` is not an http(s) URL with a host and no
    /// spaces or control characters.
    public init?(url: String, validFor: Duration? = nil) {
        guard Self.isPlayable(url) else { return nil }
        self.url = url
        self.validFor = validFor
    }

    /// A recording this program wrote itself (the demo's): a `file://` URL for the
    /// absolute `path`, percent-encoded, so it reads as a URL and never as an option.
    public init(localFile path: String, validFor: Duration? = nil) {
        self.url = URL(fileURLWithPath: path).absoluteString
        self.validFor = validFor
    }

    /// The file's path for a `file://` link; nil for an http(s) one.
    public var localPath: String? {
        guard url.hasPrefix("file://"), let components = URLComponents(string: url), components.scheme == "file" else { return nil }
        return components.path.isEmpty ? nil : components.path
    }

    /// How long a Lofty recording URL works after it was handed out.
    public static let loftyValidity: Duration = .seconds(3_600)

    static func isPlayable(_ text: String) -> Bool {
        guard text.utf8.count <= 8_192,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0.isASCII }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return false }
        return true
    }

    /// The host, for messages ("downloading from rec.example").
    public var host: String { URLComponents(string: url)?.host ?? "the recording host" }
}

extension CallProvider {
    /// Vendors without recordings: said plainly, never as a failed request.
    public func recording(forCall id: CallID) async throws -> RecordingLink? {
        throw ProviderError.unsupported("recordings are not offered by \(descriptor.name)")
    }
}
