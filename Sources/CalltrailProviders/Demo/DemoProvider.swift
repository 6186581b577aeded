import CalltrailModel
import Foundation

/// Generated, realistic call history that needs no network and no token: what
/// calltrail shows when nothing is configured. Every call is made from
/// (seed, lead, index), so any page costs O(page size) however deep it is, and the
/// same seed always gives the same data. Pages arrive after `latency`, like a real API.
public struct DemoProvider: CallProvider {
    public let descriptor: ProviderDescriptor
    public let seed: UInt64
    public let latency: Duration
    /// Where recordings are written; nil when the environment names no home.
    public let recordingCache: DemoRecordingCache?
    let demoLeads: [DemoLead]

    /// Recordings go to the cache the environment names.
    public init(seed: UInt64 = 1, latency: Duration = .milliseconds(30)) {
        self.init(seed: seed, latency: latency, recordingCache: DemoRecordingCache())
    }

    public init(seed: UInt64, latency: Duration, recordingCache: DemoRecordingCache?) {
        self.init(seed: seed, latency: latency, recordingCache: recordingCache, leads: DemoLead.generate(seed: seed))
    }

    init(seed: UInt64, latency: Duration, recordingCache: DemoRecordingCache?, leads: [DemoLead]) {
        self.seed = seed
        self.latency = latency
        self.recordingCache = recordingCache
        self.demoLeads = leads
        self.descriptor = ProviderDescriptor(
            name: "Demo",
            accountLabel: "demo data",
            outcomes: .fixed(CallOutcome.known),
            defaultPageSize: 100,
            maximumPageSize: 1_000,
            leadIDs: .positiveInteger,
            callIDs: .positiveInteger,
            offersRecordings: true,
            offersSummaries: true
        )
    }

    /// The same provider with one more lead of `callCount` calls (a million, for
    /// the benchmark), and that lead's id.
    public func addingLead(callCount: Int, firstName: String = "Benchmark", lastName: String = "Lead") -> (provider: DemoProvider, lead: LeadID) {
        let number = (demoLeads.map(\.number).max() ?? -1) + 1
        let lead = DemoLead.make(number: number, seed: seed, callCount: callCount, name: (firstName, lastName), isRestricted: false)
        return (DemoProvider(seed: seed, latency: latency, recordingCache: recordingCache, leads: demoLeads + [lead]), lead.id)
    }

    /// How many calls a lead has (for tests and the benchmark), nil for an unknown lead.
    public func callCount(forLead id: LeadID) -> Int? {
        demoLeads.first { $0.id == id }?.callCount
    }

    public func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        let start = try offset(from: cursor)
        try validate(limit: limit)
        try await waitLatency()
        let matching = demoLeads.filter { DemoProvider.lead($0.lead, matches: query) }
        let end = min(start + limit, matching.count)
        let page = start < end ? Array(matching[start..<end]).map(\.lead) : []
        return LeadPage(leads: page, next: end < matching.count ? PageCursor(String(end)) : nil, total: matching.count)
    }

    public func calls(forLead id: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        try descriptor.check(id)
        let start = try offset(from: cursor)
        try validate(limit: limit)
        guard let lead = demoLeads.first(where: { $0.id == id }) else { throw ProviderError.notFound("lead \(id)") }
        if lead.isRestricted { throw ProviderError.noAccess("lead \(id)") }
        try await waitLatency()
        let end = min(start + limit, lead.callCount)
        let calls = start < end ? (start..<end).map { DemoCallFactory.make(lead: lead, index: $0, seed: seed) } : []
        return CallPage(calls: calls, next: end < lead.callCount ? PageCursor(String(end)) : nil)
    }

    /// One lead (its card's fields included); restricted leads can be read, not their calls.
    public func lead(id: LeadID) async throws -> Lead {
        try descriptor.check(id)
        try await waitLatency()
        guard let lead = demoLeads.first(where: { $0.id == id }) else { throw ProviderError.notFound("lead \(id)") }
        return lead.lead
    }

    public func call(id: CallID) async throws -> Call {
        try descriptor.check(id)
        try await waitLatency()
        guard let (lead, index) = DemoCallFactory.locate(id, in: demoLeads), !lead.isRestricted else {
            throw ProviderError.noAccess("this call")
        }
        return DemoCallFactory.make(lead: lead, index: index, seed: seed)
    }

    /// Dialled calls that were talked through have a recording (as `hasRecording`
    /// says): a few seconds of audio made from the call id, written to the
    /// per-user cache (`DemoRecordingCache`) and handed out as a `file://` link.
    /// Like Lofty's, the link lasts an hour.
    public func recording(forCall id: CallID) async throws -> RecordingLink? {
        let call = try await call(id: id)
        guard call.hasRecording == true else { return nil }
        guard let cache = recordingCache else {
            throw ProviderError.configuration("the demo has nowhere to keep its recordings: set HOME or XDG_CACHE_HOME")
        }
        return RecordingLink(localFile: try cache.file(for: id), validFor: RecordingLink.loftyValidity)
    }

    /// Recorded calls have AI summaries in every state (mostly finished, with a
    /// transcript; some pending, processing or failed), the same on every run.
    public func summary(forCall call: Call) async throws -> CallSummary? {
        let known = try await self.call(id: call.id)
        return DemoSummaries.make(for: known, seed: seed)
    }

    /// Name (any part, any case) or phone (digits only, so "+1 415" finds "+1415…").
    static func lead(_ lead: Lead, matches query: String?) -> Bool {
        guard let query = query?.trimmingCharacters(in: .whitespaces), !query.isEmpty else { return true }
        if lead.displayName.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil { return true }
        let digits = query.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 3 else { return false }
        return lead.phones.contains { $0.filter(\.isNumber).contains(digits) }
    }

    private func offset(from cursor: PageCursor?) throws -> Int {
        guard let cursor else { return 0 }
        guard let offset = Int(cursor.token), offset >= 0 else {
            throw ProviderError.invalidInput("not a demo page cursor: \(cursor.token)")
        }
        return offset
    }

    private func validate(limit: Int) throws {
        guard (1...descriptor.maximumPageSize).contains(limit) else {
            throw ProviderError.invalidInput("page size must be 1…\(descriptor.maximumPageSize), not \(limit)")
        }
    }

    /// Cancellable: cancelling the caller's task ends the wait with CancellationError.
    private func waitLatency() async throws {
        try Task.checkCancellation()
        if latency > .zero { try await Task.sleep(for: latency) }
    }
}
