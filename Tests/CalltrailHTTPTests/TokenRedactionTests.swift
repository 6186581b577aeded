import CalltrailHTTP
import Testing

/// A server that echoes the token back in another case, or split by invisible
/// characters, must not get it printed; a token too short to mask hides the message.
@Suite struct TokenRedactionTests {
    let token = AccessToken("sk_Live_Abc123")

    @Test func exactUpperAndLowerCaseEchoesAreMasked() {
        for echo in ["sk_Live_Abc123", "SK_LIVE_ABC123", "sk_live_abc123", "Sk_lIvE_aBc123"] {
            let text = "bad token \(echo) (header: Bearer \(echo))"
            #expect(token.redact(text) == "bad token ••• (header: Bearer •••)", "\(echo)")
        }
    }

    @Test func invisibleCharactersInsideTheEchoDoNotHideIt() {
        for splitter in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{200E}", "\u{FE0F}"] {
            let echo = "sk_Li" + splitter + "ve_Abc" + splitter + splitter + "123"
            let masked = token.redact("token=\(echo)!")
            #expect(masked == "token=•••!", "U+\(String(splitter.unicodeScalars.first?.value ?? 0, radix: 16)): \(masked)")
        }
        // Invisible characters around the token stay (only the token goes).
        #expect(token.redact("\u{200B}SK_LIVE_ABC123\u{200B}") == "\u{200B}•••\u{200B}")
    }

    @Test func textWithoutTheTokenIsUnchanged() {
        for text in ["", "nothing here", "sk_Live_Abc12 almost", "日本語 \u{200B} 🚀 sk_Live_Abc1 23"] {
            #expect(token.redact(text) == text)
        }
    }

    @Test func aTokenTooShortToMaskHidesAnyMessageHoldingIt() {
        let short = AccessToken("a1B")
        #expect(short.redact("your token A1b is wrong") == AccessToken.withheldMessage)
        #expect(short.redact("your token a\u{200B}1b is wrong") == AccessToken.withheldMessage)
        #expect(!AccessToken.withheldMessage.lowercased().contains("a1b"))
        // A message without it is shown: nothing to hide.
        #expect(short.redact("rate limited, try later") == "rate limited, try later")
        #expect(AccessToken("").redact("anything") == "anything")
    }

    @Test func errorBodiesEchoingTheTokenAreMaskedInEveryCase() {
        let body = #"{"code":"SK_LIVE_ABC123","message":"token sk_live_\u200babc123 refused"}"#
        let parsed = VendorErrorBody(body: Array(body.utf8), redact: token.redact)
        #expect(!parsed.message.lowercased().contains("abc123"), "\(parsed.message)")
        #expect(!(parsed.code ?? "").lowercased().contains("abc123"))
    }
}
