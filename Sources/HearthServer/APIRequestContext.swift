import Foundation
import Hummingbird
import NIOCore
import HummingbirdAuth
import HummingbirdWebSocket

/// Who is calling: the login that passed basic auth, or anonymous when the
/// API is not password protected.
public struct APICaller: Sendable, Equatable {
    public let login: String?

    public static let anonymous = APICaller(login: nil)
}

/// The per-request context of the REST API. The authentication middleware
/// sets `identity`; routes run only once it is set.
public struct APIRequestContext: AuthRequestContext, RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: APICaller?
    /// Where a WebSocket route leaves its session for the upgrade.
    public let webSocket: WebSocketHandlerReference<APIRequestContext>
    /// The client's address; nil when the connection has none (in-process tests).
    public let remoteAddress: SocketAddress?
    /// The connection the request came on; a refused WebSocket upgrade
    /// leaves its answer there (see `WebSocketRefusals`).
    let channel: any Channel

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.webSocket = .init()
        self.remoteAddress = source.channel.remoteAddress
        self.channel = source.channel
    }

    /// True when the client is on this device (127.0.0.0/8, ::1 or a
    /// Unix socket); false when its address is unknown.
    var isLoopbackClient: Bool {
        switch remoteAddress {
        case .v4(let address)?:
            return address.address.sin_addr.s_addr.bigEndian >> 24 == 127
        case .v6(let address)?:
            let bytes = withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
            let v4Mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return bytes == Array(repeating: 0, count: 15) + [1] || (v4Mapped && bytes[12] == 127)
        case .unixDomainSocket?:
            return true
        case nil:
            return false
        }
    }
}
