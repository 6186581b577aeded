import CalltrailModel
import CalltrailProviders
import Foundation

/// Turns Lofty's `{"leads": […], "_metadata": {"total": N}}` into leads. The spec
/// calls the metadata key `get_metadata`, the prose `_metadata`: both are read.
enum LoftyLeadDecoder {
    static let typedKeys: Set<String> = [
        "leadId", "id", "firstName", "lastName", "phones", "emails", "lastTouch", "createTime", "cannotCall",
        "stage", "source", "assignedUser", "score", "tags", "segments", "address",
    ]

    /// `GET /v1.0/leads/{leadId}`: the lead wrapped under `lead` (the spec), or bare.
    static func single(from body: [UInt8]) throws(ProviderError) -> Lead {
        let value = try VendorJSON.parse(body, what: "Lofty's lead")
        if let wrapped = value["lead"], case .object = wrapped { return try lead(from: wrapped) }
        return try lead(from: value)
    }

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
            case "stage": if let s = named(v) { lead.stage = s } else { understood = false }
            case "source": if let s = named(v) { lead.source = s } else { understood = false }
            case "assignedUser": if let s = person(v) { lead.assignedTo = s } else { understood = false }
            case "score": if let s = number(v) { lead.score = s } else { understood = false }
            case "tags": if let list = strings(v, keys: ["name", "tagName", "value"]) { lead.tags = list } else { understood = false }
            case "segments": if let list = strings(v, keys: ["name", "segmentName", "value"]) { lead.segments = list } else { understood = false }
            case "address": if let s = address(v) { lead.address = s } else { understood = false }
            default: understood = false
            }
            if !understood { other.append(field) }
        }
        lead.otherFields = other
        return lead
    }

    /// A name: a string, or an object with `name` (the spec does not say which).
    static func named(_ v: JSONValue) -> String? {
        if let s = v.stringValue { return s }
        return v["name"]?.stringValue
    }

    /// An agent: a name, or an object with `name` or `firstName`/`lastName` (else its `id`).
    static func person(_ v: JSONValue) -> String? {
        if let s = v.stringValue { return s }
        guard case .object = v else { return nil }
        if let name = v["name"]?.stringValue { return name }
        let parts = [v["firstName"]?.stringValue, v["lastName"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return (v["id"] ?? v["userId"]).map { "user " + $0.displayText }
    }

    /// A score as sent: an integer, a decimal, or a numeric string.
    static func number(_ v: JSONValue) -> String? {
        switch v {
        case .integer, .bigInteger, .number: return v.displayText
        case .string(let s) where Double(s) != nil: return s
        default: return nil
        }
    }

    /// An address: a string, or `{streetAddress, city, state, zipCode}` on one line.
    static func address(_ v: JSONValue) -> String? {
        if let s = v.stringValue { return s }
        guard case .object = v else { return nil }
        let parts = ["streetAddress", "city", "state", "zipCode"].compactMap { v[$0]?.stringValue }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
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
