import CRingBuffer

/// Why a ring could not be made.
public enum RingBufferError: Error, Equatable, Sendable {
    /// The capacity must be a power of two from 2 bytes to 2 GiB.
    case invalidCapacity(Int)
    case outOfMemory
}

/// A lock-free single-producer single-consumer byte ring over
/// `hearth_ring` (CSupport/CRingBuffer): one thread writes, one thread
/// reads, neither blocks nor allocates. Audio threads hand samples across
/// with it.
///
/// The producer methods (`write`, `withWritableRegions`) must only ever be
/// called from one thread at a time, and the consumer methods (`read`,
/// `withReadableRegions`, `discardAll`) from one other; that is the whole
/// contract that makes it safe to share, hence `@unchecked Sendable`.
/// All unsafe pointer work on the ring stays in this file.
public final class RingBuffer: @unchecked Sendable {
    /// The C ring; internal so the ALSA glue in this module can hand it to C.
    let ring: OpaquePointer

    /// Bytes the ring holds when full.
    public let capacity: Int

    public init(capacity: Int) throws(RingBufferError) {
        guard capacity >= 2, capacity <= 1 << 31, capacity & (capacity - 1) == 0 else {
            throw .invalidCapacity(capacity)
        }
        guard let ring = hearth_ring_create(UInt32(capacity)) else { throw .outOfMemory }
        self.ring = ring
        self.capacity = capacity
    }

    deinit {
        hearth_ring_destroy(ring)
    }

    /// Bytes readable now (exact on the consumer's thread, a snapshot elsewhere).
    public var readableBytes: Int { Int(hearth_ring_readable(ring)) }

    /// Bytes writable now (exact on the producer's thread, a snapshot elsewhere).
    public var writableBytes: Int { Int(hearth_ring_writable(ring)) }

    // MARK: Producer

    /// Copies as many whole elements of `elements` as fit; returns how many.
    public func write<Element: BitwiseCopyable>(_ elements: Span<Element>) -> Int {
        let stride = MemoryLayout<Element>.stride
        let free = Int(hearth_ring_writable(ring)) / stride
        let count = min(free, elements.count)
        guard count > 0 else { return 0 }
        let written = elements.withUnsafeBytes { bytes in
            Int(hearth_ring_write(ring, bytes.baseAddress, UInt32(count * stride)))
        }
        return written / stride
    }

    /// Copies as many whole elements of `elements` as fit; returns how many.
    public func write<Element: BitwiseCopyable>(_ elements: [Element]) -> Int {
        write(elements.span)
    }

    /// Zero-copy write: `body` fills the free space, given as up to two
    /// contiguous regions (the second is empty unless the space wraps),
    /// and returns how many bytes it wrote from the start of `first`
    /// onwards; those are published to the consumer. Returns that count.
    @discardableResult
    public func withWritableRegions(
        _ body: (_ first: inout MutableRawSpan, _ second: inout MutableRawSpan) -> Int
    ) -> Int {
        var regions = hearth_ring_regions()
        let free = Int(hearth_ring_write_regions(ring, &regions))
        let firstBuffer = UnsafeMutableRawBufferPointer(start: regions.first, count: Int(regions.first_length))
        let secondBuffer = UnsafeMutableRawBufferPointer(start: regions.second, count: Int(regions.second_length))
        var first = MutableRawSpan(_unsafeBytes: firstBuffer)
        var second = MutableRawSpan(_unsafeBytes: secondBuffer)
        let written = max(0, min(body(&first, &second), free))
        hearth_ring_commit_write(ring, UInt32(written))
        return written
    }

    // MARK: Consumer

    /// Fills `destination` from its start with as many whole elements as
    /// are readable; returns how many. Allocates nothing.
    public func read<Element: BitwiseCopyable>(into destination: inout [Element]) -> Int {
        let stride = MemoryLayout<Element>.stride
        let available = Int(hearth_ring_readable(ring)) / stride
        let count = min(available, destination.count)
        guard count > 0 else { return 0 }
        let read = destination.withUnsafeMutableBytes { bytes in
            Int(hearth_ring_read(ring, bytes.baseAddress, UInt32(count * stride)))
        }
        return read / stride
    }

    /// Zero-copy read: `body` sees the readable bytes as up to two regions
    /// and returns how many it consumed from the start of `first` onwards;
    /// those are released to the producer. Returns that count.
    @discardableResult
    public func withReadableRegions(_ body: (_ first: RawSpan, _ second: RawSpan) -> Int) -> Int {
        var regions = hearth_ring_regions()
        let available = Int(hearth_ring_read_regions(ring, &regions))
        let first = RawSpan(_unsafeBytes: UnsafeRawBufferPointer(start: regions.first, count: Int(regions.first_length)))
        let second = RawSpan(_unsafeBytes: UnsafeRawBufferPointer(start: regions.second, count: Int(regions.second_length)))
        let consumed = max(0, min(body(first, second), available))
        hearth_ring_commit_read(ring, UInt32(consumed))
        return consumed
    }

    /// Drops everything readable now (barge-in); returns how many bytes.
    @discardableResult
    public func discardAll() -> Int {
        Int(hearth_ring_discard_all(ring))
    }
}
