/*
 * Single-producer single-consumer byte ring.
 *
 * Indices are free-running 32-bit counters: `write_index - read_index` (mod
 * 2^32) is the number of readable bytes, so full and empty are told apart
 * without a spare slot, and the storage offset is `index & mask` because the
 * capacity is a power of two no larger than 2^31.
 *
 * Ordering, spelled out (both sides):
 *   producer: fill bytes  -> store-release write_index
 *   consumer: load-acquire write_index -> read bytes
 *   consumer: read bytes  -> store-release read_index
 *   producer: load-acquire read_index  -> overwrite bytes
 * The release/acquire pairs are what make the data visible before the index
 * that publishes it, on weakly ordered CPUs (ARM) as well as on x86.
 *
 * Each side keeps a private copy of the other side's index and refreshes it
 * only when that copy says there is not enough room or data, so in steady
 * state neither side pulls the other's cache line on every call.
 */
#include "hearth_ring_buffer.h"

#include <assert.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* 64 bytes is the line size of the Cortex-A cores we target and of x86. */
#define HEARTH_RING_CACHE_LINE 64

struct hearth_ring {
    /* Producer's line: its own index, and its cached view of the reader. */
    alignas(HEARTH_RING_CACHE_LINE) _Atomic uint32_t write_index;
    uint32_t producer_cached_read_index;

    /* Consumer's line: its own index, and its cached view of the writer. */
    alignas(HEARTH_RING_CACHE_LINE) _Atomic uint32_t read_index;
    uint32_t consumer_cached_write_index;

    /* Immutable after create: shared read-only, so it may live anywhere. */
    alignas(HEARTH_RING_CACHE_LINE) uint32_t capacity;
    uint32_t mask;
    uint8_t *storage;
};

static int is_power_of_two(uint32_t value) {
    return value >= 2 && (value & (value - 1)) == 0;
}

hearth_ring *hearth_ring_create(uint32_t capacity_bytes) {
    if (!is_power_of_two(capacity_bytes) || capacity_bytes > (UINT32_C(1) << 31)) {
        return NULL;
    }
    /* aligned_alloc wants a size that is a multiple of the alignment. */
    hearth_ring *ring = aligned_alloc(HEARTH_RING_CACHE_LINE, sizeof(hearth_ring));
    if (ring == NULL) {
        return NULL;
    }
    size_t storage_size = capacity_bytes < HEARTH_RING_CACHE_LINE ? HEARTH_RING_CACHE_LINE : capacity_bytes;
    uint8_t *storage = aligned_alloc(HEARTH_RING_CACHE_LINE, storage_size);
    if (storage == NULL) {
        free(ring);
        return NULL;
    }
    memset(ring, 0, sizeof(*ring));
    atomic_init(&ring->write_index, 0);
    atomic_init(&ring->read_index, 0);
    ring->producer_cached_read_index = 0;
    ring->consumer_cached_write_index = 0;
    ring->capacity = capacity_bytes;
    ring->mask = capacity_bytes - 1;
    ring->storage = storage;
    return ring;
}

void hearth_ring_destroy(hearth_ring *ring) {
    if (ring == NULL) {
        return;
    }
    free(ring->storage);
    free(ring);
}

uint32_t hearth_ring_capacity(const hearth_ring *ring) {
    return ring->capacity;
}

/* Splits the span [index, index + length) of the ring into at most two
 * contiguous pieces of storage. */
static void split_span(const hearth_ring *ring, uint32_t index, uint32_t length, hearth_ring_regions *regions) {
    uint32_t offset = index & ring->mask;
    uint32_t until_end = ring->capacity - offset;
    regions->first = ring->storage + offset;
    if (length <= until_end) {
        regions->first_length = length;
        regions->second = NULL;
        regions->second_length = 0;
    } else {
        regions->first_length = until_end;
        regions->second = ring->storage;
        regions->second_length = length - until_end;
    }
}

/* ---- Producer side ------------------------------------------------------ */

/* Free bytes as the producer sees them; refreshes the cached read index only
 * when fewer than `wanted` bytes are known to be free. */
static uint32_t producer_free(hearth_ring *ring, uint32_t write_index, uint32_t wanted) {
    uint32_t free_bytes = ring->capacity - (write_index - ring->producer_cached_read_index);
    if (free_bytes < wanted) {
        /* Acquire: the consumer's reads of the bytes it released happened
         * before we overwrite them. */
        ring->producer_cached_read_index = atomic_load_explicit(&ring->read_index, memory_order_acquire);
        free_bytes = ring->capacity - (write_index - ring->producer_cached_read_index);
    }
    return free_bytes;
}

uint32_t hearth_ring_write_regions_wanting(hearth_ring *ring, uint32_t wanted, hearth_ring_regions *regions) {
    /* Our own index: only this thread stores it, so relaxed is enough. */
    uint32_t write_index = atomic_load_explicit(&ring->write_index, memory_order_relaxed);
    uint32_t free_bytes = producer_free(ring, write_index, wanted);
    split_span(ring, write_index, free_bytes, regions);
    return free_bytes;
}

