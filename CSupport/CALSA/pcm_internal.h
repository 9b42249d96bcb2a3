/* Private to CALSA: the stream record shared by its C files. */
#ifndef HEARTH_PCM_INTERNAL_H
#define HEARTH_PCM_INTERNAL_H

#include <alsa/asoundlib.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>

#include "hearth_alsa.h"

struct hearth_pcm_stream {
    snd_pcm_t *pcm;
    hearth_pcm_direction direction;
    hearth_pcm_granted granted;
    hearth_ring *ring;
    char device[96];

    /* poll set: [0] is the wake-up eventfd, then the PCM's descriptors */
    struct pollfd *fds;
    int pcm_fd_count;
    int wake_fd;

    pthread_t thread;
    int thread_started;
    atomic_int stop_requested;
    atomic_int injected_error; /* test hooks, see hearth_alsa.h */
    atomic_int device_held;

    /* flush tickets: requested by any thread, completed by the stream thread */
    atomic_uint_fast64_t flush_requested;
    atomic_uint_fast64_t flush_completed;
    pthread_mutex_t flush_lock;
    pthread_cond_t flush_done;

    atomic_int state;
    atomic_int playing;
    atomic_uint_fast64_t frames;
    atomic_uint_fast64_t xruns;
    atomic_uint_fast64_t suspends;
    atomic_uint_fast64_t ring_full_waits;
    atomic_uint_fast64_t underruns;
    atomic_uint_fast64_t flushes;

    /* written once by the stream thread before it publishes FAILED */
    char error[HEARTH_PCM_ERROR_SIZE];
};

/* pcm_error.c */
/* Installs the handler once and forgets older library messages of this thread. */
void hearth_pcm_install_error_handler(void);
void hearth_pcm_format_error(char *error, size_t error_size, int err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *hearth_pcm_direction_name(hearth_pcm_direction direction);

/* pcm_setup.c */
int hearth_pcm_check_request(const hearth_pcm_request *request, char *error, size_t error_size);
int hearth_pcm_negotiate(snd_pcm_t *pcm, hearth_pcm_direction direction,
                         const hearth_pcm_request *request, hearth_pcm_granted *granted,
                         char *error, size_t error_size);

/* pcm_wait.c */
snd_pcm_sframes_t hearth_pcm_query_avail(hearth_pcm_stream *stream);
void hearth_pcm_wait(hearth_pcm_stream *stream, int with_device, int timeout_ms);
int hearth_pcm_period_ms(const hearth_pcm_stream *stream);
int hearth_pcm_device_timeout_ms(const hearth_pcm_stream *stream);

/* pcm_recovery.c */
int hearth_pcm_recover(hearth_pcm_stream *stream, int err, const char *during);
void hearth_pcm_fail(hearth_pcm_stream *stream, int err, const char *during);

/* pcm_capture.c, pcm_playback.c: thread bodies */
void *hearth_pcm_capture_main(void *stream);
void *hearth_pcm_playback_main(void *stream);

#endif
