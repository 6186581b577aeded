import CalltrailModel
import Testing

@Suite struct LeadDisplayNameTests {
    @Test func joinsTrimmedNames() {
        #expect(Lead(id: LeadID("1"), firstName: " Jane ", lastName: "\tCooper\u{3000}").displayName == "Jane Cooper")
        #expect(Lead(id: LeadID("1"), firstName: "Jane", lastName: nil).displayName == "Jane")
        #expect(Lead(id: LeadID("1"), firstName: "  ", lastName: "Cooper").displayName == "Cooper")
        #expect(Lead(id: LeadID("1"), firstName: "美咲", lastName: "高橋").displayName == "美咲 高橋")
    }

    @Test func innerSpacesStayAndNewlinesAreNotTrimmed() {
        // Only spaces and tabs go, as `CharacterSet.whitespaces` did; the sanitiser handles the rest when drawn.
        #expect(Lead(id: LeadID("1"), firstName: "Mary  Ann ", lastName: "\u{00A0}Lee").displayName == "Mary  Ann Lee")
        #expect(Lead(id: LeadID("1"), firstName: "\nJo").displayName == "\nJo")
    }

    @Test func fallsBackToPhoneThenID() {
        #expect(Lead(id: LeadID("7"), firstName: " ", lastName: "\t", phones: ["+1 555"]).displayName == "+1 555")
        #expect(Lead(id: LeadID("7")).displayName == "Lead 7")
    }
}
