import CalltrailModel
import CalltrailProviders
import Foundation

/// Parses a Lofty body into a `JSONValue`, or says in one line why it cannot.
enum LoftyJSON {
    static func parse(_ body: [UInt8]) throws(ProviderError) -> JSONValue {
        guard !body.isEmpty else { throw .badResponse("the body is empty") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            throw .badResponse(APIClient.describe(decodingError: error))
        }
    }
}
