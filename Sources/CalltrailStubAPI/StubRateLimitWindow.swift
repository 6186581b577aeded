import Foundation

/// A fixed one-minute request window that produces `X-RateLimit-*` headers,
/// like the per-app limits of Lofty, Skipcall and NectarDesk.
final class StubRateLimitWindow: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var windowStart = 0.0
    private var count = 0

    init(limit: Int) { self.limit = limit }

    func headers(now: Double = Date().timeIntervalSince1970) -> [(String, String)] {
        let (used, reset): (Int, Double) = lock.withLock {
            if now - windowStart >= 60 {
                windowStart = now.rounded(.down)
                count = 0
            }
            count += 1
            return (count, windowStart + 60)
        }
        return [
            ("X-RateLimit-Limit", String(limit)),
            ("X-RateLimit-Remaining", String(max(0, limit - used))),
            ("X-RateLimit-Reset", String(Int(reset))),
        ]
    }
}

/// A vendor's routes with the window's `X-RateLimit-*` headers on every answer.
protocol RateLimitedStubRoutes: StubVendorRoutes {
    var window: StubRateLimitWindow { get }
    func answer(_ request: StubRequest) -> StubResponse
}

extension RateLimitedStubRoutes {
    public func respond(to request: StubRequest) -> StubResponse {
        var response = answer(request)
        response.headers += window.headers()
        return response
    }
}
