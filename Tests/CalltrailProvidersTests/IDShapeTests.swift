import CalltrailModel
import Testing
@testable import CalltrailProviders

/// Ids are checked per provider before any request: the shapes, and the demo
/// provider refusing what cannot be one of its ids (exit 65, not "not found").
@Suite struct IDShapeTests {
    @Test func shapesAcceptOnlyTheirIds() {
        #expect(IDShape.positiveInteger.accepts("100001") && IDShape.positiveInteger.accepts("9223372036854775807"))
        #expect(!IDShape.positiveInteger.accepts("0") && !IDShape.positiveInteger.accepts("-4") && !IDShape.positiveInteger.accepts("abc"))
        #expect(!IDShape.positiveInteger.accepts("9223372036854775808") && !IDShape.positiveInteger.accepts("") && !IDShape.positiveInteger.accepts("+5"))
        #expect(IDShape.wholeNumber.accepts("0") && !IDShape.wholeNumber.accepts("../x") && !IDShape.wholeNumber.accepts(String(repeating: "9", count: 20)))
        #expect(IDShape.uuid.accepts("123e4567-e89b-12d3-a456-426614174000") && IDShape.uuid.accepts("123E4567-E89B-12D3-A456-426614174000"))
        #expect(!IDShape.uuid.accepts("123e4567e89b12d3a456426614174000") && !IDShape.uuid.accepts("123e4567-e89b-12d3-a456-42661417400g"))
        #expect(IDShape.any.accepts("contact-1") && !IDShape.any.accepts("  "))
        #expect(IDShape.uuid.fixedWidth == 36 && IDShape.positiveInteger.fixedWidth == nil)
    }

    @Test func theDemoRefusesIdsThatCannotBeItsOwn() async throws {
        let demo = DemoProvider(latency: .zero)
        await #expect(throws: ProviderError.invalidInput("\"abc\" is not a Demo lead id (a positive whole number)")) {
            try await demo.calls(forLead: "abc", after: nil, limit: 10)
        }
        await #expect(throws: ProviderError.invalidInput("\"abc\" is not a Demo call id (a positive whole number)")) {
            try await demo.call(id: "abc")
        }
        // A well-formed id that does not exist is still "not found" / "no access" (exit 3).
        await #expect(throws: ProviderError.notFound("lead 99")) { try await demo.calls(forLead: "99", after: nil, limit: 10) }
        await #expect(throws: ProviderError.noAccess("this call")) { try await demo.call(id: "7") }
        #expect(throws: ProviderError.self) { try demo.descriptor.check(LeadID("1 2")) }
        try demo.descriptor.check(LeadID("100001"))
    }

    @Test func theDemoNeverRatesACallZeroAndItsPricesAreExactDecimals() async throws {
        let demo = DemoProvider(latency: .zero)
        let page = try await demo.calls(forLead: "100001", after: nil, limit: 500)
        #expect(page.calls.allSatisfy { ($0.rating ?? 1) >= 1 }, "0 would read as a rating of nothing")
        for call in page.calls {
            for detail in call.details {
                if case .money(let amount, _) = detail.value { #expect(String(amount).count <= 6, "\(amount)") }
                if detail.key == "elapsedTime", case .duration = detail.value {} else if detail.key == "elapsedTime" {
                    Issue.record("ringing time is not a duration: \(detail.value)")
                }
            }
        }
    }
}
