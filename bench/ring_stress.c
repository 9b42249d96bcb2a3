/*
 * Two-thread stress driver for the SPSC ring: the producer writes a
 * deterministic byte stream in chunks of varying size, alternating the copy
 * API and the zero-copy regions API; the consumer checks every byte against
 * the same stream. Built with -fsanitize=thread by scripts/test-ring-tsan.sh.
 *
 * usage: ring_stress TOTAL_BYTES CAPACITY
 */
#include "hearth_ring_buffer.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    hearth_ring *ring;
    uint64_t total;
    uint64_t mismatches;
    uint64_t first_bad;
} stress_job;

/* The byte at stream position i: cheap, position-dependent, not periodic in
 * any power of two, so a misplaced segment shows up. */
static uint8_t stream_byte(uint64_t i) {
    uint64_t x = i * UINT64_C(0x9E3779B97F4A7C15);
    return (uint8_t)(x >> 56) ^ (uint8_t)(i / 251);
}

static uint32_t next_random(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static void *producer(void *argument) {
    stress_job *job = argument;
    uint32_t capacity = hearth_ring_capacity(job->ring);
    uint8_t *chunk = malloc(capacity);
    uint32_t random = 0x12345678;
    uint64_t position = 0;
    int use_regions = 0;
    while (position < job->total) {
        uint32_t want = next_random(&random) % capacity + 1;
        if (want > job->total - position) {
            want = (uint32_t)(job->total - position);
        }
        if (use_regions) {
            hearth_ring_regions regions;
            uint32_t free_bytes = hearth_ring_write_regions(job->ring, &regions);
            uint32_t count = want < free_bytes ? want : free_bytes;
            for (uint32_t i = 0; i < count; i++) {
                uint8_t *slot = i < regions.first_length ? regions.first + i : regions.second + (i - regions.first_length);
                *slot = stream_byte(position + i);
            }
            hearth_ring_commit_write(job->ring, count);
            position += count;
            if (count == 0) {
                sched_yield();
            }
        } else {
            for (uint32_t i = 0; i < want; i++) {
                chunk[i] = stream_byte(position + i);
            }
            uint32_t done = 0;
            while (done < want) {
                uint32_t count = hearth_ring_write(job->ring, chunk + done, want - done);
                done += count;
                if (count == 0) {
                    sched_yield();
                }
            }
            position += want;
        }
        use_regions = !use_regions;
    }
    free(chunk);
    return NULL;
}

static void check(stress_job *job, uint64_t position, uint8_t byte) {
    if (byte != stream_byte(position)) {
        if (job->mismatches == 0) {
            job->first_bad = position;
        }
        job->mismatches++;
    }
}

static void *consumer(void *argument) {
    stress_job *job = argument;
    uint32_t capacity = hearth_ring_capacity(job->ring);
    uint8_t *chunk = malloc(capacity);
    uint32_t random = 0x9ABCDEF1;
    uint64_t position = 0;
    int use_regions = 1;
    while (position < job->total) {
        uint32_t want = next_random(&random) % capacity + 1;
        uint32_t count;
        if (use_regions) {
            hearth_ring_regions regions;
            uint32_t available = hearth_ring_read_regions(job->ring, &regions);
            count = want < available ? want : available;
            for (uint32_t i = 0; i < count; i++) {
                const uint8_t *slot = i < regions.first_length ? regions.first + i : regions.second + (i - regions.first_length);
                check(job, position + i, *slot);
            }
            hearth_ring_commit_read(job->ring, count);
        } else {
            count = hearth_ring_read(job->ring, chunk, want);
            for (uint32_t i = 0; i < count; i++) {
                check(job, position + i, chunk[i]);
            }
        }
        position += count;
        if (count == 0) {
            sched_yield();
        }
        use_regions = !use_regions;
    }
    free(chunk);
    return NULL;
}

int main(int argc, char **argv) {
    uint64_t total = argc > 1 ? strtoull(argv[1], NULL, 10) : (UINT64_C(64) << 20);
    uint32_t capacity = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 4096;
    stress_job job = {.ring = hearth_ring_create(capacity), .total = total};
    if (job.ring == NULL) {
        fprintf(stderr, "ring_stress: bad capacity %u\n", capacity);
        return 2;
    }
    pthread_t threads[2];
    pthread_create(&threads[0], NULL, producer, &job);
    pthread_create(&threads[1], NULL, consumer, &job);
    pthread_join(threads[0], NULL);
    pthread_join(threads[1], NULL);
    uint32_t left = hearth_ring_readable(job.ring);
    hearth_ring_destroy(job.ring);
    if (job.mismatches != 0 || left != 0) {
        fprintf(stderr, "ring_stress: %llu bad bytes (first at %llu), %u left over\n",
                (unsigned long long)job.mismatches, (unsigned long long)job.first_bad, left);
        return 1;
    }
    printf("ring_stress: %llu bytes through a %u-byte ring, all in order\n", (unsigned long long)total, capacity);
    return 0;
}
