import Foundation
import CalltrailModel

/// An error body as vendors send it: `{"code": N, "message": "…"}` (code a number
/// or a string), a plain JSON string, or anything else (kept as short text).
public struct VendorErrorBody: Sendable, Hashable {
    /// The vendor's code, as text ("20017", "API_KEY_INVALID"), when there is one.
    public var code: String?
    public var message: String

    /// Longer messages are cut: an error line must stay one readable line.
    public static let maximumMessageLength = 300

    public init(code: String?, message: String) {
        self.code = code.map { String($0.prefix(64)) }
        self.message = message.count > Self.maximumMessageLength
            ? String(message.prefix(Self.maximumMessageLength)) + "…" : message
    }

    /// `redact` runs on the whole text before anything is cut, so a secret the
    /// server echoed cannot survive in part across the cut.
    public init(body: [UInt8], redact: (String) -> String = { $0 }) {
        if let value = try? JSONValue.parse(body) {
            switch value {
            case .string(let text):
                self.init(code: nil, message: redact(text))
                return
            case .object:
                let code = value["code"].flatMap { $0.isNull ? nil : redact($0.displayText) }
                let message = value["message"]?.stringValue ?? value["error"]?.stringValue
                    ?? value["msg"]?.stringValue ?? value["detail"]?.stringValue ?? ""
                self.init(code: code, message: redact(message))
                return
            default:
                break
            }
        }
        // Not JSON (an HTML error page, a proxy's text): keep a short, single line.
        let text = redact(String(decoding: body.prefix(65_536), as: UTF8.self))
            .split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        self.init(code: nil, message: String(text.prefix(200)))
    }

    /// True when the code or the message names `token` (e.g. "PERMISSION_DENIED").
    public func mentions(_ token: String) -> Bool {
        code == token || message.localizedCaseInsensitiveContains(token)
    }
}
