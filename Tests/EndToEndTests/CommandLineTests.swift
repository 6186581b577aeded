import CalltrailModel
import Foundation
import Testing

/// The command line itself, against the built binary: mistakes said before any
/// request with the right exit status, tables that line up, the same words as the
/// browser, `--version`, completions and misspelt commands.
@Suite struct CommandLineTests {
    static let skipcallPrefix = "/skipcall/v1"
    static let skipcallContact = "c0a70000-0000-4000-8000-000000000001"

    @Test func anUnknownOutcomeWordOfAFixedVocabularyIsAUsageErrorListingTheValidWords() async throws {
        let result = try await Calltrail.run(["calls", "--lead", "100001", "--outcome", "talkd"], token: nil)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty, "no header, no rows")
        #expect(result.stderr == "calltrail: unknown outcome 'talkd' for Demo — did you mean 'talked'? "
            + "(valid: talked, voice-message, no-answer, bad-number, dnc-number, dnc-contact; a value Demo added later: other:VALUE)\n")
        // Known words in any spelling still work.
        let known = try await Calltrail.run(
            ["calls", "--lead", "100001", "--outcome", "NoAnswer,talked", "--limit", "3", "--format", "csv"], token: nil)
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdoutLines.count == 4)
    }

    @Test func anUnknownOutcomeOnLoftyIsRefusedBeforeAnyRequest() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(
            ["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "100002", "--outcome", "busy"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown outcome 'busy' for Lofty") && result.stderr.contains("valid: talked,"))
        #expect(try await stub.requests().isEmpty)
    }

    @Test func anOpenVocabularyWordThatMatchesNothingIsWarnedAboutOnStderr() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run([
            "calls", "--provider", "skipcall", "--base-url", stub.baseURL + Self.skipcallPrefix,
            "--lead", Self.skipcallContact, "--outcome", "complete",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty || result.stdoutLines.count == 1, "at most the header")
        #expect(result.stderr.hasPrefix("calltrail: none of 230 calls has outcome 'complete' (outcomes seen: "))
        #expect(result.stderr.contains("completed"))
        let matching = try await Calltrail.run([
            "calls", "--provider", "skipcall", "--base-url", stub.baseURL + Self.skipcallPrefix,
            "--lead", Self.skipcallContact, "--outcome", "completed", "--limit", "2",
        ])
        #expect(matching.status == 0 && matching.stderr.isEmpty, "\(matching.stderr)")
    }

    @Test func idsOfTheWrongShapeExit65BeforeAnyRequest() async throws {
        let demoLead = try await Calltrail.run(["calls", "--lead", "abc"], token: nil)
        #expect(demoLead.status == 65)
        #expect(demoLead.stderr == "calltrail: \"abc\" is not a Demo lead id (a positive whole number)\n")
        let demoCall = try await Calltrail.run(["call", "abc"], token: nil)
        #expect(demoCall.status == 65)
        #expect(demoCall.stderr == "calltrail: \"abc\" is not a Demo call id (a positive whole number)\n")
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let skipcall = try await Calltrail.run([
            "calls", "--provider", "skipcall", "--base-url", stub.baseURL + Self.skipcallPrefix, "--lead", "42",
        ])
        #expect(skipcall.status == 65)
        #expect(skipcall.stderr.contains("is not a Skipcall lead id (a uuid like"))
        let lofty = try await Calltrail.run(["calls", "--provider", "lofty", "--base-url", stub.baseURL, "--lead", "abc"])
        #expect(lofty.status == 65)
        #expect(try await stub.requests().isEmpty)
    }

    @Test func theBrowserRefusesALeadIdTheProviderCannotHave() async throws {
        let binary = TmuxSession.shellQuote(try BuiltProducts.path(of: "calltrail"))
        let tmux = try TmuxSession(width: 80, height: 24, command: "exec sh")
        defer { tmux.close() }
        try tmux.type("\(binary) --lead abc; echo exit=$?")
        try tmux.send("Enter")
        let screen = try await tmux.waitFor(text: "exit=65")
        #expect(screen.contains("calltrail: \"abc\" is not a Demo lead id (a positive whole number)"))
        #expect(!screen.contains("demo data"), "the browser never started")
    }

    @Test func uuidTablesLineUp() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let base = stub.baseURL + Self.skipcallPrefix
        for arguments in [
            ["calls", "--lead", Self.skipcallContact, "--limit", "30"],
            ["leads", "--limit", "30"],
        ] {
            let result = try await Calltrail.run(arguments + ["--provider", "skipcall", "--base-url", base],
                                                 extraEnvironment: ["COLUMNS": "160"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdoutLines
            #expect(lines.count == 31)
            // The id column is 36 wide (a uuid) in the header and every row: the next column starts at 38 in all.
            for line in lines {
                let characters = Array(line)
                #expect(characters.count > 38 && characters[36] == " " && characters[37] == " " && characters[38] != " ", "\(line)")
            }
            #expect(lines[0].hasPrefix(String(repeating: " ", count: 34) + "ID  "))
        }
    }

    @Test func callPrintsOutcomeWordsAndYesNoLikeTheBrowser() async throws {
        // The demo's first lead's newest calls: find one with an outcome and a yes/no detail.
        let list = try await Calltrail.run(["calls", "--lead", "100001", "--limit", "40", "--format", "csv"], token: nil)
        let ids = list.stdoutLines.dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        var checked = 0
        for id in ids.prefix(40) {
            let one = try await Calltrail.run(["call", id], token: nil)
            #expect(one.status == 0, "\(one.stderr)")
            let lines = one.stdoutLines
            guard let outcome = lines.first(where: { $0.hasPrefix("Outcome") }),
                  let recorded = lines.first(where: { $0.hasPrefix("Recorded") }) else { continue }
            let word = outcome.dropFirst("Outcome".count).trimmingCharacters(in: .whitespaces)
            #expect(["Talked", "Voice msg", "No answer", "Bad number", "DNC number", "DNC contact"].contains(word), "\(outcome)")
            #expect(recorded.hasSuffix("  yes") || recorded.hasSuffix("  no"), "\(recorded)")
            #expect(!one.stdout.contains("true") && !one.stdout.contains("false"))
            if let price = lines.first(where: { $0.hasPrefix("Price") }) {
                #expect(price.contains(#/ 0\.\d{3} USD$/#) || price.contains(#/ \d+\.\d{2,3} USD$/#), "\(price)")
            }
            if let ringing = lines.first(where: { $0.hasPrefix("Ringing") }) {
                #expect(ringing.contains(#/ \d:\d\d$/#), "one duration style: \(ringing)")
            }
            checked += 1
            if checked == 3 { break }
        }
        #expect(checked > 0)
    }

    @Test func nectarDeskCallReadsLikeTheBrowserWithOneEndedRow() async throws {
        let stub = try await StubAPIProcess()
        defer { stub.stop() }
        let result = try await Calltrail.run(["call", "990002", "--provider", "nectardesk", "--base-url", stub.baseURL + "/nectardesk/v1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.filter { $0.hasPrefix("Ended") }.count == 1, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("In queue") && $0.hasSuffix("  no") })
        #expect(lines.contains { $0.hasPrefix("Talk time") && $0.hasSuffix("  6:20") })
        #expect(lines.contains { $0.hasPrefix("Tags") && $0.hasSuffix("  —") }, "an empty list reads as —")
        #expect(!result.stdout.contains("true") && !result.stdout.contains("false"))
    }

    /// What scripts/install.sh's man page is generated from (ArgumentParser's generate-manual reads it).
    @Test func theParserDescribesEveryCommandForTheManPage() async throws {
        let dump = try await Calltrail.run(["--experimental-dump-help"], token: nil)
        #expect(dump.status == 0, "\(dump.stderr)")
        let info = try JSONValue.parse(Array(dump.stdout.utf8))
        guard case .array(let commands)? = info["command"]?["subcommands"] else {
            Issue.record("no subcommands in the help dump")
            return
        }
        let names = commands.compactMap { $0["commandName"]?.stringValue }
        #expect(names == ["browse", "leads", "calls", "call", "webhook", "recording", "summary", "recent", "stats", "lead", "completions", "help"])
    }

    @Test func versionCompletionsAndMisspeltCommands() async throws {
        let version = try await Calltrail.run(["--version"], token: nil)
        #expect(version.status == 0)
        #expect(version.stdout.contains(#/^\d+\.\d+\.\d+\n$/#))
        for shell in ["bash", "zsh", "fish"] {
            let script = try await Calltrail.run(["completions", shell], token: nil)
            #expect(script.status == 0, "\(script.stderr)")
            #expect(script.stdout.contains("calltrail") && script.stdout.contains("leads") && script.stdout.contains("outcome"))
            // Option values complete too: providers, themes, formats.
            #expect(script.stdout.contains("nectardesk") && script.stdout.contains("high-contrast") && script.stdout.contains("csv"))
        }
        let badShell = try await Calltrail.run(["completions", "tcsh"], token: nil)
        #expect(badShell.status == 64)
        let lead = try await Calltrail.run(["leadss"], token: nil)
        #expect(lead.status == 64)
        #expect(lead.stderr == "calltrail: unknown command 'leadss' — did you mean 'leads'?\n")
        // `lead` is a command of its own (the lead card): without an id it is a usage error.
        let noID = try await Calltrail.run(["lead"], token: nil)
        #expect(noID.status == 64)
        let afterOptions = try await Calltrail.run(["--provider", "demo", "cals", "--lead", "1"], token: nil)
        #expect(afterOptions.status == 64)
        #expect(afterOptions.stderr.contains("unknown command 'cals' — did you mean 'call"))
        let nothingNear = try await Calltrail.run(["frobnicate"], token: nil)
        #expect(nothingNear.status == 64)
        #expect(nothingNear.stderr == "calltrail: unknown command 'frobnicate' (commands: browse, leads, calls, call, webhook, recording, summary, recent, stats, lead, completions, help)\n")
    }
}
