import CalltrailModel
import CalltrailProviders
import Foundation

/// Turns Lofty's `{"leads": […], "_metadata": {"total": N}}` into leads. The spec
/// calls the metadata key `get_metadata`, the prose `_metadata`: both are read.
enum LoftyLeadDecoder {
    static let typedKeys: Set<String> = [
        "leadId", "id", "firstName", "lastName", "phones", "emails", "lastTouch", "createTime", "cannotCall",
    ]

    static func page(from body: [UInt8]) throws(ProviderError) -> (leads: [Lead], total: Int?) {
        let value = try VendorJSON.parse(body, what: "Lofty's lead list")
        guard case .array(let items)? = value["leads"] else {
            throw .badResponse("the lead list has no \"leads\" array")
        }
        var leads: [Lead] = []
        for (index, item) in items.enumerated() {
            do throws(ProviderError) {
                leads.append(try lead(from: item))
            } catch {
                throw .badResponse("leads[\(index)]: \(error.message)")
            }
        }
        let metadata = value["_metadata"] ?? value["get_metadata"]
        let total = metadata?["total"]?.smallInt
        return (leads, total)
    }

    static func lead(from value: JSONValue) throws(ProviderError) -> Lead {
        guard case .object(let fields) = value else { throw .badResponse("a lead is not a JSON object") }
        guard let id = (value["leadId"] ?? value["id"])?.exactInt64 else {
            throw .badResponse("a lead has no usable \"leadId\"")
        }
        var lead = Lead(id: LeadID(id))
        var other: [JSONField] = []
        for field in fields where !field.value.isNull {
            let v = field.value
            var understood = true
            switch field.key {
            case "leadId", "id": understood = v.exactInt64 != nil
            case "firstName": if let s = v.stringValue { lead.firstName = s } else { understood = false }
            case "lastName": if let s = v.stringValue { lead.lastName = s } else { understood = false }
            case "phones": if let list = strings(v, keys: ["phone", "number", "value"]) { lead.phones = list } else { understood = false }
            case "emails": if let list = strings(v, keys: ["email", "value"]) { lead.emails = list } else { understood = false }
            case "lastTouch": if let d = instant(v) { lead.lastTouch = d } else { understood = false }
            case "createTime": if let d = instant(v) { lead.createTime = d } else { understood = false }
            case "cannotCall": if let b = v.boolValue { lead.cannotCall = b } else { understood = false }
            default: understood = false
            }
            if !understood { other.append(field) }
        }
        lead.otherFields = other
        return lead
    }

    /// A list of strings, or of objects holding the string under one of `keys`.
    static func strings(_ v: JSONValue, keys: [String]) -> [String]? {
        guard case .array(let items) = v else { return nil }
        var out: [String] = []
        for item in items {
            if let s = item.stringValue {
                out.append(s)
            } else if let s = keys.lazy.compactMap({ item[$0]?.stringValue }).first {
                out.append(s)
            } else {
                return nil
            }
        }
        return out
    }

    /// Lofty's `yyyy-MM-dd HH:mm:ss` UTC, or any other `VendorTimestamp` form.
    static func instant(_ v: JSONValue) -> Date? {
        VendorTimestamp.parse(v)
    }
}
