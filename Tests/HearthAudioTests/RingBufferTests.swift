import Foundation
import HearthTestSupport
import Testing

@testable import HearthAudio

@Suite("RingBuffer")
struct RingBufferTests {
    @Test("rejects capacities that are not a power of two", arguments: [0, 1, 3, 100, 1000, -8])
    func rejectsBadCapacity(capacity: Int) {
        #expect(throws: RingBufferError.invalidCapacity(capacity)) { try RingBuffer(capacity: capacity) }
    }

    @Test("starts empty, fills exactly to capacity, then refuses more")
    func fullAndEmpty() throws {
        let ring = try RingBuffer(capacity: 16)
        #expect(ring.readableBytes == 0)
        #expect(ring.writableBytes == 16)
        var sink = [UInt8](repeating: 0, count: 4)
        #expect(ring.read(into: &sink) == 0)

        #expect(ring.write(Array(UInt8(0)..<UInt8(20))) == 16)
        #expect(ring.readableBytes == 16)
        #expect(ring.writableBytes == 0)
        #expect(ring.write([UInt8(99)]) == 0)

        var all = [UInt8](repeating: 0, count: 32)
        #expect(ring.read(into: &all) == 16)
        #expect(Array(all[0..<16]) == Array(UInt8(0)..<UInt8(16)))
        #expect(ring.readableBytes == 0)
        #expect(ring.writableBytes == 16)
    }

    @Test("data that wraps past the end comes back in order")
    func wrapAround() throws {
        let ring = try RingBuffer(capacity: 8)
        var out = [UInt8](repeating: 0, count: 8)
        var next: UInt8 = 0
        var expected: UInt8 = 0
        // Sizes chosen so the write position lands on every offset.
        for size in [3, 5, 7, 1, 6, 2, 8, 4, 5, 3] {
            let chunk = (0..<size).map { _ in defer { next &+= 1 }; return next }
            #expect(ring.write(chunk) == size)
            var got = [UInt8](repeating: 0, count: size)
            #expect(ring.read(into: &got) == size)
            for byte in got {
                #expect(byte == expected)
                expected &+= 1
            }
        }
        #expect(ring.read(into: &out) == 0)
    }

    @Test("only whole elements are written and read")
    func wholeElements() throws {
        let ring = try RingBuffer(capacity: 16)
        #expect(ring.write([UInt8(1), 2, 3]) == 3)
        // 13 bytes free: six Int16 fit, the seventh would be half.
        #expect(ring.write([Int16](repeating: 7, count: 10)) == 6)
        #expect(ring.readableBytes == 15)
        var three = [UInt8](repeating: 0, count: 3)
        #expect(ring.read(into: &three) == 3)
        var samples = [Int16](repeating: 0, count: 10)
        #expect(ring.read(into: &samples) == 6)
        #expect(samples.prefix(6).allSatisfy { $0 == 7 })
    }

    @Test("regions split in two exactly where the storage wraps")
    func regionsSplitAtWrap() throws {
        let ring = try RingBuffer(capacity: 16)
        #expect(ring.write([UInt8](repeating: 0, count: 12)) == 12)
        var drain = [UInt8](repeating: 0, count: 12)
        #expect(ring.read(into: &drain) == 12)
        // Write position is now 12: 4 bytes to the end, then 12 from the start.
        let written = ring.withWritableRegions { first, second in
            #expect(first.byteCount == 4)
            #expect(second.byteCount == 12)
            for i in 0..<first.byteCount { first.storeBytes(of: UInt8(i), toByteOffset: i, as: UInt8.self) }
            for i in 0..<6 { second.storeBytes(of: UInt8(4 + i), toByteOffset: i, as: UInt8.self) }
            return 10
        }
        #expect(written == 10)
        #expect(ring.readableBytes == 10)
        let consumed = ring.withReadableRegions { first, second in
            #expect(first.byteCount == 4)
            #expect(second.byteCount == 6)
            var values: [UInt8] = []
            for i in 0..<first.byteCount { values.append(first.unsafeLoad(fromByteOffset: i, as: UInt8.self)) }
            for i in 0..<second.byteCount { values.append(second.unsafeLoad(fromByteOffset: i, as: UInt8.self)) }
            #expect(values == Array(0..<10))
            return 7
        }
        #expect(consumed == 7)
        #expect(ring.readableBytes == 3)
    }

    @Test("a region commit larger than the space offered is clamped")
    func regionOvercommitClamped() throws {
        let ring = try RingBuffer(capacity: 8)
        #expect(ring.write([UInt8](repeating: 1, count: 6)) == 6)
        #expect(ring.withWritableRegions { first, second in first.byteCount + second.byteCount + 100 } == 2)
        #expect(ring.readableBytes == 8)
        #expect(ring.withReadableRegions { _, _ in 1000 } == 8)
        #expect(ring.readableBytes == 0)
    }

    @Test("discardAll drops what is readable and frees the space")
    func discardAll() throws {
        let ring = try RingBuffer(capacity: 32)
        #expect(ring.write([UInt8](repeating: 5, count: 20)) == 20)
        #expect(ring.discardAll() == 20)
        #expect(ring.readableBytes == 0)
        #expect(ring.writableBytes == 32)
        #expect(ring.write([UInt8(42)]) == 1)
        var one = [UInt8](repeating: 0, count: 1)
        #expect(ring.read(into: &one) == 1)
        #expect(one == [42])
    }

    /// Two threads move 256 MiB through a 64 KiB ring, one copying
    /// [UInt64] blocks, the other reading them; every word is checked
    /// against its position and a checksum is compared at the end.
    @Test("two threads move 256 MiB in order")
    func twoThreadStress() async throws {
        let ring = try RingBuffer(capacity: 1 << 16)
        let totalWords = (256 << 20) / 8
        let blockWords = 1500  // not a divisor of the ring, so blocks wrap
        let finished = DispatchSemaphore(value: 0)

        let producer = Thread {
            var block = [UInt64](repeating: 0, count: blockWords)
            var position = 0
            while position < totalWords {
                let count = min(blockWords, totalWords - position)
                for i in 0..<count { block[i] = Self.word(at: position + i) }
                var sent = 0
                while sent < count {
                    let n = ring.write(block[sent..<count].span)
                    sent += n
                    if n == 0 { sched_yield() }
                }
                position += count
            }
            finished.signal()
        }
        producer.start()

        // The consumer runs for seconds: on a thread of its own, not the pool's.
        let (outOfOrder, checksum, expectedChecksum) = try await offPool {
            var block = [UInt64](repeating: 0, count: blockWords)
            var position = 0
            var outOfOrder = 0
            var checksum: UInt64 = 0
            var expectedChecksum: UInt64 = 0
            while position < totalWords {
                let n = ring.read(into: &block)
                if n == 0 { sched_yield(); continue }
                for i in 0..<n {
                    let expected = Self.word(at: position + i)
                    if block[i] != expected { outOfOrder += 1 }
                    checksum = checksum &* 31 &+ block[i]
                    expectedChecksum = expectedChecksum &* 31 &+ expected
                }
                position += n
            }
            finished.wait()
            return (outOfOrder, checksum, expectedChecksum)
        }
        #expect(outOfOrder == 0)
        #expect(checksum == expectedChecksum)
        #expect(ring.readableBytes == 0)
    }

    static func word(at position: Int) -> UInt64 {
        UInt64(position) &* 0x9E37_79B9_7F4A_7C15
    }
}
