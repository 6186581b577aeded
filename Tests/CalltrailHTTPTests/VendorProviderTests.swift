import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailHTTP

/// The two page-numbered vendors over a scripted transport: what is sent, how
/// pages chain, and how refusals read.
@Suite struct VendorProviderTests {
    static let uuid = "123e4567-e89b-12d3-a456-426614174000"
    static let contact = "c0a70000-0000-4000-8000-000000000001"

    func skipcall(_ transport: ScriptedTransport) throws -> SkipcallProvider {
        try SkipcallProvider(baseURL: "https://api-public.skipcall.app/v1",
                         token: AccessToken("sk_test_secret"), retry: .once, transport: transport)
    }

    func nectarDesk(_ transport: ScriptedTransport) throws -> NectarDeskProvider {
        try NectarDeskProvider(baseURL: "https://api.nectardesk.com/v1",
                           token: AccessToken("nd-secret"), retry: .once, transport: transport)
    }

    @Test func skipcallSendsBearerKeyAndChainsPages() async throws {
        let page = { (ids: [String]) in #"{"data": ["# + ids.map { #"{"id": "\#($0)"}"# }.joined(separator: ",") + "]}" }
        let transport = ScriptedTransport([.reply(200, [], page(["a", "b"])), .reply(200, [], page(["c"]))])
        let provider = try skipcall(transport)
        let first = try await provider.calls(forLead: LeadID(Self.contact), after: nil, limit: 2)
        #expect(first.calls.map(\.id) == ["a", "b"])
        let next = try #require(first.next)
        // A different limit later must not change the page size pinned in the cursor.
        let second = try await provider.calls(forLead: LeadID(Self.contact), after: next, limit: 50)
        #expect(second.calls.map(\.id) == ["c"])
        #expect(second.next == nil)
        #expect(transport.sent.map(\.url) == [
            "https://api-public.skipcall.app/v1/calls?contactId=\(Self.contact)&page=0&size=2",
            "https://api-public.skipcall.app/v1/calls?contactId=\(Self.contact)&page=1&size=2",
        ])
        #expect(transport.sent[0].headers.contains { $0 == ("Authorization", "Bearer sk_test_secret") })
    }

    @Test func skipcallRefusalsReadAsOneLine() async throws {
        let transport = ScriptedTransport([
            .reply(401, [], #"{"code":"API_KEY_INVALID","message":"Invalid API key"}"#),
            .reply(404, [], #"{"code":"NOT_FOUND"}"#),
        ])
        let provider = try skipcall(transport)
        await #expect(throws: ProviderError.unauthorized(
            "Skipcall refused the API key (API_KEY_INVALID); keys look like sk_live_… or sk_test_…")) {
            try await provider.call(id: CallID(Self.uuid))
        }
        await #expect(throws: ProviderError.noAccess("call \(Self.uuid)")) { try await provider.call(id: CallID(Self.uuid)) }
        await #expect(throws: ProviderError.self) { try await provider.call(id: "42") }
        #expect(transport.requestCount == 2)
    }

    @Test func idsOfTheWrongShapeAreRefusedBeforeAnyRequest() async throws {
        let transport = ScriptedTransport([])
        let provider = try skipcall(transport)
        await #expect(throws: ProviderError.invalidInput(
            "\"contact-1\" is not a Skipcall lead id (a uuid like 123e4567-e89b-12d3-a456-426614174000)")) {
            try await provider.calls(forLead: "contact-1", after: nil, limit: 5)
        }
        await #expect(throws: ProviderError.invalidInput(
            "\"42\" is not a Skipcall call id (a uuid like 123e4567-e89b-12d3-a456-426614174000)")) {
            try await provider.call(id: "42")
        }
        #expect(transport.requestCount == 0)
    }

    @Test func nectarDeskSendsAccessTokenAndUnwrapsTheCall() async throws {
        let transport = ScriptedTransport([.reply(200, [], VendorFixtures.nectarDeskCall), .reply(200, [], "{\"calls\": [")])
        let provider = try nectarDesk(transport)
        let call = try await provider.call(id: "981234")
        #expect(call.id == "981234")
        #expect(transport.sent[0].url == "https://api.nectardesk.com/v1/calls/981234")
        #expect(transport.sent[0].headers.contains { $0 == ("Access-Token", "nd-secret") })
        await #expect(throws: ProviderError.self) { try await provider.call(id: "981234") }
        await #expect(throws: ProviderError.invalidInput("\"../x\" is not a NectarDesk call id (a whole number like 981234)")) {
            try await provider.call(id: "../x")
        }
    }

    @Test func nectarDeskPagesFromOneAndStopsOnTotal() async throws {
        let transport = ScriptedTransport([
            .reply(200, [], #"{"contacts": [{"id": 1, "full_name": "A"}, {"id": 2, "full_name": "B"}], "meta": {"total": 2}}"#),
        ])
        let provider = try nectarDesk(transport)
        let page = try await provider.leads(matching: " jo ", after: nil, limit: 2)
        #expect(page.leads.map(\.displayName) == ["A", "B"])
        #expect(page.next == nil)
        #expect(page.total == 2)
        #expect(transport.sent[0].url == "https://api.nectardesk.com/v1/contacts?search=jo&page=1&per_page=2")
    }

    @Test func foreignCursorsAreRefused() async throws {
        let provider = try skipcall(ScriptedTransport([]))
        await #expect(throws: ProviderError.self) { try await provider.calls(forLead: LeadID(Self.contact), after: PageCursor("x"), limit: 5) }
        await #expect(throws: ProviderError.self) { try await provider.calls(forLead: LeadID(Self.contact), after: PageCursor("-1:5"), limit: 5) }
        await #expect(throws: ProviderError.self) { try await provider.calls(forLead: LeadID(Self.contact), after: PageCursor("2:1000"), limit: 5) }
    }
}
