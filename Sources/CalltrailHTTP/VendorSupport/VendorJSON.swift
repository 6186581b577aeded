import CalltrailModel
import CalltrailProviders
import Foundation

/// Small helpers shared by the vendor adapters (Lofty, Skipcall, NectarDesk).
enum VendorJSON {
    /// A reader for one record (call, contact) and its id, or a one-line reason.
    static func record(_ value: JSONValue, _ what: String) throws(ProviderError) -> (JSONObjectReader, String) {
        guard var object = JSONObjectReader(value) else { throw .badResponse("\(what) is not a JSON object") }
        guard let id = object.identifier("id") else { throw .badResponse("\(what) has no id") }
        return (object, id)
    }

    /// Parses a body into a JSON value (keys in the order sent, so `raw` is the
    /// object as the API sent it), or a one-line reason.
    static func parse(_ body: [UInt8], what: String) throws(ProviderError) -> JSONValue {
        guard !body.isEmpty else { throw .badResponse("empty body for \(what)") }
        do {
            return try JSONValue.parse(body)
        } catch {
            throw .badResponse("\(what) is not valid JSON (\(error.description))")
        }
    }

    /// "First Last" from optional parts, nil when both are empty.
    static func fullName(_ first: String?, _ last: String?) -> String? {
        let name = [first, last]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
