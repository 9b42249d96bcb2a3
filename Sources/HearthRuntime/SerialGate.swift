/// Lets one task at a time through, in arrival order, like Kalliope's single
/// synapse queue. A task already inside (a neuron calling back into the
/// runtime, a hook fired during a run) passes straight through instead of
/// waiting for itself.
actor SerialGate {
    @TaskLocal static var isInside = false

    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    @discardableResult
    func withTurn<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        if Self.isInside { return await body() }
        await acquire()
        let result = await Self.$isInside.withValue(true) { await body() }
        release()
        return result
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
