#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// systemd's readiness protocol (sd_notify(3)): one datagram per message to
/// the Unix socket named by `$NOTIFY_SOCKET` ("@name" for an abstract
/// socket). Written out here rather than linking libsystemd for one call.
struct SystemdNotifier: Sendable {
    let socketPath: String
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, as
    /// sd_watchdog_enabled(3) advises; nil when no watchdog is asked for.
    let watchdogInterval: Duration?

    /// The notifier the service manager asked for, or nil when Hearth was
    /// not started by one (no `$NOTIFY_SOCKET`).
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SystemdNotifier? {
        guard let path = environment["NOTIFY_SOCKET"], path.hasPrefix("/") || path.hasPrefix("@") else { return nil }
        var interval: Duration?
        // WATCHDOG_PID, when set, names the process the watchdog is meant for.
        let forThisProcess = environment["WATCHDOG_PID"].map { $0 == String(getpid()) } ?? true
        if forThisProcess, let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 {
            interval = .microseconds(microseconds / 2)
        }
        return SystemdNotifier(socketPath: path, watchdogInterval: interval)
    }

    /// The daemon is ready (the API listens).
    func ready() { send("READY=1") }

    func stopping() { send("STOPPING=1") }

    func watchdog() { send("WATCHDOG=1") }

    /// Sends one message; failures are ignored, as sd_notify's callers do:
    /// a manager that stopped listening cannot be told so anyway.
    func send(_ message: String) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        // An abstract socket's name starts with a NUL byte instead of "@".
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path)
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + path.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
    }
}
