import CalltrailModel
import CalltrailProviders
import Foundation

/// The store the front end talks to: holds the state, applies actions through
/// `BrowserReducer`, and runs the requests it asks for as tasks whose answers come
/// back as actions. `send` never waits for the network.
@MainActor
public final class Browser {
    public private(set) var state: BrowserState
    /// Goes up by one every time the state changes, so a front end redraws only then.
    public private(set) var changeCount = 0
    /// Called after every change (e.g. to wake the front end's loop).
    public var onChange: (@MainActor () -> Void)?

    private let provider: any CallProvider
    private let player: (any RecordingPlayer)?
    private let clock = ContinuousClock()
    private var tasks: [LoadTicket: Task<Void, Never>] = [:]
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// `player` starts recordings for `o`; without one, `o` says there is no player.
    public init(provider: any CallProvider, settings: BrowserSettings = BrowserSettings(), player: (any RecordingPlayer)? = nil) {
        self.provider = provider
        self.player = player
        self.state = BrowserState(descriptor: provider.descriptor, settings: settings, now: clock.now, wallClock: Date())
    }

    /// Load the first leads (and the `--lead` lead's calls).
    public func start() {
        let effects = BrowserReducer.start(&state)
        changed()
        run(effects)
    }

    public func send(_ action: BrowserAction) {
        let effects = BrowserReducer.reduce(&state, action, now: clock.now, wallClock: Date())
        changed()
        run(effects)
    }

    /// Requests still running.
    public var requestsInFlight: Int { tasks.count }

    /// Cancels every request (on quit).
    public func stop() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }

    /// Waits until `condition` holds, checking it after every change, up to
    /// `timeout`. True when it held. (For tests, benchmarks and scripted use.)
    @discardableResult
    public func wait(timeout: Duration = .seconds(10), until condition: (BrowserState) -> Bool) async -> Bool {
        let deadline = clock.now.advanced(by: timeout)
        // Sleeps in short steps: a cancelled sleep's timer lives until its deadline,
        // and one long timer per wait would pile up over thousands of waits.
        let alarm = Task { [weak self, clock] in
            while !Task.isCancelled, clock.now < deadline {
                try? await Task.sleep(for: min(.milliseconds(50), deadline - clock.now))
            }
            if !Task.isCancelled { self?.wakeWaiters() }
        }
        defer { alarm.cancel() }
        while !condition(state) {
            if clock.now >= deadline { return false }
            await withCheckedContinuation { waiters.append($0) }
        }
        return true
    }

    private func wakeWaiters() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }

    private func changed() {
        changeCount &+= 1
        onChange?()
        wakeWaiters()
    }

    private func run(_ effects: [BrowserEffect]) {
        for effect in effects {
            switch effect {
            case .cancel(let ticket):
                tasks.removeValue(forKey: ticket)?.cancel()
            case .loadLeads(let ticket, let query, let cursor, let limit):
                perform(ticket) { provider in
                    do { return .leadsLoaded(ticket, try await provider.leads(matching: query, after: cursor, limit: limit)) } catch {
                        return Browser.failure(error).map { .leadsFailed(ticket, $0) }
                    }
                }
            case .loadCalls(let ticket, let lead, let cursor, let limit):
                perform(ticket) { provider in
                    do { return .callsLoaded(ticket, try await provider.calls(forLead: lead, after: cursor, limit: limit)) } catch {
                        return Browser.failure(error).map { .callsFailed(ticket, $0) }
                    }
                }
            case .loadRecent(let ticket, let query, let cursor, let limit):
                perform(ticket) { provider in
                    do {
                        let page = try await provider.recentCalls(query, after: cursor, limit: limit)
                        return .callsLoaded(ticket, CallPage(calls: page.calls, next: page.next, endNote: page.stop?.message))
                    } catch {
                        return Browser.failure(error).map { .callsFailed(ticket, $0) }
                    }
                }
            case .loadCall(let ticket, let id):
                perform(ticket) { provider in
                    do { return .callDetailLoaded(ticket, try await provider.call(id: id)) } catch {
                        return Browser.failure(error).map { .callDetailFailed(ticket, $0) }
                    }
                }
            case .loadLead(let ticket, let id):
                perform(ticket) { provider in
                    do { return .leadLoaded(ticket, try await provider.lead(id: id)) } catch {
                        return Browser.failure(error).map { .leadFailed(ticket, id, $0) }
                    }
                }
            case .loadRecording(let ticket, let id):
                perform(ticket) { provider in
                    do { return .recordingLoaded(ticket, id, try await provider.recording(forCall: id)) } catch {
                        return Browser.failure(error).map { .recordingFailed(ticket, id, $0) }
                    }
                }
            case .loadSummary(let ticket, let call):
                perform(ticket) { provider in
                    do { return .summaryLoaded(ticket, call.id, try await provider.summary(forCall: call)) } catch {
                        return Browser.failure(error).map { .summaryFailed(ticket, call.id, $0) }
                    }
                }
            case .play(let id, let url):
                let answer: BrowserAction
                if let player {
                    do { answer = .playerStarted(id, try player.play(url)) } catch { answer = .playerFailed(id, String(describing: error)) }
                } else {
                    answer = .playerFailed(id, "no player in this front end")
                }
                // After the action that asked for it has finished.
                Task { [weak self] in self?.send(answer) }
            }
        }
    }

    /// Runs one request off the main actor and sends its answer back, unless it
    /// was cancelled (then nothing is sent: whoever cancelled it moved on).
    private func perform(_ ticket: LoadTicket, _ request: @escaping @Sendable (any CallProvider) async -> BrowserAction?) {
        let provider = self.provider
        tasks[ticket] = Task { [weak self] in
            let action = await Browser.detached(provider, request)
            guard let self else { return }
            self.tasks.removeValue(forKey: ticket)
            if let action, !Task.isCancelled { self.send(action) }
        }
    }

    nonisolated private static func detached(
        _ provider: any CallProvider, _ request: @Sendable (any CallProvider) async -> BrowserAction?
    ) async -> BrowserAction? {
        await request(provider)
    }

    /// A provider's error as the screen shows it; nil for cancellation.
    nonisolated static func failure(_ error: any Error) -> ProviderError? {
        if error is CancellationError { return nil }
        if let error = error as? ProviderError { return error }
        return .network(String(describing: error))
    }
}
