/*
 * ALSA PCM streams for Hearth: one capture or playback stream per handle,
 * S16_LE interleaved, moved through the device's mmap area by a dedicated
 * pthread that hands samples to (capture) or takes them from (playback) a
 * hearth_ring. The ring's other side belongs to the caller.
 *
 * Threads: hearth_pcm_open/start/stop/close from one controlling thread;
 * hearth_pcm_flush_*, hearth_pcm_notify, hearth_pcm_get_stats and
 * hearth_pcm_copy_error from any thread.
 */
#ifndef HEARTH_ALSA_H
#define HEARTH_ALSA_H

#include <stddef.h>
#include <stdint.h>

#include "hearth_ring_buffer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hearth_pcm_direction {
    HEARTH_PCM_CAPTURE = 0,
    HEARTH_PCM_PLAYBACK = 1,
} hearth_pcm_direction;

typedef enum hearth_pcm_state {
    HEARTH_PCM_STATE_OPEN = 0,    /* configured, thread not started */
    HEARTH_PCM_STATE_RUNNING = 1, /* thread moving samples */
    HEARTH_PCM_STATE_STOPPED = 2, /* stopped on request */
    HEARTH_PCM_STATE_FAILED = 3,  /* thread ended on an unrecoverable error */
} hearth_pcm_state;

/* Limits of what Hearth asks from a device. */
enum {
    HEARTH_PCM_MIN_RATE = 8000,
    HEARTH_PCM_MAX_RATE = 48000,
    HEARTH_PCM_MAX_CHANNELS = 2,
    HEARTH_PCM_ERROR_SIZE = 256,
};

/* What the caller asks for. period_frames/buffer_frames of 0 mean "about
 * 20 ms" and "four periods". */
typedef struct hearth_pcm_request {
    const char *device;
    uint32_t rate;
    uint32_t channels;
    uint32_t period_frames;
    uint32_t buffer_frames;
} hearth_pcm_request;

/* What the device granted (rate and sizes may differ from the request). */
typedef struct hearth_pcm_granted {
    uint32_t rate;
    uint32_t channels;
    uint32_t period_frames;
    uint32_t buffer_frames;
    uint32_t frame_bytes;
} hearth_pcm_granted;

typedef struct hearth_pcm_stats {
    uint64_t frames;          /* frames moved between device and ring */
    uint64_t xruns;           /* -EPIPE recoveries (overrun or underrun) */
    uint64_t suspends;        /* -ESTRPIPE recoveries */
    uint64_t ring_full_waits; /* capture: waits because the ring had no room */
    uint64_t underruns;       /* playback: device ran dry while data was queued */
    uint64_t flushes;         /* playback: completed flush requests */
    int32_t state;            /* hearth_pcm_state */
    int32_t playing;          /* playback: 1 from taking data until it is played or dropped */
} hearth_pcm_stats;

typedef struct hearth_pcm_stream hearth_pcm_stream;

/* Opens and configures the device. On failure returns a negative errno,
 * leaves *stream NULL and writes a readable message into error. The ring is
 * borrowed: it must outlive the stream. */
int hearth_pcm_open(hearth_pcm_stream **stream, hearth_pcm_direction direction,
                    const hearth_pcm_request *request, hearth_ring *ring,
                    char *error, size_t error_size);
void hearth_pcm_granted_config(const hearth_pcm_stream *stream, hearth_pcm_granted *granted);

/* Starts the stream thread. Negative errno and a message on failure. */
int hearth_pcm_start(hearth_pcm_stream *stream, char *error, size_t error_size);
/* Asks the thread to stop, wakes it and joins it (prompt: no drain). */
void hearth_pcm_stop(hearth_pcm_stream *stream);
/* Stops if needed and closes the device. */
void hearth_pcm_close(hearth_pcm_stream *stream);

/* Wakes the stream thread: call after writing to a playback ring so an idle
 * stream starts without waiting for its next timeout. */
void hearth_pcm_notify(hearth_pcm_stream *stream);

/* Playback barge-in: drop everything queued in the ring and in the device.
 * Returns a ticket; hearth_pcm_flush_wait blocks until the stream thread has
 * done it (0) or timeout_ms passed (-ETIMEDOUT). */
uint64_t hearth_pcm_flush_request(hearth_pcm_stream *stream);
int hearth_pcm_flush_wait(hearth_pcm_stream *stream, uint64_t ticket, int timeout_ms);

void hearth_pcm_get_stats(const hearth_pcm_stream *stream, hearth_pcm_stats *stats);
/* Copies the message of the error that ended the stream ("" if none). */
void hearth_pcm_copy_error(const hearth_pcm_stream *stream, char *error, size_t error_size);

/* Test hook: the next device status query of the stream thread returns err
 * (e.g. -EPIPE, -ESTRPIPE) instead of asking the device, so recovery runs
 * against a device that cannot be driven into an xrun (null, file). */
void hearth_pcm_inject_error(hearth_pcm_stream *stream, int err);
/* Test hook: while held, the thread sees a device with no room (playback) or
 * nothing captured (capture), like real hardware that is behind; the null
 * plugin is never behind, so barge-in over queued audio needs this. */
void hearth_pcm_hold_device(hearth_pcm_stream *stream, int held);

#ifdef __cplusplus
}
#endif

#endif
