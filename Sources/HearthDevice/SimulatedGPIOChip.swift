import Foundation

/// An in-process GPIO chip: tests (and `hearth run --board sim`) inject
/// input edges with timestamps and read output levels and their history.
/// It enforces what a real chip does: line range, one consumer per line.
public final class SimulatedGPIOChip: GPIOChip, @unchecked Sendable {
    /// A change of an output line, stamped with the chip's clock.
    public struct LevelChange: Sendable, Equatable {
        public var at: Duration
        public var level: Bool
    }

    private struct Line {
        var consumer: String?
        var isOutput = false
        var level = false
        var history: [LevelChange] = []
        var pendingEdges: [GPIOEdgeEvent] = []
        var wakeRequested = false
    }

    public let name: String
    public let lineCount: Int
    private let clock: @Sendable () -> Duration
    // guards `lines`; waiters on edges sleep on it
    private let condition = NSCondition()
    private var lines: [Int: Line] = [:]

    /// - Parameter clock: the chip's time; by default the monotonic clock.
    public init(name: String = "sim", lineCount: Int = 54,
                clock: @escaping @Sendable () -> Duration = SimulatedGPIOChip.monotonicNow) {
        self.name = name
        self.lineCount = lineCount
        self.clock = clock
    }

    public static let monotonicNow: @Sendable () -> Duration = {
        let origin = ContinuousClock.Instant.now
        return { origin.duration(to: .now) }
    }()

    public func now() -> Duration { clock() }

    public func requestOutput(line: Int, consumer: String, initialLevel: Bool) throws -> any GPIOOutput {
        try claim(line: line, consumer: consumer) { state in
            state.isOutput = true
            state.level = initialLevel
            state.history.append(LevelChange(at: clock(), level: initialLevel))
        }
        return SimulatedOutput(chip: self, line: line)
    }

    public func requestEdges(line: Int, consumer: String, bias: GPIOBias) throws -> any GPIOEdgeSource {
        try claim(line: line, consumer: consumer) { state in
            state.isOutput = false
            state.pendingEdges = []
            // an input pulled up idles high, like the real button lines
            if bias == .pullUp { state.level = true }
            if bias == .pullDown { state.level = false }
        }
        return SimulatedEdgeSource(chip: self, line: line)
    }

    // MARK: Test side

    /// Drives an input line: sets its level and, when the line is requested
    /// for edges, queues the edge for the waiting reader.
    public func inject(_ edge: GPIOEdge, line: Int, at timestamp: Duration) {
        inject([GPIOEdgeEvent(edge, at: timestamp)], line: line)
    }

    /// Several edges at once: the reader sees all of them in one wait, as
    /// it would a burst of contact bounce the kernel queued.
    public func inject(_ edges: [GPIOEdgeEvent], line: Int) {
        guard let last = edges.last else { return }
        condition.lock()
        defer { condition.unlock() }
        var state = lines[line] ?? Line()
        state.level = last.edge.levelAfter
        if state.consumer != nil, !state.isOutput {
            state.pendingEdges += edges
        }
        lines[line] = state
        condition.broadcast()
    }

    /// Sets an input's level without an edge (the state at power-up).
    public func setInputLevel(_ high: Bool, line: Int) {
        condition.lock()
        defer { condition.unlock() }
        lines[line, default: Line()].level = high
    }

    public func level(line: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return lines[line]?.level ?? false
    }

    public func history(line: Int) -> [LevelChange] {
        condition.lock()
        defer { condition.unlock() }
        return lines[line]?.history ?? []
    }

    public func consumer(line: Int) -> String? {
        condition.lock()
        defer { condition.unlock() }
        return lines[line]?.consumer
    }

    // MARK: Line side

    private func claim(line: Int, consumer: String, configure: (inout Line) -> Void) throws {
        guard (0..<lineCount).contains(line) else {
            throw GPIOError.noSuchLine(chip: name, line: line, lineCount: lineCount)
        }
        condition.lock()
        defer { condition.unlock() }
        var state = lines[line] ?? Line()
        if let holder = state.consumer {
            throw GPIOError.lineBusy(chip: name, line: line, consumer: holder)
        }
        state.consumer = consumer
        configure(&state)
        lines[line] = state
    }

    fileprivate func set(line: Int, level: Bool) throws {
        condition.lock()
        defer { condition.unlock() }
        guard var state = lines[line], state.consumer != nil else {
            throw GPIOError.released(chip: name, line: line)
        }
        if state.level != level || state.history.isEmpty {
            state.history.append(LevelChange(at: clock(), level: level))
        }
        state.level = level
        lines[line] = state
    }

    fileprivate func currentLevel(line: Int) throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let state = lines[line], state.consumer != nil else {
            throw GPIOError.released(chip: name, line: line)
        }
        return state.level
    }

    fileprivate func waitForEdges(line: Int, timeout: Duration) throws -> [GPIOEdgeEvent] {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard var state = lines[line], state.consumer != nil else {
                throw GPIOError.released(chip: name, line: line)
            }
            if !state.pendingEdges.isEmpty || state.wakeRequested {
                let edges = state.pendingEdges
                state.pendingEdges = []
                state.wakeRequested = false
                lines[line] = state
                return edges
            }
            if !condition.wait(until: deadline) { return [] }
        }
    }

    fileprivate func wake(line: Int) {
        condition.lock()
        defer { condition.unlock() }
        lines[line]?.wakeRequested = true
        condition.broadcast()
    }

    fileprivate func release(line: Int) {
        condition.lock()
        defer { condition.unlock() }
        lines[line]?.consumer = nil
        lines[line]?.pendingEdges = []
        condition.broadcast()
    }
}

private final class SimulatedOutput: GPIOOutput {
    let chip: SimulatedGPIOChip
    let line: Int
    init(chip: SimulatedGPIOChip, line: Int) {
        self.chip = chip
        self.line = line
    }
    func setLevel(_ high: Bool) throws { try chip.set(line: line, level: high) }
    func release() { chip.release(line: line) }
}

private final class SimulatedEdgeSource: GPIOEdgeSource {
    let chip: SimulatedGPIOChip
    let line: Int
    init(chip: SimulatedGPIOChip, line: Int) {
        self.chip = chip
        self.line = line
    }
    func level() throws -> Bool { try chip.currentLevel(line: line) }
    func waitForEdges(timeout: Duration) throws -> [GPIOEdgeEvent] {
        try chip.waitForEdges(line: line, timeout: timeout)
    }
    func wake() { chip.wake(line: line) }
    func release() { chip.release(line: line) }
}
