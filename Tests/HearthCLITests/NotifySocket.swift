#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A Unix datagram socket standing in for systemd's notification socket:
/// `hearth run` is given its path as `NOTIFY_SOCKET`. Reads never block, so
/// waiting for a message does not hold a shared test thread.
final class NotifySocket {
    let path: String
    private let descriptor: Int32

    init() throws {
        path = NSTemporaryDirectory() + "hearth-notify-\(UUID().uuidString.prefix(8)).sock"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw NotifySocketError(message: "socket: \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw NotifySocketError(message: "bind \(path): \(errno)") }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Every message waiting now, oldest first.
    func drain() -> [String] {
        var messages: [String] = []
        let capacity = 4096
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = recv(descriptor, &buffer, capacity, Int32(MSG_DONTWAIT))
            if count <= 0 { return messages }
            messages.append(String(decoding: buffer.prefix(count), as: UTF8.self))
        }
    }

    /// Collects messages for `duration`.
    func collect(for duration: Duration) async -> [String] {
        var messages: [String] = []
        let end = ContinuousClock.now + duration
        while ContinuousClock.now < end {
            messages += drain()
            try? await Task.sleep(for: .milliseconds(20))
        }
        return messages + drain()
    }

    /// Waits up to `timeout` until `count` messages equal to `message` came.
    func wait(for message: String, count: Int = 1, timeout: Duration) async -> Bool {
        var seen = 0
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            seen += drain().filter { $0 == message }.count
            if seen >= count { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}

struct NotifySocketError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
