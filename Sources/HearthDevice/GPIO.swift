/// The GPIO surface Hearth needs: output lines for LEDs, edge-reporting
/// input lines for buttons. Two backends implement it: `LibgpiodChip` on
/// boards and `SimulatedGPIOChip` in tests and `--board sim`.
///
/// Levels are physical (`true` = high). Active-low wiring is applied by the
/// LED and button layers, so both backends see the same levels.
///
/// Times are `Duration`s since an arbitrary origin on one monotonic clock per
/// chip: edge timestamps and `now()` share it.
public protocol GPIOChip: AnyObject, Sendable {
    var name: String { get }
    var lineCount: Int { get }
    func requestOutput(line: Int, consumer: String, initialLevel: Bool) throws -> any GPIOOutput
    func requestEdges(line: Int, consumer: String, bias: GPIOBias) throws -> any GPIOEdgeSource
    /// Now, on the clock of this chip's edge timestamps.
    func now() -> Duration
}

public protocol GPIOOutput: AnyObject, Sendable {
    var line: Int { get }
    func setLevel(_ high: Bool) throws
    func release()
}

public protocol GPIOEdgeSource: AnyObject, Sendable {
    var line: Int { get }
    /// The current physical level.
    func level() throws -> Bool
    /// Blocks until edges arrive, `wake()` is called or `timeout` passes;
    /// returns the edges in arrival order (possibly none).
    func waitForEdges(timeout: Duration) throws -> [GPIOEdgeEvent]
    /// Ends a `waitForEdges` in progress on another thread.
    func wake()
    func release()
}

public enum GPIOEdge: Sendable, Equatable {
    case rising
    case falling

    /// The physical level after the edge.
    public var levelAfter: Bool { self == .rising }
}

public struct GPIOEdgeEvent: Sendable, Equatable {
    public var edge: GPIOEdge
    public var timestamp: Duration

    public init(_ edge: GPIOEdge, at timestamp: Duration) {
        self.edge = edge
        self.timestamp = timestamp
    }
}

public enum GPIOBias: String, Sendable, Equatable, CaseIterable {
    case asIs = "as-is"
    case disabled
    case pullUp = "pull-up"
    case pullDown = "pull-down"
}

public enum GPIOError: Error, Equatable, CustomStringConvertible {
    case chipUnavailable(chip: String, reason: String)
    case noSuchLine(chip: String, line: Int, lineCount: Int)
    case lineBusy(chip: String, line: Int, consumer: String)
    case requestFailed(chip: String, line: Int, reason: String)
    case ioFailed(chip: String, line: Int, reason: String)
    case released(chip: String, line: Int)

    public var description: String {
        switch self {
        case .chipUnavailable(let chip, let reason):
            return "GPIO chip '\(chip)' unavailable: \(reason)"
        case .noSuchLine(let chip, let line, let count):
            return "GPIO \(chip) has \(count) lines; line \(line) does not exist"
        case .lineBusy(let chip, let line, let consumer):
            return "GPIO \(chip) line \(line) is already used by '\(consumer)'"
        case .requestFailed(_, _, let reason), .ioFailed(_, _, let reason):
            return reason
        case .released(let chip, let line):
            return "GPIO \(chip) line \(line) was released"
        }
    }
}
