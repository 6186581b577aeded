import ArgumentParser
import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Foundation

/// `calltrail recent`: calls across leads (the inbox), newest first, every page
/// walked (window by window where the vendor answers for 90 days at a time),
/// each page printed as it arrives.
struct RecentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recent", abstract: "Print recent calls across leads (the inbox), newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How far back: 7d, 12h, 2w (before --until), a date (2026-04-01, UTC), or 'all' (back until a year without calls). Default 7d.")
    var since: String = "7d"

    @Option(help: "The newest time: a date (the whole day, UTC) or 'YYYY-MM-DD HH:MM'. Default now.")
    var until: String?

    @Flag(help: "The team's calls (a manager's view; also team_view = true in the config).")
    var team = false

    @Option(help: "Only these outcomes, comma-separated (as for `calls`).")
    var outcome: String?

    @Option(help: "Stop after this many calls (no further pages are fetched).")
    var limit: Int?

    @Option(help: "table, json (one object per line) or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        do {
            let now = Date()
            let untilDate = try until.map { try RecentTimes.until($0) }
            // A span counts back from --until when there is one.
            let sinceDate = try RecentTimes.since(since, now: untilDate ?? now)
            if let sinceDate, let untilDate, sinceDate > untilDate { throw UsageError("--since is after --until") }
            let configuration = try CalltrailConfiguration.resolve(global)
            let provider = try ProviderFactory.make(configuration)
            let descriptor = provider.descriptor
            let wanted = try outcome.map { try OutcomeSelection($0, vocabulary: descriptor.outcomes, providerName: descriptor.name) }
            let query = RecentCallsQuery(since: sinceDate, until: untilDate ?? now, team: team || configuration.teamView)
            let pageSize = min(configuration.pageSize ?? descriptor.defaultPageSize, descriptor.maximumPageSize)
            let width = TerminalWidth.current()
            var stop: RecentCallsStop?
            var unreadable = UnreadableRecords()
            defer { unreadable.report() }
            do {
                try await PagedOutput.walk(
                    limit: limit, noun: "call",
                    fetch: { cursor in
                        let page = try await provider.recentCalls(query, after: cursor, limit: pageSize)
                        stop = page.stop
                        return (page.calls, page.next)
                    },
                    id: \.dedupeID,
                    layout: { calls in IDColumn.width(shape: descriptor.callIDs, firstPage: calls.map(\.id.rawValue)) },
                    header: { idWidth in RecentFormatting.header(format, width: width, idWidth: idWidth) },
                    // An unreadable record has no outcome to filter by: it is always shown.
                    keep: { call in call.unreadable != nil || (wanted?.matches(call) ?? true) },
                    render: { call, idWidth in
                        unreadable.note(call)
                        return RecentFormatting.line(call, format, width: width, idWidth: idWidth)
                    })
            } catch ProviderError.noAccess where query.team {
                StandardError.write("calltrail: \(RecentCallsQuery.teamDenied(provider: descriptor.name))")
                throw ExitCode(CommandFailure.noAccess)
            }
            if let stop { StandardError.write("calltrail: \(stop.message)") }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }
}

/// `--since` and `--until` words: a span back from now (7d, 12h, 2w, 30m), a UTC
/// date (midnight; for `--until` the end of that day), "YYYY-MM-DD HH:MM[:SS]" or
/// ISO 8601; `--since all` for no bound.
enum RecentTimes {
    static func since(_ text: String, now: Date) throws(UsageError) -> Date? {
        let word = text.trimmingCharacters(in: .whitespaces)
        if word.lowercased() == "all" { return nil }
        if let span = span(word) { return now.addingTimeInterval(-span) }
        if let date = instant(word) { return date }
        throw UsageError("--since '\(DisplayText.sanitize(word))' is not a span (7d, 12h, 2w), a date (2026-04-01) or 'all'")
    }

    static func until(_ text: String) throws(UsageError) -> Date {
        let word = text.trimmingCharacters(in: .whitespaces)
        if word.utf8.count == 10, let day = UTCTimestamp.parse(word + " 00:00:00") {
            return day.addingTimeInterval(86_400 - 0.001)
        }
        if let date = instant(word) { return date }
        throw UsageError("--until '\(DisplayText.sanitize(word))' is not a date (2026-04-22) or 'YYYY-MM-DD HH:MM'")
    }

    static func span(_ word: String) -> TimeInterval? {
        guard let unit = word.last, let count = Int(word.dropLast()), count >= 0, count <= 100_000 else { return nil }
        switch unit {
        case "m": return Double(count) * 60
        case "h": return Double(count) * 3_600
        case "d": return Double(count) * 86_400
        case "w": return Double(count) * 7 * 86_400
        default: return nil
        }
    }

    static func instant(_ word: String) -> Date? {
        switch word.utf8.count {
        case 10: return UTCTimestamp.parse(word + " 00:00:00")
        case 16: return UTCTimestamp.parse(word + ":00") ?? UTCTimestamp.parse(word.replacingOccurrences(of: "T", with: " ") + ":00")
        default: return UTCTimestamp.parse(word) ?? ISO8601Timestamp.parse(word)
        }
    }
}

/// `recent`'s rows: the call table with the lead's id after the start; CSV and
/// JSON as `calls` writes them (they carry the lead id already).
enum RecentFormatting: RecordFormatting {
    static let columns: [(title: String, width: Int, right: Bool)] = [
        (IDColumn.title, 0, true), ("START (UTC)", 16, false), ("LEAD", 10, true), ("DIR", 8, false), ("DUR", 7, true),
        ("STATUS", 11, false), ("OUTCOME", 0, false),
    ]

    static func tableHeader(width: Int, idWidth: Int) -> String { row(columns.map(\.title), width: width, idWidth: idWidth) }

    static func tableRow(_ call: Call, width: Int, idWidth: Int) -> String {
        row([
            call.id.rawValue,
            call.startTime.map { String(UTCTimestamp.format($0).prefix(16)) } ?? "—",
            call.leadID?.rawValue ?? "—",
            call.direction?.rawValue ?? "—",
            call.duration.map(DisplayFormat.duration) ?? "—",
            call.status?.rawValue ?? (call.isManual ? "manual" : "—"),
            call.outcome?.label ?? "—",
        ], width: width, idWidth: idWidth)
    }

    static var csvHeader: String { CallFormatting.csvHeader }
    static func csvRow(_ call: Call) -> String { CallFormatting.csvRow(call) }
    static func json(_ call: Call) -> JSONValue { CallFormatting.json(call) }

    /// Ids (call and lead) are never cut; the outcome takes what is left.
    static func row(_ cells: [String], width: Int, idWidth: Int) -> String {
        CallFormatting.fit(cells, columns: columns, width: width, idWidth: idWidth, whole: [2])
    }
}
