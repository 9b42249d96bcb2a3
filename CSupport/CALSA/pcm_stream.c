/* Stream lifecycle: open + negotiate, thread start/stop, requests from
 * other threads (notify, flush), statistics. */
#define _GNU_SOURCE /* pthread_setname_np */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "pcm_internal.h"

static void destroy(hearth_pcm_stream *stream) {
    if (stream->pcm != NULL)
        snd_pcm_close(stream->pcm);
    if (stream->wake_fd >= 0)
        close(stream->wake_fd);
    pthread_mutex_destroy(&stream->flush_lock);
    pthread_cond_destroy(&stream->flush_done);
    free(stream->fds);
    free(stream);
}

/* Poll set: the wake fd first, then the PCM's own descriptors. */
static int prepare_poll_set(hearth_pcm_stream *stream, char *error, size_t error_size) {
    stream->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (stream->wake_fd < 0) {
        hearth_pcm_format_error(error, error_size, -errno, "creating the wake-up eventfd");
        return -errno;
    }
    int count = snd_pcm_poll_descriptors_count(stream->pcm);
    if (count < 0) {
        hearth_pcm_format_error(error, error_size, count, "%s '%s': poll descriptors",
                                hearth_pcm_direction_name(stream->direction), stream->device);
        return count;
    }
    stream->fds = calloc((size_t)count + 1, sizeof *stream->fds);
    if (stream->fds == NULL)
        return -ENOMEM;
    stream->fds[0].fd = stream->wake_fd;
    stream->fds[0].events = POLLIN;
    int filled = snd_pcm_poll_descriptors(stream->pcm, stream->fds + 1, (unsigned int)count);
    stream->pcm_fd_count = filled < 0 ? 0 : filled;
    return 0;
}

int hearth_pcm_open(hearth_pcm_stream **out, hearth_pcm_direction direction,
                    const hearth_pcm_request *request, hearth_ring *ring, char *error,
                    size_t error_size) {
    *out = NULL;
    hearth_pcm_install_error_handler();
    if (ring == NULL) {
        hearth_pcm_format_error(error, error_size, -EINVAL, "no ring given for the stream");
        return -EINVAL;
    }
    hearth_pcm_stream *stream = calloc(1, sizeof *stream);
    if (stream == NULL)
        return -ENOMEM;
    stream->direction = direction;
    stream->ring = ring;
    stream->wake_fd = -1;
    pthread_mutex_init(&stream->flush_lock, NULL);
    pthread_cond_init(&stream->flush_done, NULL);
    snprintf(stream->device, sizeof stream->device, "%s", request->device ? request->device : "");

    /* Non-blocking: the thread never sleeps inside alsa-lib, only in poll,
     * where the wake fd can reach it. */
    snd_pcm_stream_t alsa_direction =
        direction == HEARTH_PCM_CAPTURE ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK;
    int err = hearth_pcm_check_request(request, error, error_size);
    if (err >= 0) {
        err = snd_pcm_open(&stream->pcm, request->device, alsa_direction, SND_PCM_NONBLOCK);
        if (err < 0) {
            stream->pcm = NULL;
            hearth_pcm_format_error(error, error_size, err, "opening %s device '%s'",
                                    hearth_pcm_direction_name(direction), request->device);
        }
    }
    if (err >= 0)
        err = hearth_pcm_negotiate(stream->pcm, direction, request, &stream->granted, error,
                                   error_size);
    if (err >= 0)
        err = prepare_poll_set(stream, error, error_size);
    if (err >= 0) {
        err = snd_pcm_prepare(stream->pcm);
        if (err < 0)
            hearth_pcm_format_error(error, error_size, err, "%s '%s': prepare",
                                    hearth_pcm_direction_name(direction), request->device);
    }
    if (err < 0) {
        destroy(stream);
        return err;
    }
    atomic_store(&stream->state, HEARTH_PCM_STATE_OPEN);
    *out = stream;
    return 0;
}

void hearth_pcm_granted_config(const hearth_pcm_stream *stream, hearth_pcm_granted *granted) {
    *granted = stream->granted;
}

