import CalltrailModel
import CalltrailProviders
import Foundation

/// A provider for tests: leads with a given number of calls, every request
/// recorded, and on command a page held back until released, a page that fails
/// once, or a lead that is refused. Cursors are offsets, like the demo's.
actor ScriptedProvider: CallProvider {
    enum Request: Equatable {
        case leads(query: String?, cursor: String?)
        case calls(lead: LeadID, offset: Int, limit: Int)
        case call(CallID)
        case recording(CallID)
        case summary(CallID)
        case recent(offset: Int, limit: Int, team: Bool)
        case lead(LeadID)
    }

    nonisolated let descriptor: ProviderDescriptor
    private let counts: [LeadID: Int]
    /// Every lead; the lead list (`leads(matching:)`) leaves out the unlisted ones.
    private let leadList: [Lead]
    private let unlisted: Set<LeadID>
    private let outcome: @Sendable (LeadID, Int) -> CallOutcome
    private(set) var requests: [Request] = []
    private(set) var cancelled: [Request] = []
    private var held: Set<Int> = []
    /// Every page from this offset on waits until `releaseAll()`.
    private var heldFrom: Int?
    private var failing: [Int: ProviderError] = [:]
    private var refused: Set<LeadID> = []
    private var teamRefused = false
    private let recordingValidity: Duration
    private var recordingFetches: [CallID: Int] = [:]
    private var recordingFailure: ProviderError?
    private var summaryFailure: ProviderError?
    static let newest = Date(timeIntervalSince1970: 1_790_000_000)

    init(
        leads: [(LeadID, Int)],
        vocabulary: OutcomeVocabulary = .fixed(CallOutcome.known),
        outcome: @escaping @Sendable (LeadID, Int) -> CallOutcome = { _, index in CallOutcome.known[index % 6] },
        recordings: Bool = false,
        recordingValidity: Duration = .seconds(3_600),
        summaries: Bool = false,
        unlisted: [(LeadID, Int)] = []
    ) {
        self.recordingValidity = recordingValidity
        counts = Dictionary(uniqueKeysWithValues: leads + unlisted)
        self.unlisted = Set(unlisted.map(\.0))
        leadList = (leads + unlisted).map { Lead(id: $0.0, firstName: "Lead", lastName: $0.0.rawValue, phones: ["+1555\($0.0.rawValue)"]) }
        self.outcome = outcome
        descriptor = ProviderDescriptor(name: "Scripted", accountLabel: "test", outcomes: vocabulary, defaultPageSize: 100, maximumPageSize: 1_000,
                                        offersRecordings: recordings, offersSummaries: summaries)
    }

    /// Requests for pages starting at `offset` wait until `release(offset:)`.
    func hold(offset: Int) { held.insert(offset) }
    func release(offset: Int) { held.remove(offset) }
    /// Requests for pages starting at `offset` or later wait until `releaseAll()`.
    func holdAll(from offset: Int) { heldFrom = offset }
    func releaseAll() {
        heldFrom = nil
        held.removeAll()
    }
    /// The next request for the page at `offset` fails with `error`.
    func fail(offset: Int, with error: ProviderError) { failing[offset] = error }
    func refuse(_ lead: LeadID) { refused.insert(lead) }
    /// The inbox's team view answers PERMISSION_DENIED.
    func refuseTeamView() { teamRefused = true }
    /// The next recording request fails with `error`.
    func failNextRecording(with error: ProviderError) { recordingFailure = error }

    /// The next summary request fails with `error`.
    func failNextSummary(with error: ProviderError) { summaryFailure = error }

    /// "roof" is on lines 2 and 5 of every finished summary's 30-line transcript.
    nonisolated static let transcriptMatches = [1, 4]

    /// By position: 0 mod 4 finished (with a transcript), 1 pending, 2 none, 3 failed.
    func summary(forCall call: Call) async throws -> CallSummary? {
        requests.append(.summary(call.id))
        if let error = summaryFailure {
            summaryFailure = nil
            throw error
        }
        guard let index = call.id.rawValue.split(separator: "-").last.flatMap({ Int($0) }) else { return nil }
        switch index % 4 {
        case 0:
            let lines = (1...30).map { n in n == 2 || n == 5 ? "Lead: the Roof again (\(n))" : "Agent: line \(n)" }
            return CallSummary(status: .finished, summary: "Summary of call \(index).", transcript: lines.joined(separator: "\n"),
                               keywords: ["roof", "offer"], score: 80, comment: "Comment \(index)")
        case 1: return CallSummary(status: .pending)
        case 2: return nil
        default: return CallSummary(status: .failed)
        }
    }

    /// The link handed out for `id` on its `fetch`th request (1-based).
    nonisolated static func recordingURL(_ id: CallID, fetch: Int) -> String {
        "https://rec.test/\(id.rawValue).mp3?fetch=\(fetch)"
    }

    /// Calls at even positions have a recording, the others none.
    func recording(forCall id: CallID) async throws -> RecordingLink? {
        requests.append(.recording(id))
        if let error = recordingFailure {
            recordingFailure = nil
            throw error
        }
        guard let index = id.rawValue.split(separator: "-").last.flatMap({ Int($0) }), index % 2 == 0 else { return nil }
        let fetch = (recordingFetches[id] ?? 0) + 1
        recordingFetches[id] = fetch
        return RecordingLink(url: Self.recordingURL(id, fetch: fetch), validFor: recordingValidity)
    }

    var callRequests: [(lead: LeadID, offset: Int)] {
        requests.compactMap { if case .calls(let lead, let offset, _) = $0 { (lead, offset) } else { nil } }
    }

    /// The page sizes asked for, in order.
    var callLimits: [Int] {
        requests.compactMap { if case .calls(_, _, let limit) = $0 { limit } else { nil } }
    }

    nonisolated static func call(lead: LeadID, index: Int, outcome: CallOutcome) -> Call {
        Call(
            id: CallID("\(lead.rawValue)-\(index)"),
            leadID: lead,
            direction: index % 3 == 0 ? .inbound : .outbound,
            status: .completed,
            outcome: outcome,
            startTime: newest.addingTimeInterval(-Double(index) * 1_800),
            duration: index % 400,
            note: "call \(index)"
        )
    }

    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        requests.append(.leads(query: query, cursor: cursor?.token))
        let matching = leadList.filter { lead in
            !unlisted.contains(lead.id) && (query.map { lead.displayName.localizedCaseInsensitiveContains($0) } ?? true)
        }
        let start = cursor.flatMap { Int($0.token) } ?? 0
        let end = min(matching.count, start + limit)
        return LeadPage(leads: Array(matching[min(start, end)..<end]), next: end < matching.count ? PageCursor(String(end)) : nil)
    }

    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        let offset = cursor.flatMap { Int($0.token) } ?? 0
        try await waitWhileHeld(.calls(lead: lead, offset: offset, limit: limit), offset: offset)
        if refused.contains(lead) { throw ProviderError.noAccess("lead \(lead)") }
        if let error = failing.removeValue(forKey: offset) { throw error }
        guard let count = counts[lead] else { throw ProviderError.notFound("lead \(lead)") }
        let end = min(count, offset + limit)
        let calls = offset < end ? (offset..<end).map { ScriptedProvider.call(lead: lead, index: $0, outcome: outcome(lead, $0)) } : []
        return CallPage(calls: calls, next: end < count ? PageCursor(String(end)) : nil)
    }

    /// Records `request`, then waits while pages at `offset` are held; a cancelled wait is recorded too.
    private func waitWhileHeld(_ request: Request, offset: Int) async throws {
        requests.append(request)
        do {
            while held.contains(offset) || heldFrom.map({ offset >= $0 }) == true { try await Task.sleep(for: .milliseconds(1)) }
            try Task.checkCancellation()
        } catch {
            cancelled.append(request)
            throw error
        }
    }

    /// The offsets and sizes of the inbox pages asked for, in order.
    var recentRequests: [(offset: Int, limit: Int)] {
        requests.compactMap { if case .recent(let offset, let limit, _) = $0 { (offset, limit) } else { nil } }
    }

    /// The inbox: every lead's calls interleaved newest first (call i of each lead
    /// starts at the same time, so they come lead by lead for each i). Offset
    /// cursors; held, failing and cancelled like a lead's pages.
    func recentCalls(_ query: RecentCallsQuery, after cursor: PageCursor?, limit: Int) async throws -> RecentCallPage {
        let offset = cursor.flatMap { Int($0.token) } ?? 0
        try await waitWhileHeld(.recent(offset: offset, limit: limit, team: query.team), offset: offset)
        if query.team && teamRefused { throw ProviderError.noAccess("the team's recent calls") }
        if let error = failing.removeValue(forKey: offset) { throw error }
        let leads = leadList.map(\.id)
        let deepest = leads.map { counts[$0] ?? 0 }.max() ?? 0
        var all: [(LeadID, Int)] = []
        var index = 0
        while all.count < offset + limit && index < deepest {
            for lead in leads where index < counts[lead] ?? 0 { all.append((lead, index)) }
            index += 1
        }
        let total = leads.reduce(0) { $0 + (counts[$1] ?? 0) }
        let end = min(offset + limit, all.count)
        let calls = offset < end ? all[offset..<end].map { ScriptedProvider.call(lead: $0.0, index: $0.1, outcome: outcome($0.0, $0.1)) } : []
        let ended = offset + limit >= total
        return RecentCallPage(calls: calls, next: ended ? nil : PageCursor(String(offset + limit)),
                              stop: ended ? RecentCallsStop(quietDays: 360, before: Self.newest.addingTimeInterval(-400 * 86_400)) : nil)
    }

    /// Any lead, listed or not, with the card fields the list leaves out (stage
    /// "Fetched", so a test can tell which one it shows); refused leads are refused.
    func lead(id: LeadID) async throws -> Lead {
        requests.append(.lead(id))
        if refused.contains(id) { throw ProviderError.noAccess("lead \(id.rawValue)") }
        guard var lead = leadList.first(where: { $0.id == id }) else { throw ProviderError.notFound("lead \(id.rawValue)") }
        lead.stage = "Fetched"
        lead.source = "Scripted"
        return lead
    }

    /// The leads fetched one by one, in order.
    var leadRequests: [LeadID] {
        requests.compactMap { if case .lead(let id) = $0 { id } else { nil } }
    }

    func call(id: CallID) async throws -> Call {
        requests.append(.call(id))
        let parts = id.rawValue.split(separator: "-")
        guard parts.count == 2, let index = Int(parts[1]) else { throw ProviderError.noAccess("this call") }
        let lead = LeadID(String(parts[0]))
        return ScriptedProvider.call(lead: lead, index: index, outcome: outcome(lead, index))
    }
}
