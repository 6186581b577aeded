import CalltrailModel
import CalltrailProviders

/// The body of Lofty's `GET /v2.0/ai/call-summary?callRecordId=N`:
/// `{"status": {"code", "msg"}, "data": {id, recordingId, status, userId, text,
/// summary, keywords[], score, comment}}`. A non-zero `status.code` is a refusal
/// inside an HTTP 200; `data` null means there is no summary for that id.
enum LoftySummaryDecoder {
    static func summary(from body: [UInt8], recordID: Int64, subject: String) throws(ProviderError) -> CallSummary? {
        let value = try VendorJSON.parse(body, what: "Lofty's call summary for \(subject)")
        guard case .object = value else { throw .badResponse("the call summary of \(subject) is not a JSON object") }
        if let status = value["status"], case .object = status {
            let code = status["code"]?.int64Value ?? 0
            if code != 0 {
                let message = status["msg"]?.stringValue ?? status["message"]?.stringValue ?? ""
                throw refusal(code: code, message: message, subject: subject)
            }
        }
        guard let data = value["data"], !data.isNull else { return nil }
        guard case .object = data else { throw .badResponse("the call summary of \(subject) is not a JSON object") }
        guard let statusCode = data["status"]?.int64Value else {
            throw .badResponse("the call summary of \(subject) has no status")
        }
        func text(_ key: String) -> String? {
            guard let field = data[key], !field.isNull else { return nil }
            let text = field.stringValue ?? field.displayText
            return text.isEmpty ? nil : text
        }
        func id(_ key: String) -> String? {
            guard let field = data[key], !field.isNull else { return nil }
            return field.displayText
        }
        var keywords: [String] = []
        switch data["keywords"] {
        case .array(let items)?: keywords = items.compactMap { $0.stringValue ?? ($0.isNull ? nil : $0.displayText) }
        case .string(let list)?: keywords = list.split(separator: ",").map { String($0) }
        default: break
        }
        keywords = keywords.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let score = data["score"]?.doubleValue ?? data["score"]?.stringValue.flatMap(Double.init)
        return CallSummary(
            status: CallSummary.Status(code: statusCode), summary: text("summary"), transcript: text("text"),
            keywords: keywords, score: score, comment: text("comment"), summaryID: id("id"),
            recordingID: id("recordingId"), userID: id("userId"), raw: data)
    }

    /// `status.code` other than 0, mapped like Lofty's HTTP errors where the code
    /// is one of theirs; anything else is a refusal that retrying will not change.
    static func refusal(code: Int64, message: String, subject: String) -> ProviderError {
        let codeText = String(code)
        if codeText == LoftyErrorMapping.permissionDeniedCode || message.localizedCaseInsensitiveContains("PERMISSION_DENIED") {
            return .noAccess(subject)
        }
        if codeText == LoftyErrorMapping.outsideTeamCode { return .notFound(subject) }
        if codeText == LoftyErrorMapping.keySentAsBearerCode {
            // The same words as the code in an HTTP error (which auth_scheme fits which token).
            return LoftyErrorMapping().error(
                status: 400, body: VendorErrorBody(code: codeText, message: message),
                for: APIRequest(path: "", subject: subject), rateLimit: RateLimitHeaders())
        }
        let said = String(message.prefix(VendorErrorBody.maximumMessageLength))
        return .badRequest(status: 200, message: said.isEmpty ? "Lofty code \(code)" : "Lofty code \(code): \(said)")
    }
}
