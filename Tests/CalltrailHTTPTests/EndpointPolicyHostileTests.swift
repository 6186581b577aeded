import CalltrailHTTP
import CalltrailProviders
import Testing

/// Base URLs that must be refused without harm: credentials are never quoted
/// back, and a port the HTTP stack cannot hold is refused before any request.
@Suite struct EndpointPolicyHostileTests {
    func refusal(_ text: String) -> String? {
        do {
            _ = try EndpointPolicy.validatedBaseURL(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func credentialsAreRefusedWithoutQuotingThem() throws {
        for text in [
            "https://user:SECRET@api.lofty.com", "https://user:SECRET@", "https://SECRET@api.lofty.com/v1",
            "http://user:SECRET@127.0.0.1:99999", "https://a:SECRET@b@host", "user:SECRET@host", "ftp://u:SECRET@h",
        ] {
            let message = try #require(refusal(text), "\(text) was accepted")
            #expect(!message.contains("SECRET"), "\(message)")
            #expect(message.contains("•••"), "\(message)")
        }
        #expect(refusal("https://user:SECRET@api.lofty.com")?.contains("credentials") == true)
    }

    @Test func portsOutsideOneTo65535AreRefused() throws {
        for port in [0, 65_536, 65_979, 99_999] {
            for host in ["127.0.0.1", "api.lofty.com"] {
                let scheme = host == "api.lofty.com" ? "https" : "http"
                let message = try #require(refusal("\(scheme)://\(host):\(port)"), "port \(port) on \(host) was accepted")
                #expect(message.contains("1 to 65535"), "\(message)")
            }
        }
        #expect(refusal("http://127.0.0.1:99999999999999999999999") != nil)
        for port in [1, 443, 65_535] {
            #expect(refusal("http://127.0.0.1:\(port)") == nil)
            #expect(refusal("https://api.lofty.com:\(port)/v1") == nil)
        }
    }
}