uint32_t hearth_ring_write_regions(hearth_ring *ring, hearth_ring_regions *regions) {
    return hearth_ring_write_regions_wanting(ring, ring->capacity, regions);
}

void hearth_ring_commit_write(hearth_ring *ring, uint32_t bytes) {
    uint32_t write_index = atomic_load_explicit(&ring->write_index, memory_order_relaxed);
    uint32_t free_bytes = ring->capacity - (write_index - ring->producer_cached_read_index);
    /* Committing more than the regions offered is a caller bug; clamping keeps
     * the indices consistent instead of letting the writer overrun the reader. */
    assert(bytes <= free_bytes);
    if (bytes > free_bytes) {
        bytes = free_bytes;
    }
    /* Release: the bytes just written are visible before the new index. */
    atomic_store_explicit(&ring->write_index, write_index + bytes, memory_order_release);
}

uint32_t hearth_ring_write(hearth_ring *ring, const void *source, uint32_t bytes) {
    hearth_ring_regions regions;
    uint32_t free_bytes = hearth_ring_write_regions_wanting(ring, bytes, &regions);
    uint32_t count = bytes < free_bytes ? bytes : free_bytes;
    if (count == 0) {
        return 0;
    }
    const uint8_t *from = source;
    uint32_t first = count < regions.first_length ? count : regions.first_length;
    memcpy(regions.first, from, first);
    if (count > first) {
        memcpy(regions.second, from + first, count - first);
    }
    hearth_ring_commit_write(ring, count);
    return count;
}

/* ---- Consumer side ------------------------------------------------------ */

static uint32_t consumer_available(hearth_ring *ring, uint32_t read_index, uint32_t wanted) {
    uint32_t available = ring->consumer_cached_write_index - read_index;
    if (available < wanted) {
        /* Acquire: the producer's bytes are visible once we see its index. */
        ring->consumer_cached_write_index = atomic_load_explicit(&ring->write_index, memory_order_acquire);
        available = ring->consumer_cached_write_index - read_index;
    }
    return available;
}

uint32_t hearth_ring_read_regions_wanting(hearth_ring *ring, uint32_t wanted, hearth_ring_regions *regions) {
    uint32_t read_index = atomic_load_explicit(&ring->read_index, memory_order_relaxed);
    uint32_t available = consumer_available(ring, read_index, wanted);
    split_span(ring, read_index, available, regions);
    return available;
}

uint32_t hearth_ring_read_regions(hearth_ring *ring, hearth_ring_regions *regions) {
    return hearth_ring_read_regions_wanting(ring, ring->capacity, regions);
}

void hearth_ring_commit_read(hearth_ring *ring, uint32_t bytes) {
    uint32_t read_index = atomic_load_explicit(&ring->read_index, memory_order_relaxed);
    uint32_t available = ring->consumer_cached_write_index - read_index;
    assert(bytes <= available);
    if (bytes > available) {
        bytes = available;
    }
    /* Release: our reads of these bytes finish before the producer may reuse them. */
    atomic_store_explicit(&ring->read_index, read_index + bytes, memory_order_release);
}

uint32_t hearth_ring_read(hearth_ring *ring, void *destination, uint32_t bytes) {
    hearth_ring_regions regions;
    uint32_t available = hearth_ring_read_regions_wanting(ring, bytes, &regions);
    uint32_t count = bytes < available ? bytes : available;
    if (count == 0) {
        return 0;
    }
    uint8_t *to = destination;
    uint32_t first = count < regions.first_length ? count : regions.first_length;
    memcpy(to, regions.first, first);
    if (count > first) {
        memcpy(to + first, regions.second, count - first);
    }
    hearth_ring_commit_read(ring, count);
    return count;
}

uint32_t hearth_ring_discard_all(hearth_ring *ring) {
    uint32_t read_index = atomic_load_explicit(&ring->read_index, memory_order_relaxed);
    uint32_t write_index = atomic_load_explicit(&ring->write_index, memory_order_acquire);
    ring->consumer_cached_write_index = write_index;
    atomic_store_explicit(&ring->read_index, write_index, memory_order_release);
    return write_index - read_index;
}

/* ---- Snapshots ------------------------------------------------------------ */

/* Bytes in the ring as seen from any thread. Loading the read index first
 * keeps the difference non-negative (the reader never passes the writer);
 * seen from a third thread both may move between the loads, so the result
 * is clamped to the capacity. On the thread that owns one of the indices
 * that index cannot move, and the figure is exact for that instant. */
static uint32_t used_snapshot(const hearth_ring *ring) {
    uint32_t read_index = atomic_load_explicit(&ring->read_index, memory_order_acquire);
    uint32_t write_index = atomic_load_explicit(&ring->write_index, memory_order_acquire);
    uint32_t used = write_index - read_index;
    return used > ring->capacity ? ring->capacity : used;
}

uint32_t hearth_ring_readable(const hearth_ring *ring) {
    return used_snapshot(ring);
}

uint32_t hearth_ring_writable(const hearth_ring *ring) {
    return ring->capacity - used_snapshot(ring);
}
