#!/usr/bin/env bash
# Measures how prompt the ALSA streams are, without hardware: playback
# flush (barge-in) latency with audio queued behind a device that is
# "behind", and stop latency of a waiting capture thread. (`null` is not
# clocked, so throughput through it says nothing about real time.)
#
#   bash scripts/bench-alsa-latency.sh [rounds]
#
# Needs gcc and libasound2-dev; builds CALSA with the repo's ring buffer.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/asound.conf" <<EOF
pcm.latency_play { type file; slave.pcm { type null }; file "/dev/null"; format "raw" }
pcm.latency_capture { type file; slave.pcm { type null }; file "/dev/null"; infile "/dev/zero"; format "raw" }
EOF

cat > "$work/latency.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hearth_alsa.h"

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *samples, int count) {
    qsort(samples, count, sizeof *samples, compare);
    printf("%-34s median %7.1f us   p99 %7.1f us   max %7.1f us   (%d rounds)\n", what,
           samples[count / 2], samples[count * 99 / 100], samples[count - 1], count);
}

static hearth_pcm_stream *open_stream(hearth_pcm_direction direction, const char *device,
                                      uint32_t period, hearth_ring *ring) {
    char error[HEARTH_PCM_ERROR_SIZE];
    hearth_pcm_request request = {device, 16000, 1, period, 0};
    hearth_pcm_stream *stream;
    if (hearth_pcm_open(&stream, direction, &request, ring, error, sizeof error) < 0 ||
        hearth_pcm_start(stream, error, sizeof error) < 0) {
        fprintf(stderr, "%s\n", error);
        exit(1);
    }
    return stream;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    double *samples = calloc(rounds, sizeof *samples);
    static unsigned char audio[32000];

    /* flush: half a second queued, device held, 20 ms periods */
    hearth_ring *ring = hearth_ring_create(1 << 16);
    hearth_pcm_stream *play = open_stream(HEARTH_PCM_PLAYBACK, "latency_play", 320, ring);
    hearth_pcm_hold_device(play, 1);
    for (int i = 0; i < rounds; i++) {
        hearth_ring_write(ring, audio, 16000);
        hearth_pcm_notify(play);
        struct timespec settle = {0, 2000000};
        nanosleep(&settle, NULL);
        double start = now_us();
        uint64_t ticket = hearth_pcm_flush_request(play);
        if (hearth_pcm_flush_wait(play, ticket, 1000) != 0 || hearth_ring_readable(ring) != 0) {
            fprintf(stderr, "flush did not complete\n");
            return 1;
        }
        samples[i] = now_us() - start;
    }
    report("flush, 0.5 s queued, 20 ms period", samples, rounds);
    hearth_pcm_close(play);
    hearth_ring_destroy(ring);

    /* stop: capture thread waiting, 1 s periods */
    for (int i = 0; i < rounds / 4; i++) {
        ring = hearth_ring_create(1 << 17);
        hearth_pcm_stream *capture = open_stream(HEARTH_PCM_CAPTURE, "latency_capture", 16000, ring);
        hearth_pcm_hold_device(capture, 1);
        struct timespec settle = {0, 1000000};
        nanosleep(&settle, NULL);
        double start = now_us();
        hearth_pcm_stop(capture);
        samples[i] = now_us() - start;
        hearth_pcm_close(capture);
        hearth_ring_destroy(ring);
    }
    report("stop, capture waiting, 1 s period", samples, rounds / 4);

    return 0;
}
EOF

gcc -std=gnu11 -O2 -Wall -I CSupport/CALSA/include -I CSupport/CRingBuffer/include \
    "$work/latency.c" CSupport/CALSA/*.c CSupport/CRingBuffer/ring_buffer.c \
    -o "$work/latency" -lasound -lpthread
ALSA_CONFIG_PATH="$work/asound.conf" "$work/latency" "$rounds"
