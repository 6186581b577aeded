import CalltrailModel
import CalltrailProviders
import CalltrailStubAPI
import Foundation
import Testing

@testable import CalltrailHTTP

/// The lead card's fields from Lofty: `GET /v1.0/leads/{leadId}` (wrapped under
/// `lead`) and the lead list, over HTTP against the stand-in's full field set.
@Suite struct LoftyLeadCardTests {
    @Test func getLeadReadsTheCardFieldsAndKeepsTheRest() async throws {
        try await LoftyProviderTests.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            let lead = try await provider.lead(id: LeadID(LoftyStubData.bigLead))
            #expect(lead.displayName == "Jane Cooper")
            #expect(lead.stage == "Active")
            #expect(lead.source != nil)
            #expect(lead.assignedTo.map { $0.split(separator: " ").count == 2 } == true, "first and last name: \(lead.assignedTo ?? "nil")")
            #expect(lead.score.flatMap { Int($0) } != nil)
            #expect(!lead.tags.isEmpty && !lead.segments.isEmpty)
            #expect(lead.address?.contains("San Francisco") == true)
            let others = Set(lead.otherFields.map(\.key))
            #expect(others.isSuperset(of: ["leadTypes", "inquiry", "lastCall", "assignedUserId", "contacted"]))
            #expect(!others.contains("stage") && !others.contains("tags"), "known fields are not repeated raw")
            #expect(server.state.requests.last?.path == "/v1.0/leads/\(LoftyStubData.bigLead)")
        }
    }

    @Test func theListCarriesTheSameFields() async throws {
        try await LoftyProviderTests.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            let page = try await provider.leads(matching: nil, after: nil, limit: 10)
            let listed = try #require(page.leads.first { $0.id == LeadID(LoftyStubData.bigLead) })
            let single = try await provider.lead(id: LeadID(LoftyStubData.bigLead))
            #expect(listed == single)
        }
    }

    @Test func anUnknownLeadIsNotFound() async throws {
        try await LoftyProviderTests.withStub { server in
            let provider = try LoftyProviderTests.provider(server)
            await #expect(throws: ProviderError.self) { try await provider.lead(id: LeadID("999999")) }
        }
    }

    @Test func decodesTheSpecsShapesAndAPlainOne() throws {
        let wrapped = Array(#"{"lead":{"leadId":9,"stage":{"name":"Hot"},"source":"Zillow","assignedUser":"Tom","score":4.5,"tags":["a","b"],"segments":[{"name":"S"}],"address":"1 Main St"}}"#.utf8)
        let lead = try LoftyLeadDecoder.single(from: wrapped)
        #expect(lead.stage == "Hot" && lead.source == "Zillow" && lead.assignedTo == "Tom" && lead.score == "4.5")
        #expect(lead.tags == ["a", "b"] && lead.segments == ["S"] && lead.address == "1 Main St")
        #expect(lead.otherFields.isEmpty)
        // A shape not understood stays, raw, under other fields.
        let odd = try LoftyLeadDecoder.single(from: Array(#"{"leadId":9,"score":"high","tags":[1]}"#.utf8))
        #expect(odd.score == nil && odd.tags.isEmpty)
        #expect(odd.otherFields.map(\.key) == ["score", "tags"])
    }
}
