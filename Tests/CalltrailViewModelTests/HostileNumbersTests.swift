import CalltrailModel
import CalltrailProviders
import Foundation
import Testing
@testable import CalltrailViewModel

/// Numbers an API may send that no one means must show as text, never trap.
@Suite struct HostileNumbersTests {
    @Test func displayFormatsAreTotal() {
        let zone = TimeZone(identifier: "America/New_York") ?? .current
        let now = Date(timeIntervalSince1970: 1_776_852_900)
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(DisplayFormat.instant(date, in: zone) == UTCTimestamp.invalidTime)
            #expect(DisplayFormat.clockTime(date, in: zone) == "—")
            #expect(DisplayFormat.age(of: date, now: now) == "")
            #expect(LocalDay.number(of: date, in: zone) == 0)
        }
        #expect(DisplayFormat.money(1e300) == "1e+300")
        #expect(DisplayFormat.money(-.infinity) == "-inf")
        #expect(DisplayFormat.money(12.5) == "12.50")
        #expect(DisplayFormat.rating(Int.max) == "★★★★★" && DisplayFormat.rating(Int.min) == "☆☆☆☆☆")
        #expect(DisplayFormat.duration(Int.max).hasSuffix(":07"))
        #expect(ProviderError.rateLimited(retryAfter: 1e300).message == "rate limited by the provider; try again later")
        #expect(ProviderError.rateLimited(retryAfter: .nan).message == "rate limited by the provider; try again later")
    }

    @Test func aCallFullOfHostileNumbersRendersItsDetail() {
        let call = Call(
            id: "1", startTime: Date(timeIntervalSince1970: .nan), endTime: Date(timeIntervalSince1970: 1e300),
            duration: Int.max, rating: -7,
            details: [CallDetail(key: "price", label: "Price", value: .money(1e300, currency: "USD")),
                      CallDetail(key: "t", label: "Logged", value: .instant(Date(timeIntervalSince1970: -.infinity)))])
        let rows = CallDetailRows.rows(for: call, width: 60, zone: TimeZone(identifier: "UTC") ?? .current)
        #expect(rows.contains(.field(label: "Started", value: UTCTimestamp.invalidTime)))
        #expect(rows.contains(.field(label: "Price", value: "1e+300 USD")))
    }
}
