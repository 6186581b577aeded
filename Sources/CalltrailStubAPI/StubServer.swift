import NIOCore
import NIOHTTP1
import NIOPosix

/// The stand-in API's HTTP server on 127.0.0.1. Runs in-process for tests or
/// inside the `calltrail-stub-api` executable.
public final class StubServer: Sendable {
    public let port: Int
    public let state: StubState
    private let channel: any Channel

    private init(port: Int, state: StubState, channel: any Channel) {
        self.port = port
        self.state = state
        self.channel = channel
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port; read it from `port`).
    public static func start(port: Int = 0, state: StubState) async throws -> StubServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(StubHTTPHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw StubServerError.noPort
        }
        return StubServer(port: bound, state: state, channel: channel)
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func shutdown() async {
        try? await channel.close()
    }
}

public enum StubServerError: Error { case noPort }

/// Reads one request (head, body, end), answers it, honouring injected delays
/// and truncation.
final class StubHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: StubState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(state: StubState) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let reply = state.handle(
                method: head.method.rawValue, uri: head.uri,
                headers: head.headers.map { ($0.name, $0.value) }, body: body)
            let keepAlive = head.isKeepAlive
            if reply.delayMs > 0 {
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delayMs))) {
                    self.write(reply, keepAlive: keepAlive, context: context)
                }
            } else {
                write(reply, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func write(_ reply: StubReply, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(reply.response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(reply.response.body.count))
        switch reply.body {
        case .whole: break
        case .trickle(let everyMs):
            // A megabyte promised (under the client's cap), a byte at a time: hours.
            headers.replaceOrAdd(name: "Content-Length", value: String(1 << 20))
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: reply.response.status), headers: headers))), promise: nil)
            trickle(everyMs: everyMs, context: context)
            return
        }
        if !keepAlive || reply.truncate { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: reply.response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let cut = reply.truncate || reply.stall
        let bytes = cut ? Array(reply.response.body.prefix(reply.response.body.count / 2)) : reply.response.body
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        if reply.stall {
            // Promise the whole body, send half, then go quiet with the connection open.
            context.flush()
            return
        }
        if reply.truncate {
            // Cut the connection mid-body: the client sees a short read.
            context.flush()
            context.close(promise: nil)
            return
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            done.whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }

    /// One space every `everyMs` until the client goes away.
    private func trickle(everyMs: Int, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var buffer = context.channel.allocator.buffer(capacity: 1)
        buffer.writeInteger(UInt8(ascii: " "))
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(everyMs))) {
            self.trickle(everyMs: everyMs, context: context)
        }
    }
}
