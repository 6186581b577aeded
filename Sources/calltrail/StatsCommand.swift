import ArgumentParser
import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Foundation

/// `calltrail stats --lead ID`: walks every page of the lead's calls and prints
/// the figures the browser's stats strip shows once complete: calls, talk time,
/// connect rate, the outcome mix and calls per week.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Print a lead's call statistics (every page is walked).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The lead's id.")
    var lead: String

    @Option(help: "table or json (one object).")
    var format: OutputFormat = .table

    func validate() throws {
        if lead.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--lead needs an id") }
        if format == .csv { throw ValidationError("stats prints table or json") }
    }

    func run() async throws {
        do {
            let (provider, leadID, pageSize) = try LeadHistory.open(global, lead: lead)
            let zone = TimeZone.current
            var stats = CallStats()
            var cursor: PageCursor?
            var seenCursors: Set<PageCursor> = []
            repeat {
                let page = try await provider.calls(forLead: leadID, after: cursor, limit: pageSize)
                stats.add(page.calls, zone: zone)
                cursor = page.next
                // A provider that points back at a page it gave already would be walked forever.
                if let next = cursor, !seenCursors.insert(next).inserted { break }
            } while cursor != nil
            StandardOutput.write(StatsFormatting.render(stats, lead: leadID, format: format))
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// What `calls` and `stats` start from: the provider, the lead (checked before
/// any request, so a mistake is said first) and the page size to walk it with.
enum LeadHistory {
    static func open(_ global: GlobalOptions, lead: String) throws -> (provider: any CallProvider, lead: LeadID, pageSize: Int) {
        let configuration = try CalltrailConfiguration.resolve(global)
        let provider = try ProviderFactory.make(configuration)
        let descriptor = provider.descriptor
        let leadID = LeadID(lead.trimmingCharacters(in: .whitespaces))
        try descriptor.check(leadID)
        return (provider, leadID, min(configuration.pageSize ?? descriptor.defaultPageSize, descriptor.maximumPageSize))
    }
}

/// The figures as a labelled table or one JSON object.
enum StatsFormatting {
    static func render(_ stats: CallStats, lead: LeadID, format: OutputFormat) -> String {
        format == .json ? json(stats, lead: lead).compactJSON + "\n" : table(stats, lead: lead)
    }

    static func outcomeName(_ outcome: CallOutcome?) -> String { outcome.map { DisplayText.sanitize($0.label) } ?? "none" }

    static func table(_ stats: CallStats, lead: LeadID) -> String {
        var rows: [(String, String)] = [
            ("Lead", DisplayText.sanitize(lead.rawValue)),
            ("Calls", DisplayFormat.count(stats.calls)),
            ("Talk time", DisplayFormat.duration(stats.talkSeconds)),
            ("Connected", DisplayFormat.count(stats.connected) + (stats.connectPercent.map { " (\($0)%)" } ?? "")),
        ]
        for (index, entry) in stats.outcomeMix.enumerated() {
            let share = stats.calls > 0 ? Int((Double(entry.count) * 100 / Double(stats.calls)).rounded()) : 0
            rows.append((index == 0 ? "Outcomes" : "", "\(CallStats.barLetter(entry.outcome)) \(outcomeName(entry.outcome))  \(DisplayFormat.count(entry.count)) (\(share)%)"))
        }
        let bar = stats.bar(width: 40).map { String(repeating: CallStats.barLetter($0.outcome), count: $0.cells) }.joined()
        if !bar.isEmpty { rows.append(("Outcome mix", bar)) }
        if let weeks = stats.weeklyCounts(last: 26) {
            rows.append(("Calls per week", CallStats.sparkline(weeks.counts)))
            rows.append(("", "\(weeks.counts.count) weeks from \(DisplayFormat.isoDate(CallStats.firstDay(ofWeek: weeks.firstWeek))), busiest \(weeks.counts.max() ?? 0)"))
        }
        let labelWidth = rows.map { $0.0.count }.max() ?? 0
        return rows.map { $0.0.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + $0.1 + "\n" }.joined()
    }

    static func json(_ stats: CallStats, lead: LeadID) -> JSONValue {
        var fields: [JSONField] = [
            JSONField("lead", .string(lead.rawValue)),
            JSONField("calls", .integer(Int64(stats.calls))),
            JSONField("talkSeconds", .integer(Int64(stats.talkSeconds))),
            JSONField("connected", .integer(Int64(stats.connected))),
            JSONField("connectRate", stats.calls > 0 ? .number(Double(stats.connected) / Double(stats.calls)) : .null),
        ]
        fields.append(JSONField("outcomes", .array(stats.outcomeMix.map { entry in
            .object([JSONField("outcome", entry.outcome.map { .string($0.rawValue) } ?? .null),
                     JSONField("calls", .integer(Int64(entry.count)))])
        })))
        var weeks: [JSONValue] = []
        if let first = stats.weeks.keys.min(), let last = stats.weeks.keys.max() {
            for week in first...last {
                weeks.append(.object([JSONField("week", .string(DisplayFormat.isoDate(CallStats.firstDay(ofWeek: week)))),
                                      JSONField("calls", .integer(Int64(stats.weeks[week] ?? 0)))]))
            }
        }
        fields.append(JSONField("weeks", .array(weeks)))
        return .object(fields)
    }
}
