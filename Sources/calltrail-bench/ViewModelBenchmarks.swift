import CalltrailModel
import CalltrailProviders
import CalltrailViewModel
import Foundation

/// The view-model over the demo provider (no latency, so only our own work is
/// measured): time per key action on a 10,000-call timeline, peak memory after
/// scrolling through 1,000,000 calls, and requests made against pages needed.
@MainActor
enum ViewModelBenchmarks {
    static let pageSize = 100

    static func run() async {
        await scrollAMillionCalls()
        await actionsOnTenThousandCalls()
    }

    /// Down through a million calls and back up, a screen at a time.
    static func scrollAMillionCalls() async {
        let total = 1_000_000
        let (demo, lead) = DemoProvider(seed: 1, latency: .zero).addingLead(callCount: total)
        let provider = CountingProvider(demo)
        let browser = openBrowser(provider, lead: lead)
        let memoryBefore = ProcessMemory.current()
        let clock = ContinuousClock()
        let started = clock.now
        var mostHeld = 0
        var checkpoints: [String] = []
        var nextCheckpoint = total / 4
        await browser.settleTimeline()
        while browser.state.timeline?.showsEndOfHistory != true || !browser.isAtLastCall {
            let before = browser.state.timeline?.selectedRef
            if let timeline = browser.state.timeline, let ref = timeline.selectedRef,
               timeline.pages[ref.page].startOffset + ref.index >= nextCheckpoint {
                checkpoints.append("\(nextCheckpoint / 1_000)k: \(mib(ProcessMemory.current().residentKiB))")
                nextCheckpoint += total / 4
            }
            browser.send(.pageDown)
            if browser.state.timeline?.selectedRef == before { await browser.settleTimeline() }
            mostHeld = max(mostHeld, browser.state.timeline?.heldPageCount ?? 0)
            if browser.state.timeline?.failure != nil { print("failed: \(browser.state.footer.error ?? "?")"); return }
        }
        let downRequests = await provider.callRequests
        let downTime = clock.now - started
        let memoryAfter = ProcessMemory.current()
        while browser.state.timeline?.showsStartOfHistory != true || !browser.isAtFirstCall {
            let before = browser.state.timeline?.selectedRef
            browser.send(.pageUp)
            if browser.state.timeline?.selectedRef == before { await browser.settleTimeline() }
            mostHeld = max(mostHeld, browser.state.timeline?.heldPageCount ?? 0)
        }
        let allRequests = await provider.callRequests
        let needed = (total + pageSize - 1) / pageSize
        let calls = browser.state.timeline?.callsLoaded ?? 0
        print("1,000,000-call lead, page size \(pageSize), window \(browser.state.settings.maximumHeldPages) pages:")
        print("  scrolled to the last call in \(format(downTime)) (\(calls) calls loaded)")
        print("  requests on the way down: \(downRequests) for \(needed) pages needed (duplicates: \(downRequests - needed))")
        print("  requests on the way back up: \(allRequests - downRequests) (pages dropped from the window, fetched again by cursor)")
        print("  most pages held at once: \(mostHeld)")
        print("  resident memory on the way down at call " + checkpoints.joined(separator: ", "))
        print("  memory: RSS \(mib(memoryBefore.residentKiB)) before, \(mib(memoryAfter.residentKiB)) at the bottom; peak (VmHWM) \(mib(memoryAfter.peakKiB))")
    }

