import CGPIO
#if canImport(Glibc)
import Glibc
#endif

/// GPIO through libgpiod v1.6 (CGPIO), for real boards.
///
/// The chip handle is used from the threads that own its lines; libgpiod's
/// v1 calls on distinct lines do not share state, so lines may live on
/// different threads (one LED driver, one button monitor).
public final class LibgpiodChip: GPIOChip, @unchecked Sendable {
    public let name: String
    public let lineCount: Int
    private let handle: OpaquePointer

    /// - Parameter descriptor: "gpiochip0", "/dev/gpiochip0", a label such
    ///   as "pinctrl-rp1", or a number.
    public init(_ descriptor: String) throws {
        var chip: OpaquePointer?
        var message = [CChar](repeating: 0, count: Int(HEARTH_GPIO_ERROR_SIZE))
        let result = hearth_gpio_chip_open(descriptor, &chip, &message, message.count)
        guard result == 0, let chip else {
            throw GPIOError.chipUnavailable(chip: descriptor, reason: String(cErrorBuffer: message))
        }
        handle = chip
        name = String(cString: hearth_gpio_chip_name(chip))
        lineCount = Int(hearth_gpio_chip_line_count(chip))
    }

    deinit { hearth_gpio_chip_close(handle) }

    public func now() -> Duration { .nanoseconds(Int64(hearth_gpio_clock_ns())) }

    public func requestOutput(line: Int, consumer: String, initialLevel: Bool) throws -> any GPIOOutput {
        let requested = try request(line: line) { offset, out, message, size in
            hearth_gpio_request_output(handle, offset, consumer, initialLevel ? 1 : 0, out, message, size)
        }
        return LibgpiodOutput(chip: self, line: line, handle: requested)
    }

    public func requestEdges(line: Int, consumer: String, bias: GPIOBias) throws -> any GPIOEdgeSource {
        let requested = try request(line: line) { offset, out, message, size in
            hearth_gpio_request_edges(handle, offset, consumer, bias.cValue, out, message, size)
        }
        let wakeFD = hearth_gpio_wake_fd_create()
        guard wakeFD >= 0 else {
            hearth_gpio_line_release(requested)
            throw GPIOError.requestFailed(chip: name, line: line, reason: "GPIO \(name) line \(line): no eventfd for wake-ups")
        }
        return LibgpiodEdgeSource(chip: self, line: line, handle: requested, wakeFD: wakeFD)
    }

    private func request(
        line: Int,
        _ call: (UInt32, UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<CChar>, Int) -> Int32
    ) throws -> OpaquePointer {
        guard (0..<lineCount).contains(line) else {
            throw GPIOError.noSuchLine(chip: name, line: line, lineCount: lineCount)
        }
        var requested: OpaquePointer?
        var message = [CChar](repeating: 0, count: Int(HEARTH_GPIO_ERROR_SIZE))
        let result = message.withUnsafeMutableBufferPointer { buffer in
            call(UInt32(line), &requested, buffer.baseAddress!, buffer.count)
        }
        guard result == 0, let requested else {
            throw GPIOError.requestFailed(chip: name, line: line, reason: String(cErrorBuffer: message))
        }
        return requested
    }

    fileprivate func ioError(_ line: Int, _ what: String, _ result: Int32) -> GPIOError {
        .ioFailed(chip: name, line: line, reason: "GPIO \(name) line \(line): \(what): \(String(cString: strerror(-result)))")
    }
}

extension GPIOBias {
    var cValue: hearth_gpio_bias {
        switch self {
        case .asIs: HEARTH_GPIO_BIAS_AS_IS
        case .disabled: HEARTH_GPIO_BIAS_DISABLED
        case .pullUp: HEARTH_GPIO_BIAS_PULL_UP
        case .pullDown: HEARTH_GPIO_BIAS_PULL_DOWN
        }
    }
}

private final class LibgpiodOutput: GPIOOutput, @unchecked Sendable {
    let chip: LibgpiodChip
    let line: Int
    private var handle: OpaquePointer?

    init(chip: LibgpiodChip, line: Int, handle: OpaquePointer) {
        self.chip = chip
        self.line = line
        self.handle = handle
    }

    deinit { release() }

    func setLevel(_ high: Bool) throws {
        guard let handle else { throw GPIOError.released(chip: chip.name, line: line) }
        let result = hearth_gpio_set_level(handle, high ? 1 : 0)
        if result < 0 { throw chip.ioError(line, "setting level", result) }
    }

    func release() {
        if let handle { hearth_gpio_line_release(handle) }
        handle = nil
    }
}

private final class LibgpiodEdgeSource: GPIOEdgeSource, @unchecked Sendable {
    let chip: LibgpiodChip
    let line: Int
    private var handle: OpaquePointer?
    private let wakeFD: Int32

    init(chip: LibgpiodChip, line: Int, handle: OpaquePointer, wakeFD: Int32) {
        self.chip = chip
        self.line = line
        self.handle = handle
        self.wakeFD = wakeFD
    }

    deinit {
        release()
        hearth_gpio_wake_fd_close(wakeFD)
    }

    func level() throws -> Bool {
        guard let handle else { throw GPIOError.released(chip: chip.name, line: line) }
        let result = hearth_gpio_get_level(handle)
        if result < 0 { throw chip.ioError(line, "reading level", result) }
        return result == 1
    }

    func waitForEdges(timeout: Duration) throws -> [GPIOEdgeEvent] {
        guard let handle else { throw GPIOError.released(chip: chip.name, line: line) }
        let milliseconds = Int32(clamping: max(0, timeout.totalNanoseconds / 1_000_000))
        let ready = hearth_gpio_wait_edges(handle, wakeFD, milliseconds)
        if ready < 0 { throw chip.ioError(line, "waiting for edges", ready) }
        guard ready == 1 else { return [] }
        var buffer = [hearth_gpio_edge_event](repeating: hearth_gpio_edge_event(), count: 16)
        let count = hearth_gpio_read_edges(handle, &buffer, UInt32(buffer.count))
        if count < 0 { throw chip.ioError(line, "reading edges", count) }
        return buffer.prefix(Int(count)).map { event in
            GPIOEdgeEvent(event.edge == Int32(HEARTH_GPIO_EDGE_RISING.rawValue) ? .rising : .falling,
                          at: .nanoseconds(Int64(event.timestamp_ns)))
        }
    }

    func wake() { hearth_gpio_wake(wakeFD) }

    func release() {
        if let handle { hearth_gpio_line_release(handle) }
        handle = nil
    }
}

extension String {
    /// The NUL-terminated text a C function wrote into `buffer`.
    fileprivate init(cErrorBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
