import CalltrailProviders

extension ProviderError {
    /// The same error with `transform` applied to every text it carries: an error a
    /// decoder threw can quote the body (Lofty answers some refusals in HTTP 200),
    /// so it is masked like any other server text before anyone sees it.
    func mappingText(_ transform: (String) -> String) -> ProviderError {
        switch self {
        case .noAccess(let text): return .noAccess(transform(text))
        case .notFound(let text): return .notFound(transform(text))
        case .unauthorized(let text): return .unauthorized(transform(text))
        case .server(let status, let message): return .server(status: status, message: transform(message))
        case .badRequest(let status, let message): return .badRequest(status: status, message: transform(message))
        case .network(let text): return .network(transform(text))
        case .badResponse(let text): return .badResponse(transform(text))
        case .invalidInput(let text): return .invalidInput(transform(text))
        case .unsupported(let text): return .unsupported(transform(text))
        case .pagingBroken(let text): return .pagingBroken(transform(text))
        case .configuration(let text): return .configuration(transform(text))
        case .rateLimited, .timedOut: return self
        }
    }
}
