/* How the stream thread learns about the device and sleeps: one poll over
 * the PCM's descriptors plus a wake-up eventfd, so stop, flush and "data
 * arrived" requests end a wait at once instead of after a period. */
#include <stdint.h>
#include <unistd.h>

#include "pcm_internal.h"

snd_pcm_sframes_t hearth_pcm_query_avail(hearth_pcm_stream *stream) {
    int injected = atomic_exchange(&stream->injected_error, 0);
    if (injected < 0)
        return injected;
    if (atomic_load(&stream->device_held))
        return 0;
    return snd_pcm_avail_update(stream->pcm);
}

int hearth_pcm_period_ms(const hearth_pcm_stream *stream) {
    uint64_t ms = (uint64_t)stream->granted.period_frames * 1000 / stream->granted.rate;
    return ms < 1 ? 1 : (int)ms;
}

/* A device that signals nothing for several buffer lengths is stuck; the
 * thread then asks it directly (its avail or error says what happened). */
int hearth_pcm_device_timeout_ms(const hearth_pcm_stream *stream) {
    uint64_t buffer_ms = (uint64_t)stream->granted.buffer_frames * 1000 / stream->granted.rate;
    return (int)(4 * buffer_ms + 10);
}

static void drain_wake_fd(int fd) {
    uint64_t count;
    while (read(fd, &count, sizeof count) == (ssize_t)sizeof count) {
    }
}

/* with_device = 0 waits for the wake fd (or the timeout) only: used when the
 * device is ready but the ring is not (capture ring full, playback idle). */
void hearth_pcm_wait(hearth_pcm_stream *stream, int with_device, int timeout_ms) {
    if (atomic_load(&stream->device_held)) {
        /* the real device may be ready; the held one is not */
        with_device = 0;
        timeout_ms = hearth_pcm_period_ms(stream);
    }
    nfds_t count = 1 + (with_device ? (nfds_t)stream->pcm_fd_count : 0);
    for (nfds_t i = 0; i < count; i++)
        stream->fds[i].revents = 0;
    int ready = poll(stream->fds, count, timeout_ms);
    if (ready <= 0)
        return;
    if (stream->fds[0].revents & POLLIN)
        drain_wake_fd(stream->wake_fd);
    if (with_device && stream->pcm_fd_count > 0) {
        /* Plugins may multiplex several fds into one event; asking alsa-lib
         * to translate them also acknowledges timer-based descriptors. */
        unsigned short revents = 0;
        snd_pcm_poll_descriptors_revents(stream->pcm, stream->fds + 1,
                                         (unsigned int)stream->pcm_fd_count, &revents);
    }
}