    /// Median and p99 of handling one key and deriving everything a frame draws.
    static func actionsOnTenThousandCalls() async {
        let (demo, lead) = DemoProvider(seed: 1, latency: .zero).addingLead(callCount: 10_000)
        let provider = CountingProvider(demo)
        let browser = openBrowser(provider, lead: lead)
        await browser.settleTimeline()
        let clock = ContinuousClock()
        var samples: [String: [Duration]] = [:]

        var handling: [Duration] = []
        var deriving: [Duration] = []
        func measure(_ name: String, _ action: BrowserAction) {
            let start = clock.now
            browser.send(action)
            let handled = clock.now
            let frame = FrameDerivation(state: browser.state)
            let end = clock.now
            samples[name, default: []].append(end - start)
            handling.append(handled - start)
            deriving.append(end - handled)
            precondition(frame.rowCount >= 0)
        }

        // j through the whole history, waiting (unmeasured) when the loaded rows run out.
        while !(browser.state.timeline?.showsEndOfHistory == true && browser.isAtLastCall) {
            let before = browser.state.timeline?.selectedRef
            measure("move down (j)", .moveDown)
            if browser.state.timeline?.selectedRef == before { await browser.settleTimeline() }
        }
        let downRequests = await provider.callRequests
        for _ in 0..<300 {
            let before = browser.state.timeline?.selectedRef
            measure("page up", .pageUp)
            if browser.state.timeline?.selectedRef == before { await browser.settleTimeline() }
        }
        for round in 0..<50 {
            measure("toggle outcome filter", .toggleOutcomeFilter(slot: round % 6 + 1))
            measure("clear filters (0)", .clearFilters)
            await browser.settleTimeline()
        }
        measure("search submit (/)", .searchStart)
        for character in "voicemail" { browser.send(.searchInsert(String(character))) }
        measure("search submit (/)", .searchSubmit)
        for _ in 0..<200 { measure("search next (n)", .searchNext) }
        for _ in 0..<200 {
            measure("open detail (Enter)", .open)
            measure("back (Esc)", .back)
        }
        let requests = await provider.callRequests
        print("10,000-call lead, page size \(pageSize): time to handle a key and derive the frame's rows")
        var all: [Duration] = []
        for (name, durations) in samples.sorted(by: { $0.key < $1.key }) {
            all += durations
            print("  \(name): median \(format(percentile(durations, 0.5))), p99 \(format(percentile(durations, 0.99))) over \(durations.count)")
        }
        print("  of which handling the action: median \(format(percentile(handling, 0.5))), p99 \(format(percentile(handling, 0.99)))")
        print("  of which deriving the frame's rows: median \(format(percentile(deriving, 0.5))), p99 \(format(percentile(deriving, 0.99)))")
        print("  all keys: median \(format(percentile(all, 0.5))), p99 \(format(percentile(all, 0.99))), max \(format(all.max() ?? .zero)) over \(all.count)")
        print("  requests: \(downRequests) scrolling down through 100 pages; \(requests - downRequests) more for paging back up (dropped pages) and filtering")
    }

    static func openBrowser(_ provider: any CallProvider, lead: LeadID) -> Browser {
        let settings = BrowserSettings(pageSize: pageSize, timeZone: TimeZone(identifier: "UTC") ?? .current, initialLead: lead)
        let browser = Browser(provider: provider, settings: settings)
        browser.send(.resize(rows: 50, columns: 160))
        browser.start()
        return browser
    }

    static func percentile(_ values: [Duration], _ p: Double) -> Duration {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = Double(seconds) * 1e6 + Double(attoseconds) / 1e12
        if micros >= 1e6 { return String(format: "%.2f s", micros / 1e6) }
        if micros >= 1e3 { return String(format: "%.2f ms", micros / 1e3) }
        return String(format: "%.1f µs", micros)
    }

    static func mib(_ kib: Int?) -> String {
        guard let kib else { return "n/a" }
        return String(format: "%.1f MiB", Double(kib) / 1024)
    }
}

/// Everything a frame of the three panes reads from the state, derived the way
/// the front end does it (rows for the visible window, header, footer, detail).
struct FrameDerivation {
    let rowCount: Int

    @MainActor init(state: BrowserState) {
        let timeline = state.visibleTimelineRows
        let leads = state.visibleLeadRows
        let detail = state.visibleDetailRows(width: 50, height: state.viewport.listRows)
        _ = state.header
        _ = state.footer
        rowCount = timeline.count + leads.count + detail.count
    }
}

@MainActor
extension Browser {
    /// Waits until the timeline wants nothing more (or failed).
    func settleTimeline() async {
        _ = await wait(timeout: .seconds(60)) { state in
            guard let timeline = state.timeline else { return true }
            return timeline.failure != nil || (timeline.pending == nil && !state.timelineWantsMore)
        }
    }

    var isAtLastCall: Bool {
        guard let timeline = state.timeline, let selected = timeline.selectedLine else { return false }
        return timeline.lines[(selected + 1)...].allSatisfy { !$0.isCall }
    }

    var isAtFirstCall: Bool {
        guard let timeline = state.timeline, let selected = timeline.selectedLine else { return false }
        return timeline.lines[..<selected].allSatisfy { !$0.isCall }
    }
}

/// Counts the calls requests that reach the provider.
actor CountingProvider: CallProvider {
    nonisolated let descriptor: ProviderDescriptor
    private let inner: any CallProvider
    private(set) var callRequests = 0

    init(_ inner: any CallProvider) {
        self.inner = inner
        descriptor = inner.descriptor
    }

    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage {
        try await inner.leads(matching: query, after: cursor, limit: limit)
    }

    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage {
        callRequests += 1
        return try await inner.calls(forLead: lead, after: cursor, limit: limit)
    }

    func call(id: CallID) async throws -> Call { try await inner.call(id: id) }
}

/// Resident and peak memory from /proc/self/status (Linux).
struct ProcessMemory {
    var residentKiB: Int?
    var peakKiB: Int?

    static func current() -> ProcessMemory {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return ProcessMemory() }
        func value(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "")
        }
        return ProcessMemory(residentKiB: value("VmRSS"), peakKiB: value("VmHWM"))
    }
}
