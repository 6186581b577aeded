import CalltrailModel
import CalltrailProviders
import Foundation

/// NectarDesk's JSON → calltrail's model. Never traps: a body that is not a call
/// is a `ProviderError.badResponse`; known fields of an unexpected type, and all
/// unknown fields, are kept in `otherFields`.
enum NectarDeskMapping {
    /// The get-call reply: `{"calls": {…}}` (a single object under a plural key).
    /// A bare call object is accepted too.
    static func wrappedCall(from value: JSONValue) throws(ProviderError) -> Call {
        if let inner = value[NectarDeskAPI.callsKey] {
            guard case .object = inner else { throw .badResponse("NectarDesk's \"calls\" is not a call object") }
            return try call(from: inner)
        }
        return try call(from: value)
    }

    /// The `url` of each entry of a call's `recordings` that has one.
    static func recordingURLs(_ recordings: [JSONValue]) -> [String] {
        recordings.compactMap { $0["url"]?.stringValue?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A call's first recording (NectarDesk's links carry no stated lifetime), nil when it has none.
    static func recordingLink(of call: Call) throws(ProviderError) -> RecordingLink? {
        guard case .array(let recordings)? = call.raw?["recordings"], let url = recordingURLs(recordings).first else { return nil }
        guard let link = RecordingLink(url: url) else {
            throw .badResponse("the recording URL of call \(call.id.rawValue) is not an http(s) URL")
        }
        return link
    }

    static func call(from value: JSONValue) throws(ProviderError) -> Call {
        var (object, id) = try VendorJSON.record(value, "a NectarDesk call")
        var call = Call(id: CallID(id), raw: value)
        var details = CallDetailList()
        if case .array(let recordings)? = value["recordings"] { call.hasRecording = !recordingURLs(recordings).isEmpty }

        let inbound = object.bool("is_inbound")
        if let inbound { call.direction = inbound ? .inbound : .outbound }
        // Answered or not is the dialer status; unanswered inbound is "missed".
        if let answered = object.bool("is_answered") {
            call.status = answered ? .completed : (inbound == false ? .noAnswer : .missed)
        }
        if let started = object.unixInstant("started_at") {
            call.startTime = started
        }
        if let duration = object.int64("duration"), duration >= 0 {
            call.duration = Int(clamping: duration)
            call.endTime = call.startTime.map { $0.addingTimeInterval(TimeInterval(duration)) }
        }
        details.add("type", "Type", object.string("type").map { .text($0) })
        details.add("talk_time", "Talk time", object.int64("talk_time").map { .duration(Int(clamping: $0)) })

        let disposition = object.object("disposition") { d in
            (id: d.identifier("id"), code: d.string("code"), note: d.string("note"))
        }
        if let disposition {
            call.outcome = disposition.code.map { CallOutcome(rawValue: $0) }
            call.note = disposition.note
            details.add("disposition.id", "Disposition id", disposition.id.map { .text($0) })
        }

        let contact = object.object("contact") { c in
            (id: c.identifier("id"), name: c.string("full_name"),
             countryCode: c.identifier("number_country_code"), national: c.identifier("national_number"),
             number: c.identifier("number"), lists: c.array("list_ids"))
        }
        if let contact {
            call.leadID = contact.id.map { LeadID($0) }
            call.leadPhoneNumber = contact.number.map(internationalNumber)
            details.add("contact.full_name", "Contact", contact.name.map { .text($0) })
            details.add("contact.number_country_code", "Country code", contact.countryCode.map { .text($0) })
            details.add("contact.national_number", "National number", contact.national.map { .text($0) })
            details.add("contact.list_ids", "Contact lists", contact.lists.map { .list($0.map(\.displayText)) })
        }
        let line = object.object("number") { n in
            (number: n.identifier("number"), withAlias: n.string("numberWithAlias"), alias: n.string("alias"), id: n.identifier("id"))
        }
        if let line {
            call.userPhoneNumber = line.number.map(internationalNumber)
            details.add("number.alias", "Line", (line.withAlias ?? line.alias).map { .text($0) })
            details.add("number.id", "Line id", line.id.map { .text($0) })
        }

        details.add("agents", "Agents", object.array("agents").map { .list($0.map(\.displayText)) })
        details.add("all_agents", "All agents", object.array("all_agents").map { .list($0.map(agentSummary)) })
        details.add("answered_agents", "Answered by", object.array("answered_agents").map { .list($0.map(agentSummary)) })
        details.add("external_numbers", "External numbers", object.array("external_numbers").map { numbers in
            .list(numbers.map { number in
                let digits = number["number"].map { internationalNumber($0.displayText) } ?? number.displayText
                return number["is_any_transfer"]?.boolValue == true ? "\(digits) (transfer)" : digits
            })
        })
        details.add("ring_group", "Ring group", namedObject(&object, "ring_group"))
        details.add("ivr", "IVR", namedObject(&object, "ivr"))
        details.add("campaign", "Campaign", namedObject(&object, "campaign"))
        details.add("tags", "Tags", object.array("tags").map { .list($0.map { $0["name"]?.displayText ?? $0.displayText }) })
        details.add("recordings", "Recordings", object.array("recordings").map { .list($0.map { $0["url"]?.displayText ?? $0.displayText }) })
        details.add("original_call_id", "Original call", object.identifier("original_call_id").map { .text($0) })
        for (key, label) in [("is_in_queue", "In queue"), ("requested_callback", "Requested callback"),
                             ("is_answered_within_sla", "Answered within SLA"), ("is_data_cached", "Data cached")] {
            details.add(key, label, object.bool(key).map { .bool($0) })
        }
        // One "Ended" row: the end time when there is one; a call not yet over has none.
        switch object.bool("is_ended") {
        case false?:
            call.endTime = nil
            details.add("is_ended", "In progress", .bool(true))
        case true? where call.endTime == nil:
            details.add("is_ended", "Ended", .bool(true))
        default:
            break
        }
        // Keep the raw booleans the typed fields came from visible too.
        details.add("is_inbound", "Inbound", inbound.map { .bool($0) })
        if let status = call.status { details.add("is_answered", "Answered", .bool(status == .completed)) }

        call.details = details.details
        call.otherFields = object.leftovers
        return call
    }

    static func lead(from value: JSONValue) throws(ProviderError) -> Lead {
        var (object, id) = try VendorJSON.record(value, "a NectarDesk contact")
        var lead = Lead(id: LeadID(id))
        // One full name: kept whole as the first name, so display shows it as sent.
        lead.firstName = object.string("full_name")
        if let number = object.identifier("number") { lead.phones = [internationalNumber(number)] }
        if let email = object.string("email") { lead.emails = [email] }
        if let last = object.unixInstant("last_call_at") { lead.lastTouch = last }
        if let created = object.unixInstant("created_at") { lead.createTime = created }
        // The card: the contact lists it is on, and its tags.
        if let lists = object.array("list_ids") { lead.segments = lists.map { "list " + $0.displayText } }
        if let tags = object.array("tags") { lead.tags = tags.compactMap { $0.stringValue ?? $0["name"]?.stringValue } }
        lead.otherFields = object.leftovers
        return lead
    }

    static func callsListBody(_ value: JSONValue) throws(ProviderError) -> VendorListBody {
        try VendorListBody(value, itemKeys: [NectarDeskAPI.callsKey, "data"], metadataKeys: NectarDeskAPI.pagingMetadataKeys,
                           what: "NectarDesk's call list")
    }

    static func contactsListBody(_ value: JSONValue) throws(ProviderError) -> VendorListBody {
        try VendorListBody(value, itemKeys: [NectarDeskAPI.contactsKey, "data"], metadataKeys: NectarDeskAPI.pagingMetadataKeys,
                           what: "NectarDesk's contact list")
    }

    /// NectarDesk sends numbers as digits with the country code and no "+".
    static func internationalNumber(_ digits: String) -> String {
        !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? "+" + digits : digits
    }

    /// "alias <sip> (user N) · type · joined … UTC · transfer · hangup reason":
    /// every field of an agent leg on one line.
    static func agentSummary(_ agent: JSONValue) -> String {
        guard case .object = agent else { return agent.displayText }
        var name = agent["alias"]?.stringValue ?? "agent \(agent["id"]?.displayText ?? "?")"
        if let sip = agent["sip"]?.stringValue, !sip.isEmpty { name += " <\(sip)>" }
        if let user = agent["user_id"], !user.isNull { name += " (user \(user.displayText))" }
        var parts = [name]
        if let type = agent["type"]?.stringValue { parts.append(type) }
        if let started = agent["started_at"]?.doubleValue.flatMap({ Date(representableUnixSeconds: $0) }) {
            parts.append("joined \(UTCTimestamp.format(started)) UTC")
        }
        if agent["is_any_transfer"]?.boolValue == true { parts.append("transfer") }
        if let reason = agent["hangup_reason"]?.stringValue, !reason.isEmpty { parts.append(reason) }
        return parts.joined(separator: " · ")
    }

    /// `{id, name}` objects (campaign, ring group, IVR) shown as "name (id N)".
    private static func namedObject(_ object: inout JSONObjectReader, _ key: String) -> CallDetailValue? {
        object.object(key) { named in
            let name = named.string("name"), id = named.identifier("id")
            switch (name, id) {
            case let (name?, id?): return CallDetailValue.text("\(name) (id \(id))")
            case let (name?, nil): return .text(name)
            case let (nil, id?): return .text("id \(id)")
            case (nil, nil): return nil
            }
        } ?? nil
    }
}
