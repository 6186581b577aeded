import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// `?` opens help over whatever shows and keeps it; help scrolls; `q` backs out
/// of what is open and quits only from the main view.
@MainActor
@Suite struct HelpAndCloseTests {
    @Test func helpOverTheFullScreenDetailReturnsToIt() async {
        let browser = Browser.opened(on: ScriptedProvider(leads: [("L", 50)]), lead: "L")
        await browser.settle()
        browser.send(.open)
        #expect(browser.state.overlay == .fullDetail)
        browser.send(.toggleHelp)
        #expect(browser.state.help.isShown && browser.state.overlay == .fullDetail)
        browser.send(.toggleHelp)
        #expect(!browser.state.help.isShown && browser.state.overlay == .fullDetail, "? again closes help, not the detail")
        browser.send(.toggleHelp)
        browser.send(.back)
        #expect(!browser.state.help.isShown && browser.state.overlay == .fullDetail, "Esc closes help only")
    }

    @Test func qClosesHelpThenTheDetailThenQuits() async {
        let browser = Browser.opened(on: ScriptedProvider(leads: [("L", 50)]), lead: "L")
        await browser.settle()
        browser.send(.open)
        browser.send(.toggleHelp)
        browser.send(.close)
        #expect(!browser.state.help.isShown && browser.state.overlay == .fullDetail && !browser.state.quitRequested)
        browser.send(.close)
        #expect(browser.state.overlay == .none && !browser.state.quitRequested)
        browser.send(.close)
        #expect(browser.state.quitRequested)
    }

    @Test func quitQuitsFromHelp() async {
        let browser = Browser.opened(on: ScriptedProvider(leads: [("L", 5)]), lead: "L")
        browser.send(.toggleHelp)
        browser.send(.quit)
        #expect(browser.state.quitRequested)
    }

    @Test func movementKeysScrollHelpWithinItsLines() async {
        let browser = Browser.opened(on: ScriptedProvider(leads: [("L", 50)]), lead: "L")
        await browser.settle()
        let selected = browser.state.timeline?.selectedCall?.id
        browser.send(.helpArea(rows: 10, lines: 27))
        browser.send(.toggleHelp)
        browser.send(.moveDown)
        #expect(browser.state.help.scroll == 1)
        #expect(browser.state.timeline?.selectedCall?.id == selected, "the list underneath does not move")
        browser.send(.last)
        #expect(browser.state.help.scroll == 17)
        browser.send(.moveDown)
        #expect(browser.state.help.scroll == 17)
        browser.send(.first)
        #expect(browser.state.help.scroll == 0)
        browser.send(.pageDown)
        #expect(browser.state.help.scroll == 9)
        browser.send(.pageUp)
        browser.send(.moveUp)
        #expect(browser.state.help.scroll == 0)
        // A taller terminal shows more: the scroll stays within the new bounds.
        browser.send(.last)
        browser.send(.helpArea(rows: 25, lines: 27))
        #expect(browser.state.help.scroll == 2)
        browser.send(.toggleHelp)
        browser.send(.toggleHelp)
        #expect(browser.state.help.scroll == 0, "help opens at its top")
    }

    @Test(arguments: [
        (ProviderError.unauthorized("the token was refused (HTTP 401)"), "Scripted refused the access token", "CHECK TOKEN"),
        (ProviderError.network("connection refused"), "Cannot reach Scripted", "CHECK URL"),
        (ProviderError.timedOut, "Cannot reach Scripted", "CHECK URL"),
    ])
    func aRefusedTokenOrUnreachableProviderBlocksWithAdvice(error: ProviderError, title: String, advice: String) async {
        let settings = BrowserSettings(advice: ConnectionAdvice(whenRefused: ["CHECK TOKEN"], whenUnreachable: ["CHECK URL"]))
        let browser = Browser(provider: FailingProvider(error: error), settings: settings)
        browser.send(.resize(rows: 24, columns: 80))
        browser.start()
        #expect(await browser.wait { $0.leads.failure != nil })
        let blocking = browser.state.blockingFailure
        #expect(blocking?.title == title)
        #expect(blocking?.message == error.message)
        #expect(blocking?.advice == [advice])
    }

    @Test func otherFailuresDoNotBlock() async {
        let browser = Browser(provider: FailingProvider(error: .server(status: 500, message: "")))
        browser.send(.resize(rows: 24, columns: 80))
        browser.start()
        #expect(await browser.wait { $0.leads.failure != nil })
        #expect(browser.state.blockingFailure == nil)
    }
}

/// A provider whose every request fails with one error.
struct FailingProvider: CallProvider {
    let error: ProviderError
    var descriptor: ProviderDescriptor {
        ProviderDescriptor(name: "Scripted", outcomes: .fixed(CallOutcome.known), defaultPageSize: 100, maximumPageSize: 100)
    }
    func leads(matching query: String?, after cursor: PageCursor?, limit: Int) async throws -> LeadPage { throw error }
    func calls(forLead lead: LeadID, after cursor: PageCursor?, limit: Int) async throws -> CallPage { throw error }
    func call(id: CallID) async throws -> Call { throw error }
}
