import CalltrailModel
import Foundation

/// Hostile ways of the page-number vendors (issue 9), Skipcall and NectarDesk alike.
public struct PagedVendorFaults: Sendable {
    /// Answer every page as the first: the server ignores the page parameter.
    public var ignorePage = false
    /// Ignore the contact filter on the call list (the parameter is calltrail's guess):
    /// every contact's calls come back.
    public var ignoreContactFilter = false
    public init(ignorePage: Bool = false, ignoreContactFilter: Bool = false) {
        self.ignorePage = ignorePage
        self.ignoreContactFilter = ignoreContactFilter
    }
}

/// Page-number paging as the Skipcall and NectarDesk stand-ins answer it:
/// validates `page`/`size` the way a strict API would and slices the items.
struct StubPageNumberListing {
    var pageParameter: String
    var sizeParameter: String
    var firstPage: Int
    var defaultSize: Int
    var maximumSize: Int
    /// A hostile server: every page is the first.
    var ignoresPage = false

    /// The page of `items` the request asks for, or a 400 reason.
    func page(of items: [JSONValue], for request: StubRequest) -> Result<(items: [JSONValue], page: Int, size: Int), StubBadParameter> {
        let page = request.query[pageParameter].map { Int($0) ?? Int.min } ?? firstPage
        let size = request.query[sizeParameter].map { Int($0) ?? -1 } ?? defaultSize
        guard page >= firstPage else { return .failure(StubBadParameter("\(pageParameter) must be a whole number ≥ \(firstPage)")) }
        guard (1...maximumSize).contains(size) else { return .failure(StubBadParameter("\(sizeParameter) must be 1…\(maximumSize)")) }
        let start = ignoresPage ? 0 : min(items.count, (page - firstPage).multipliedReportingOverflow(by: size).partialValue)
        let end = min(items.count, start + size)
        return .success((Array(items[max(0, start)..<end]), page, size))
    }
}

struct StubBadParameter: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Deterministic choices for the stand-in data.
extension SplitMix64 {
    /// One of `choices`, picked by weight.
    mutating func pick<T>(_ choices: [(T, Int)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = Int(next() % UInt64(max(1, total)))
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }

    /// Start instants going back from `newest`, one to five hours apart.
    mutating func startTimes(count: Int, from newest: Date) -> [Date] {
        var start = newest
        return (0..<count).map { _ in
            start = start.addingTimeInterval(-Double(3_600 + Int(next() % 14_400)))
            return start
        }
    }
}

/// A vendor mounted under a path prefix, rate-limit headers on every answer.
protocol PrefixedStubRoutes: RateLimitedStubRoutes {
    static var prefix: String { get }
}

extension PrefixedStubRoutes {
    public func serves(path: String) -> Bool { path.hasPrefix(Self.prefix + "/") }

    /// The path's segments below the prefix.
    func segments(of request: StubRequest) -> [String] {
        request.path.dropFirst(Self.prefix.count).split(separator: "/").map(String.init)
    }
}
