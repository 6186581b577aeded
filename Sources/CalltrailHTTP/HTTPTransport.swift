import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Sends one request and returns the whole response. The seam between the retry
/// logic and the network, so tests can script replies without sockets.
public protocol HTTPTransport: Sendable {
    /// Throws `TransportError` for network failures and time-outs, and
    /// `CancellationError` when the calling task was cancelled.
    func send(method: String, url: String, headers: [(String, String)], timeout: Duration) async throws -> HTTPReply
}

/// Why no response arrived. Messages carry no URL query or header values.
public enum TransportError: Error, Sendable, Hashable {
    case timedOut
    case network(String)
    /// No connection could be made. The transport already kept trying for its
    /// connect time-out, so the caller does not retry this.
    case cannotConnect(String)
}

/// The real transport, on async-http-client. One client for the process, with
/// redirects disallowed: a redirect to another host must never carry the token.
public struct AsyncHTTPTransport: HTTPTransport {
    /// Responses larger than this are refused rather than held in memory.
    public static let maximumBodyBytes = 32 * 1024 * 1024

    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        // The pool keeps retrying a refused connection until this expires.
        configuration.timeout = .init(connect: .seconds(5))
        configuration.decompression = .enabled(limit: .ratio(50))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public init() {}

    public func send(method: String, url: String, headers: [(String, String)], timeout: Duration) async throws -> HTTPReply {
        // The client's own deadline covers the head; a body that stalls or trickles
        // after it would be waited on for ever, so the whole exchange races the clock.
        try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            group.addTask { try await exchange(method: method, url: url, headers: headers, timeout: timeout) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TransportError.timedOut
            }
            defer { group.cancelAll() }
            guard let reply = try await group.next() else { throw TransportError.timedOut }
            return reply
        }
    }

    private func exchange(method: String, url: String, headers: [(String, String)], timeout: Duration) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        do {
            let response = try await Self.client.execute(request, deadline: deadline)
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            return HTTPReply(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(body.readableBytesView)
            )
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            throw Self.classify(error, host: request.url.split(separator: "/").dropFirst().first.map(String.init) ?? "the host")
        }
    }

    static func classify(_ error: any Error, host: String) -> TransportError {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout:
                return .cannotConnect("cannot connect to \(host) (no answer)")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut
            case .remoteConnectionClosed:
                return .network("the connection closed before the response was complete")
            default:
                // The client's description can quote request headers, the token among them: name the case only.
                let name = String(describing: clientError).prefix { $0 != "(" }
                return .network("the HTTP client refused the request (\(name))")
            }
        }
        if error is NIOTooManyBytesError {
            return .network("the response is larger than \(maximumBodyBytes / 1_048_576) MiB")
        }
        if let io = error as? IOError {
            let reason = String(cString: strerror(io.errnoCode)).lowercased()
            switch io.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL:
                return .cannotConnect("cannot connect to \(host) (\(reason))")
            default:
                return .network("\(host): \(reason)")
            }
        }
        if let connect = error as? NIOConnectionError {
            let first = connect.connectionErrors.first.map { String(describing: $0.error) } ?? "no address"
            return .cannotConnect("cannot connect to \(connect.host):\(connect.port) (\(first))")
        }
        if error is SocketAddressError {
            return .cannotConnect("cannot resolve \(host)")
        }
        if let tls = error as? NIOSSLError { return classify(tls: tls, host: host) }
        if let parse = error as? HTTPParserError {
            return .network("the response was cut short or malformed (\(parse))")
        }
        let kind = String(describing: type(of: error))
        if kind.contains("SSL") || kind.contains("TLS") {
            // Commonly an https:// URL pointed at a server that speaks plain HTTP.
            return .cannotConnect("the TLS handshake with \(host) failed (\(kind)); if that server speaks plain HTTP, use an http:// base URL")
        }
        return .network("the request failed (\(kind))")
    }

    /// TLS failures in words: HTTPS to a plain-HTTP server fails the handshake with
    /// BoringSSL's WRONG_VERSION_NUMBER (the reply is not a TLS record).
    static func classify(tls error: NIOSSLError, host: String) -> TransportError {
        guard case .handshakeFailed(let inner) = error else {
            return .network("the TLS connection to \(host) failed (\(String(describing: error).prefix { $0 != "(" }))")
        }
        let detail = String(describing: inner)
        if detail.contains("WRONG_VERSION_NUMBER") || detail.contains("HTTP_REQUEST") {
            return .cannotConnect("\(host) speaks plain HTTP on this port, not HTTPS: check the scheme and port of the base URL")
        }
        if detail.contains("CERTIFICATE_VERIFY_FAILED") {
            return .cannotConnect("the TLS certificate of \(host) is not trusted by this machine")
        }
        return .cannotConnect("the TLS handshake with \(host) failed")
    }
}
