import CalltrailModel
import CalltrailProviders

/// The body of Lofty's `GET /v1.0/call/url/{callId}`: `{"calls": {"id", "url"}}`.
enum LoftyRecordingDecoder {
    /// The link (valid an hour from now), nil for `""`, a null or absent url.
    static func link(from body: [UInt8], call: Int64) throws(ProviderError) -> RecordingLink? {
        let value = try VendorJSON.parse(body, what: "Lofty's recording URL for call \(call)")
        // Documented wrapped under "calls"; a bare object is read the same way.
        let record = value["calls"] ?? value
        guard case .object = record else { throw .badResponse("the recording of call \(call) is not a JSON object") }
        if let id = record["id"]?.exactInt64, id != call {
            throw .badResponse("asked for the recording of call \(call), got call \(id)'s")
        }
        guard let url = record["url"], !url.isNull else { return nil }
        guard let text = url.stringValue else { throw .badResponse("the recording URL of call \(call) is not a string") }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let link = RecordingLink(url: trimmed, validFor: RecordingLink.loftyValidity) else {
            throw .badResponse("the recording URL of call \(call) is not an http(s) URL")
        }
        return link
    }
}
