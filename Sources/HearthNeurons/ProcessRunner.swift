import Foundation
import HearthRuntime

#if canImport(Glibc)
import Glibc
#endif

// glibc has had these since 2.29 and 2.34, but its header does not show them to Swift.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32

/// Runs a program with a time limit and collects what it printed.
///
/// The program gets its own process group, so a time limit ends everything
/// it started (a shell command's children too), not only the program itself:
/// a child left behind would keep the output pipe open and the run waiting.
enum ProcessRunner {
    struct Outcome: Sendable {
        var output: String
        var errorOutput: String
        var returnCode: Int32
        var timedOut: Bool
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    static let outputLimit = 1 << 20

    /// `arguments[0]` is the executable; no shell is involved unless the
    /// caller names one.
    static func run(_ arguments: [String], directory: String?, timeout: Duration) async throws -> Outcome {
        let stdout = Pipe()
        let stderr = Pipe()
        let pid = try spawn(arguments, directory: directory, stdout: stdout, stderr: stderr)
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()

        async let output = readAll(stdout.fileHandleForReading)
        async let errorOutput = readAll(stderr.fileHandleForReading)
        // True when the time limit ended the program.
        let watchdog = Task { () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            kill(-pid, SIGTERM)
            try? await Task.sleep(for: .seconds(2))
            kill(-pid, SIGKILL)
            return true
        }
        let code = await wait(for: pid)
        watchdog.cancel()
        let timedOut = await watchdog.value
        // The group may still hold the pipes (a child left in the background); end it.
        kill(-pid, SIGKILL)
        return Outcome(output: await output, errorOutput: await errorOutput, returnCode: code, timedOut: timedOut)
    }

    private static func spawn(_ arguments: [String], directory: String?, stdout: Pipe, stderr: Pipe) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.fileHandleForWriting.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.fileHandleForWriting.fileDescriptor, 2)
        if let directory, FileManager.default.fileExists(atPath: directory) {
            _ = spawnAddChdir(&actions, directory)
        }
        // A user's program gets stdin, stdout and stderr only: not Hearth's
        // sockets, its database, or a file some other task is writing.
        _ = spawnAddCloseFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard result == 0 else {
            throw LaunchError(description: "cannot start '\(arguments[0])': \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits for the program on a thread of its own so no cooperative thread
    /// blocks. A program ended by a signal reports minus that signal, as
    /// Python's subprocess (and so Kalliope's neurons) did.
    private static func wait(for pid: pid_t) async -> Int32 {
        await DedicatedThread.run(named: "hearth.process-wait") {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : -signal
        }
    }

    private static func readAll(_ handle: FileHandle) async -> String {
        await DedicatedThread.run(named: "hearth.process-output") {
            let data = (try? handle.readToEnd()) ?? Data()
            return String(decoding: data.prefix(outputLimit), as: UTF8.self)
        }
    }
}