int hearth_pcm_start(hearth_pcm_stream *stream, char *error, size_t error_size) {
    if (stream->thread_started)
        return 0;
    if (atomic_load(&stream->state) != HEARTH_PCM_STATE_OPEN) {
        hearth_pcm_format_error(error, error_size, -EBADFD, "%s '%s': a stopped stream cannot start again",
                                hearth_pcm_direction_name(stream->direction), stream->device);
        return -EBADFD;
    }
    atomic_store(&stream->state, HEARTH_PCM_STATE_RUNNING);
    void *(*body)(void *) = stream->direction == HEARTH_PCM_CAPTURE ? hearth_pcm_capture_main
                                                                    : hearth_pcm_playback_main;
    int err = pthread_create(&stream->thread, NULL, body, stream);
    if (err != 0) {
        atomic_store(&stream->state, HEARTH_PCM_STATE_OPEN);
        hearth_pcm_format_error(error, error_size, -err, "%s '%s': starting its thread",
                                hearth_pcm_direction_name(stream->direction), stream->device);
        return -err;
    }
    pthread_setname_np(stream->thread,
                       stream->direction == HEARTH_PCM_CAPTURE ? "hearth-capture" : "hearth-playback");
    stream->thread_started = 1;
    return 0;
}

void hearth_pcm_notify(hearth_pcm_stream *stream) {
    uint64_t one = 1;
    /* a full counter (EAGAIN) still wakes the thread: nothing to handle */
    ssize_t written = write(stream->wake_fd, &one, sizeof one);
    (void)written;
}

void hearth_pcm_stop(hearth_pcm_stream *stream) {
    if (!stream->thread_started)
        return;
    atomic_store(&stream->stop_requested, 1);
    hearth_pcm_notify(stream);
    pthread_join(stream->thread, NULL);
    stream->thread_started = 0;
    int running = HEARTH_PCM_STATE_RUNNING;
    atomic_compare_exchange_strong(&stream->state, &running, HEARTH_PCM_STATE_STOPPED);
}

void hearth_pcm_close(hearth_pcm_stream *stream) {
    if (stream == NULL)
        return;
    hearth_pcm_stop(stream);
    destroy(stream);
}

uint64_t hearth_pcm_flush_request(hearth_pcm_stream *stream) {
    uint64_t ticket = atomic_fetch_add(&stream->flush_requested, 1) + 1;
    if (atomic_load(&stream->state) == HEARTH_PCM_STATE_RUNNING) {
        hearth_pcm_notify(stream);
    } else {
        /* no consumer thread: the ring is ours to empty, the device holds nothing */
        hearth_ring_discard_all(stream->ring);
        atomic_store(&stream->flush_completed, ticket);
    }
    return ticket;
}

int hearth_pcm_flush_wait(hearth_pcm_stream *stream, uint64_t ticket, int timeout_ms) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
    }
    int result = 0;
    pthread_mutex_lock(&stream->flush_lock);
    while (atomic_load(&stream->flush_completed) < ticket && result == 0) {
        if (atomic_load(&stream->state) != HEARTH_PCM_STATE_RUNNING)
            break; /* no thread will do it; nothing is playing either */
        result = pthread_cond_timedwait(&stream->flush_done, &stream->flush_lock, &deadline);
    }
    pthread_mutex_unlock(&stream->flush_lock);
    return result == ETIMEDOUT ? -ETIMEDOUT : 0;
}

void hearth_pcm_get_stats(const hearth_pcm_stream *stream, hearth_pcm_stats *stats) {
    hearth_pcm_stream *s = (hearth_pcm_stream *)stream;
    stats->frames = atomic_load(&s->frames);
    stats->xruns = atomic_load(&s->xruns);
    stats->suspends = atomic_load(&s->suspends);
    stats->ring_full_waits = atomic_load(&s->ring_full_waits);
    stats->underruns = atomic_load(&s->underruns);
    stats->flushes = atomic_load(&s->flushes);
    stats->state = atomic_load(&s->state);
    stats->playing = atomic_load(&s->playing);
}

void hearth_pcm_copy_error(const hearth_pcm_stream *stream, char *error, size_t error_size) {
    if (error_size == 0)
        return;
    if (atomic_load_explicit(&((hearth_pcm_stream *)stream)->state, memory_order_acquire) !=
        HEARTH_PCM_STATE_FAILED) {
        error[0] = '\0';
        return;
    }
    snprintf(error, error_size, "%s", stream->error);
}

void hearth_pcm_inject_error(hearth_pcm_stream *stream, int err) {
    atomic_store(&stream->injected_error, err);
    hearth_pcm_notify(stream);
}

void hearth_pcm_hold_device(hearth_pcm_stream *stream, int held) {
    atomic_store(&stream->device_held, held);
    hearth_pcm_notify(stream);
}
