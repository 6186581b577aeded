import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// `o`: the link is fetched only when asked, kept until it expires, fetched again
/// after; no recording, failures and a player that cannot start are said in the footer.
@MainActor
@Suite struct RecordingTests {
    static let lead = LeadID("7")

    static func opened(_ provider: ScriptedProvider, player: PlayerSpy) async -> Browser {
        let settings = BrowserSettings(pageSize: 50, timeZone: TimeZone(identifier: "UTC") ?? .current, initialLead: lead)
        let browser = Browser(provider: provider, settings: settings, player: player)
        browser.send(.resize(rows: 24, columns: 100))
        browser.start()
        await browser.settle()
        return browser
    }

    func recordingRequests(_ provider: ScriptedProvider) async -> [CallID] {
        await provider.requests.compactMap { if case .recording(let id) = $0 { id } else { nil } }
    }

    @Test func fetchesOnlyOnOCachesAndPlays() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true)
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        let call = try #require(browser.state.timeline?.selectedCall)
        #expect(await recordingRequests(provider).isEmpty, "nothing is fetched before o")
        #expect(browser.state.recordingStatus(of: call) == .unknown)
        #expect(browser.state.detailRows(width: 60).contains(.field(label: "Recording", value: "not known · o asks")))

        browser.send(.playRecording)
        #expect(browser.state.recordingStatus(of: call) == .loading)
        #expect(browser.state.detailRows(width: 60).contains(.field(label: "Recording", value: "loading…")))
        // The player's start comes back as an action, after the one that asked for it.
        #expect(await browser.wait { $0.footer.notice != nil })
        #expect(player.urls == [ScriptedProvider.recordingURL(call.id, fetch: 1)])
        #expect(browser.state.recordingStatus(of: call) == .available)
        #expect(browser.state.footer.notice == "playing the recording of call \(call.id.rawValue) with fake-player")

        browser.send(.playRecording)
        #expect(player.urls.count == 2)
        #expect(await recordingRequests(provider) == [call.id], "the link is kept while it lasts")
        browser.send(.moveDown)
        #expect(browser.state.footer.notice == nil, "the notice goes with its call")
    }

    @Test func fetchesAgainOnceTheLinkHasExpired() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true, recordingValidity: .milliseconds(200))
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        let call = try #require(browser.state.timeline?.selectedCall)
        browser.send(.playRecording)
        #expect(await browser.wait { _ in player.urls.count == 1 })
        // Past the link's life (200 ms, less a tenth kept in hand).
        let expired = ContinuousClock.now + .milliseconds(250)
        while ContinuousClock.now < expired { try await Task.sleep(for: .milliseconds(20)) }
        browser.send(.playRecording)
        #expect(await browser.wait { _ in player.urls.count == 2 })
        #expect(await recordingRequests(provider) == [call.id, call.id])
        #expect(player.urls.last == ScriptedProvider.recordingURL(call.id, fetch: 2))
    }

    @Test func aCallWithoutARecordingSaysSoAndIsNotAskedAgain() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true)
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        browser.send(.focus(.calls))
        browser.send(.moveDown)  // index 1: no recording
        let call = try #require(browser.state.timeline?.selectedCall)
        browser.send(.playRecording)
        #expect(await browser.wait { $0.recordings.pending == nil })
        #expect(browser.state.recordingStatus(of: call) == RecordingStatus.none)
        #expect(browser.state.footer.notice == "call \(call.id.rawValue) has no recording")
        browser.send(.playRecording)
        #expect(await recordingRequests(provider) == [call.id])
        #expect(player.urls.isEmpty)
    }

    @Test func aFailureShowsInTheFooterAndORetries() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true)
        await provider.failNextRecording(with: .noAccess("call 7-0"))
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        let call = try #require(browser.state.timeline?.selectedCall)
        browser.send(.playRecording)
        #expect(await browser.wait { $0.recordings.problem != nil })
        #expect(browser.state.recordingStatus(of: call) == .failed)
        #expect(browser.state.footer.error == "recording of call 7-0: no access to call 7-0 or it does not exist")
        #expect(browser.state.footer.retryHint == "o retries")
        browser.send(.playRecording)
        #expect(await browser.wait { _ in player.urls.count == 1 })
        #expect(browser.state.footer.error == nil)
    }

    @Test func aPlayerThatCannotStartIsSaid() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true)
        let player = PlayerSpy(failure: "vlcx: no such file or directory")
        let browser = await Self.opened(provider, player: player)
        browser.send(.playRecording)
        #expect(await browser.wait { $0.recordings.problem != nil })
        #expect(browser.state.footer.error == "cannot start the player vlcx: no such file or directory")
        #expect(browser.state.footer.retryHint == nil, "o again would not help: the config has to change")
    }

    @Test func providersWithoutRecordingsShowNoRowAndSaySo() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)])
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        let call = try #require(browser.state.timeline?.selectedCall)
        #expect(browser.state.recordingStatus(of: call) == nil)
        #expect(!browser.state.detailRows(width: 60).contains { if case .field("Recording", _) = $0 { true } else { false } })
        browser.send(.playRecording)
        #expect(browser.state.footer.notice == "recordings are not offered by Scripted")
        #expect(await recordingRequests(provider).isEmpty)
    }

    @Test func theLeadsPaneDoesNotPlay() async throws {
        let provider = ScriptedProvider(leads: [(Self.lead, 30)], recordings: true)
        let player = PlayerSpy()
        let browser = await Self.opened(provider, player: player)
        browser.send(.focus(.leads))
        browser.send(.playRecording)
        #expect(browser.state.footer.notice == "select a call first: o plays its recording")
        #expect(await recordingRequests(provider).isEmpty)
    }
}

/// Records the URLs it was asked to play; fails when told to.
final class PlayerSpy: RecordingPlayer, @unchecked Sendable {
    private let lock = NSLock()
    private var played: [String] = []
    let failure: String?

    init(failure: String? = nil) { self.failure = failure }

    struct Refusal: Error, CustomStringConvertible { let description: String }

    func play(_ url: String) throws -> String {
        if let failure { throw Refusal(description: failure) }
        lock.withLock { played.append(url) }
        return "fake-player"
    }

    var urls: [String] { lock.withLock { played } }
}
