/*
 * Single-producer single-consumer byte ring (the contract; see ring_buffer.c).
 * One thread writes, one thread reads; no locks, no allocation after create.
 */
#ifndef HEARTH_RING_BUFFER_H
#define HEARTH_RING_BUFFER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_ring hearth_ring;

/* Up to two contiguous segments of the ring: the second is non-empty only
 * when the span wraps past the end of the storage. */
typedef struct hearth_ring_regions {
    uint8_t *first;
    uint32_t first_length;
    uint8_t *second;
    uint32_t second_length;
} hearth_ring_regions;

/* capacity_bytes must be a power of two (>= 2); NULL otherwise or on ENOMEM. */
hearth_ring *hearth_ring_create(uint32_t capacity_bytes);
void hearth_ring_destroy(hearth_ring *ring);
uint32_t hearth_ring_capacity(const hearth_ring *ring);

/* Producer side. */
uint32_t hearth_ring_write_regions(hearth_ring *ring, hearth_ring_regions *regions);
void hearth_ring_commit_write(hearth_ring *ring, uint32_t bytes);
uint32_t hearth_ring_write(hearth_ring *ring, const void *source, uint32_t bytes);

/* Consumer side. */
uint32_t hearth_ring_read_regions(hearth_ring *ring, hearth_ring_regions *regions);
void hearth_ring_commit_read(hearth_ring *ring, uint32_t bytes);
uint32_t hearth_ring_read(hearth_ring *ring, void *destination, uint32_t bytes);
/* Consumer side: drop everything readable now (barge-in). Returns bytes dropped. */
uint32_t hearth_ring_discard_all(hearth_ring *ring);

/* As the *_regions calls above, which report everything free/readable now,
 * but the other side's index is re-read only when fewer than `wanted` bytes
 * are already known to be there: a caller that needs one period at a time
 * leaves the other side's cache line alone in steady state. */
uint32_t hearth_ring_write_regions_wanting(hearth_ring *ring, uint32_t wanted, hearth_ring_regions *regions);
uint32_t hearth_ring_read_regions_wanting(hearth_ring *ring, uint32_t wanted, hearth_ring_regions *regions);

/* Any thread: a snapshot, exact only on the side that owns the other index. */
uint32_t hearth_ring_readable(const hearth_ring *ring);
uint32_t hearth_ring_writable(const hearth_ring *ring);

#ifdef __cplusplus
}
#endif

#endif
