/*
 * Ring throughput against plain memcpy on the same sizes.
 *   memcpy:        chunk-sized copies into a buffer of the ring's size
 *   ring 1 thread: write a chunk, read it back (two copies per byte, like
 *                  memcpy twice)
 *   ring 2 threads: producer and consumer on separate threads, the real use
 * Prints GB/s (10^9 bytes per second) of payload moved.
 */
#include "hearth_ring_buffer.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Keeps the compiler from dropping copies whose result is never read. */
static volatile uint8_t sink;

/* The same copy the ring's write path does: from a chunk-sized buffer into
 * a capacity-sized, cache-line-aligned store at a rotating offset. */
static double memcpy_rate(uint32_t capacity, uint32_t chunk, uint64_t total) {
    uint8_t *source = malloc(chunk), *store = aligned_alloc(64, capacity);
    memset(source, 1, chunk);
    memset(store, 2, capacity);
    double start = now_seconds();
    uint32_t offset = 0;
    for (uint64_t moved = 0; moved < total; moved += chunk) {
        memcpy(store + offset, source, chunk);
        offset = (offset + chunk) & (capacity - 1);
    }
    double seconds = now_seconds() - start;
    sink = store[capacity / 2];
    free(source);
    free(store);
    return (double)total / seconds / 1e9;
}

static double ring_single_thread_rate(uint32_t capacity, uint32_t chunk, uint64_t total) {
    hearth_ring *ring = hearth_ring_create(capacity);
    uint8_t *in = malloc(chunk), *out = malloc(chunk);
    memset(in, 3, chunk);
    double start = now_seconds();
    for (uint64_t moved = 0; moved < total; moved += chunk) {
        hearth_ring_write(ring, in, chunk);
        hearth_ring_read(ring, out, chunk);
    }
    double seconds = now_seconds() - start;
    sink = out[chunk / 2];
    hearth_ring_destroy(ring);
    free(in);
    free(out);
    return (double)total / seconds / 1e9;
}

typedef struct {
    hearth_ring *ring;
    uint32_t chunk;
    uint64_t total;
} job;

static void *producer(void *argument) {
    job *j = argument;
    uint8_t *in = malloc(j->chunk);
    memset(in, 4, j->chunk);
    for (uint64_t moved = 0; moved < j->total;) {
        uint32_t n = hearth_ring_write(j->ring, in, j->chunk);
        moved += n;
        if (n == 0) {
            sched_yield();
        }
    }
    free(in);
    return NULL;
}

static double ring_two_thread_rate(uint32_t capacity, uint32_t chunk, uint64_t total) {
    job j = {hearth_ring_create(capacity), chunk, total};
    uint8_t *out = malloc(chunk);
    pthread_t thread;
    double start = now_seconds();
    pthread_create(&thread, NULL, producer, &j);
    for (uint64_t moved = 0; moved < total;) {
        uint32_t n = hearth_ring_read(j.ring, out, chunk);
        moved += n;
        if (n == 0) {
            sched_yield();
        }
    }
    pthread_join(thread, NULL);
    double seconds = now_seconds() - start;
    sink = out[0];
    hearth_ring_destroy(j.ring);
    free(out);
    return (double)total / seconds / 1e9;
}

int main(int argc, char **argv) {
    uint64_t total = (argc > 1 ? strtoull(argv[1], NULL, 10) : 1024) << 20;
    printf("%-10s %-8s %12s %12s %14s %14s\n", "capacity", "chunk", "memcpy GB/s", "ring 1T GB/s", "ring 1T/memcpy",
           "ring 2T GB/s");
    static const uint32_t capacities[] = {4096, 65536, 1 << 20};
    for (size_t i = 0; i < sizeof(capacities) / sizeof(capacities[0]); i++) {
        uint32_t capacity = capacities[i], chunk = capacity / 4;
        double m = memcpy_rate(capacity, chunk, total);
        double r1 = ring_single_thread_rate(capacity, chunk, total);
        double r2 = ring_two_thread_rate(capacity, chunk, total);
        printf("%-10u %-8u %12.2f %12.2f %14.2f %14.2f\n", capacity, chunk, m, r1, r1 / m, r2);
    }
    return 0;
}
