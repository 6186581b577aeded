import CalltrailModel
import CalltrailProviders
import Foundation

/// Skipcall's JSON → calltrail's model. Never traps: a body that is not a call
/// is a `ProviderError.badResponse`; known fields of an unexpected type, and all
/// unknown fields, are kept in `otherFields`.
enum SkipcallMapping {
    static func call(from value: JSONValue) throws(ProviderError) -> Call {
        var (object, id) = try VendorJSON.record(value, "a Skipcall call")
        var call = Call(id: CallID(id), raw: value)
        var details = CallDetailList()

        // Direction from `type`, outcome from `status`: both open strings, kept as sent.
        if let type = object.string("type") { call.direction = CallDirection(rawValue: type) }
        if let status = object.string("status") { call.outcome = .other(status) }
        details.add("callType", "Call type", object.string("callType").map { .text($0) })

        call.startTime = object.instant("startedAt")
        call.endTime = object.instant("endedAt")
        // Skipcall sends no duration: it is the time between start and end.
        if let start = call.startTime, let end = call.endTime, end >= start {
            call.duration = Int(end.timeIntervalSince(start).rounded())
        }
        call.note = object.string("notes")

        let contact = object.object("contact") { contact in
            (id: contact.identifier("id"),
             name: VendorJSON.fullName(contact.string("firstName"), contact.string("lastName")),
             isUnknown: contact.bool("isUnknown"))
        }
        if let contact {
            call.leadID = contact.id.map { LeadID($0) }
            details.add("contact", "Contact", contact.name.map { .text($0) })
            if contact.isUnknown == true { details.add("contact.isUnknown", "Unknown contact", .bool(true)) }
        }
        call.leadPhoneNumber = object.object("phoneNumber") { $0.string("value") } ?? nil
        let caller = object.object("caller") { VendorJSON.fullName($0.string("firstName"), $0.string("lastName")) } ?? nil
        details.add("caller", "Caller", caller.map { .text($0) })
        call.userPhoneNumber = object.object("callerPhoneNumber") { $0.string("value") } ?? nil

        details.add("transferred", "Transferred", object.bool("transferred").map { .bool($0) })
        for (key, label) in [("sequenceId", "Sequence"), ("sequenceRunId", "Sequence run"), ("organizationId", "Organisation"),
                             ("organizationMembershipId", "Organisation member"), ("phoneNumberId", "Phone number id"),
                             ("managedPhoneNumberId", "Managed number id"), ("userProviderSid", "User provider SID"),
                             ("adminProviderSid", "Admin provider SID"), ("providerConferenceId", "Provider conference")] {
            details.add(key, label, object.string(key).map { .text($0) })
        }
        for (key, label) in [("createdAt", "Created"), ("updatedAt", "Updated"), ("syncedWithCrmDate", "Synced with CRM")] {
            details.add(key, label, object.instant(key).map { .instant($0) })
        }
        // Any non-null deletedAt marks the call deleted, even one we cannot parse.
        if let deletedAt = object.peek("deletedAt"), !deletedAt.isNull {
            call.isDeleted = true
            details.add("deletedAt", "Deleted at", object.instant("deletedAt").map { .instant($0) })
        } else {
            _ = object.instant("deletedAt")
        }

        call.details = details.details
        call.otherFields = object.leftovers
        return call
    }

    static func lead(from value: JSONValue) throws(ProviderError) -> Lead {
        var (object, id) = try VendorJSON.record(value, "a Skipcall contact")
        var lead = Lead(id: LeadID(id))
        lead.firstName = object.string("firstName")
        lead.lastName = object.string("lastName")
        if let numbers = object.array("phoneNumbers") {
            lead.phones = numbers.compactMap { $0.stringValue ?? $0["value"]?.stringValue }
        }
        if let email = object.string("email") { lead.emails = [email] }
        lead.lastTouch = object.instant("lastCallAt")
        lead.createTime = object.instant("createdAt")
        if let allowed = object.bool("allowPhoneCalls") { lead.cannotCall = !allowed }
        // The card: Skipcall says whether the contact is unknown (no record behind the number).
        if object.bool("isUnknown") == true { lead.stage = "unknown contact" }
        lead.otherFields = object.leftovers
        return lead
    }

    /// A list-calls or list-contacts body.
    static func listBody(_ value: JSONValue, what: String) throws(ProviderError) -> VendorListBody {
        try VendorListBody(value, itemKeys: SkipcallAPI.listItemKeys, metadataKeys: SkipcallAPI.pagingMetadataKeys, what: what)
    }
}
