import HearthRuntime

/// Runs a test's blocking work (flite, sox, a child process, loading speech
/// models) on a thread of its own. Swift Testing runs tests on the
/// cooperative pool, two threads on a two-core machine: suites blocking
/// them at the start of a full run held back other suites' timers and
/// background probes until those failed.
public func offPool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await DedicatedThread.run(named: "hearth.test", body)
}
