import CalltrailModel
import CalltrailProviders
import Foundation

/// Parses a Lofty body into a `JSONValue` (keys in the order sent, so `raw` is the
/// object as the API sent it), or says in one line why it cannot.
enum LoftyJSON {
    static func parse(_ body: [UInt8]) throws(ProviderError) -> JSONValue {
        guard !body.isEmpty else { throw .badResponse("the body is empty") }
        do {
            return try JSONValue.parse(body)
        } catch {
            throw .badResponse("the body is not valid JSON (\(error.description))")
        }
    }
}
