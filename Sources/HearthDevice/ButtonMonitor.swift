import Foundation

/// Watches one button line on its own thread: edges and deadlines go through
/// a `ButtonStateMachine`, whose events reach `handler` on that thread.
public final class ButtonMonitor: @unchecked Sendable {
    private let source: any GPIOEdgeSource
    private let clock: @Sendable () -> Duration
    private let handler: @Sendable (ButtonEvent) -> Void
    private var machine: ButtonStateMachine
    private let stopLock = NSLock()
    private var stopRequested = false
    private var lastError: (any Error)?
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    /// Longest sleep with nothing pending: bounds how stale a failing line
    /// can get before its error is noticed.
    private static let idleWait: Duration = .seconds(1)

    public init(chip: any GPIOChip, line: Int, configuration: ButtonConfiguration,
                bias: GPIOBias = .asIs, consumer: String = "hearth-button",
                handler: @escaping @Sendable (ButtonEvent) -> Void) throws {
        let source = try chip.requestEdges(line: line, consumer: consumer, bias: bias)
        let level: Bool
        do {
            level = try source.level()
        } catch {
            source.release()
            throw error
        }
        self.source = source
        clock = { [chip] in chip.now() }
        self.handler = handler
        machine = ButtonStateMachine(configuration: configuration, initialLevel: level)
    }

    deinit { source.release() }

    public func start() {
        guard thread == nil else { return }
        let thread = Thread { [self] in run() }
        thread.name = "hearth-button"
        self.thread = thread
        thread.start()
    }

    /// Stops promptly (the wait is woken) and returns once the thread ended.
    public func stop() {
        guard thread != nil else { return }
        stopLock.withLock { stopRequested = true }
        source.wake()
        finished.wait()
        thread = nil
    }

    private var shouldStop: Bool { stopLock.withLock { stopRequested } }

    /// The error that ended monitoring (the line failed), if any.
    public var error: (any Error)? { stopLock.withLock { lastError } }

    private func run() {
        defer { finished.signal() }
        while !shouldStop {
            let now = clock()
            let wait = machine.nextDeadline.map { max($0 - now, .zero) } ?? Self.idleWait
            let edges: [GPIOEdgeEvent]
            do {
                edges = try source.waitForEdges(timeout: min(wait, Self.idleWait))
            } catch {
                stopLock.withLock { lastError = error }
                return
            }
            var events: [ButtonEvent] = []
            for edge in edges { events += machine.handle(edge) }
            events += machine.advance(to: clock())
            for event in events { handler(event) }
        }
    }
}
