/* Playback thread: ring -> device mmap area.
 *
 * The stream is either idle (device prepared, nothing queued: the thread
 * sleeps on the wake fd) or playing. Playback runs with stop_threshold =
 * boundary and device-side silence fill (see pcm_setup.c), so running out of
 * data is seen as avail >= buffer size rather than as an xrun:
 *   - ring empty and avail >= buffer: everything was played -> idle;
 *   - ring not empty and avail > buffer: the device ran dry mid-stream
 *     (the producer was late) -> counted as an underrun and restarted.
 * The null plugin reports avail == buffer while running, which reads as
 * "played everything" as soon as the ring is empty: right for tests.
 *
 * A flush (barge-in) is handled here because this thread is the ring's
 * consumer and the only one touching the device: drop the ring, drop the
 * device (snd_pcm_drop) and prepare it again. */
#include <string.h>

#include "pcm_internal.h"

static void copy_from_ring(hearth_ring *ring, uint8_t *destination, uint32_t bytes) {
    hearth_ring_regions regions;
    hearth_ring_read_regions(ring, &regions);
    uint32_t first = bytes < regions.first_length ? bytes : regions.first_length;
    memcpy(destination, regions.first, first);
    if (bytes > first)
        memcpy(destination + first, regions.second, bytes - first);
}

static int transfer(hearth_pcm_stream *stream, snd_pcm_uframes_t frames) {
    const uint32_t frame_bytes = stream->granted.frame_bytes;
    while (frames > 0) {
        const snd_pcm_channel_area_t *areas;
        snd_pcm_uframes_t offset, chunk = frames;
        int err = snd_pcm_mmap_begin(stream->pcm, &areas, &offset, &chunk);
        if (err < 0)
            return err;
        if (chunk == 0)
            return 0;
        uint8_t *destination =
            (uint8_t *)areas[0].addr + (areas[0].first + offset * areas[0].step) / 8;
        uint32_t bytes = (uint32_t)chunk * frame_bytes;
        copy_from_ring(stream->ring, destination, bytes);
        snd_pcm_sframes_t committed = snd_pcm_mmap_commit(stream->pcm, offset, chunk);
        if (committed < 0)
            return (int)committed;
        hearth_ring_commit_read(stream->ring, bytes);
        atomic_fetch_add(&stream->frames, chunk);
        if ((snd_pcm_uframes_t)committed != chunk)
            return -EPIPE;
        frames -= chunk;
    }
    return 0;
}

/* Drop whatever the device holds and make it ready for the next start. */
static int reset_device(hearth_pcm_stream *stream) {
    snd_pcm_drop(stream->pcm);
    return snd_pcm_prepare(stream->pcm);
}

static int flush(hearth_pcm_stream *stream, uint64_t ticket) {
    hearth_ring_discard_all(stream->ring);
    int err = reset_device(stream);
    atomic_store(&stream->playing, 0);
    atomic_fetch_add(&stream->flushes, 1);
    pthread_mutex_lock(&stream->flush_lock);
    atomic_store(&stream->flush_completed, ticket);
    pthread_cond_broadcast(&stream->flush_done);
    pthread_mutex_unlock(&stream->flush_lock);
    return err;
}

/* Start once a period is queued, or when what is queued is all there is. */
static int start_if_ready(hearth_pcm_stream *stream, snd_pcm_sframes_t avail_after) {
    if (snd_pcm_state(stream->pcm) != SND_PCM_STATE_PREPARED)
        return 0;
    snd_pcm_uframes_t queued = stream->granted.buffer_frames - (snd_pcm_uframes_t)avail_after;
    if (queued < stream->granted.period_frames && hearth_ring_readable(stream->ring) > 0)
        return 0;
    return snd_pcm_start(stream->pcm);
}

/* One step of the playing state; returns 0 or a negative ALSA error. */
static int play_step(hearth_pcm_stream *stream, snd_pcm_uframes_t readable, int device_timeout_ms) {
    const snd_pcm_uframes_t buffer = stream->granted.buffer_frames;
    snd_pcm_sframes_t avail = hearth_pcm_query_avail(stream);
    if (avail < 0)
        return (int)avail;
    int running = snd_pcm_state(stream->pcm) == SND_PCM_STATE_RUNNING;
    if (running && readable == 0 && (snd_pcm_uframes_t)avail >= buffer)
        return reset_device(stream); /* played out: go idle */
    if (running && (snd_pcm_uframes_t)avail > buffer) {
        atomic_fetch_add(&stream->underruns, 1);
        return reset_device(stream); /* refill from the ring and restart */
    }
    if (avail == 0 || readable == 0) {
        hearth_pcm_wait(stream, 1, device_timeout_ms);
        return 0;
    }
    snd_pcm_uframes_t frames = (snd_pcm_uframes_t)avail < readable ? (snd_pcm_uframes_t)avail : readable;
    /* busy from before the ring empties, so "ring empty and not playing"
     * never shows while frames sit in the device unplayed */
    atomic_store(&stream->playing, 1);
    int err = transfer(stream, frames);
    if (err < 0)
        return err;
    avail = snd_pcm_avail_update(stream->pcm);
    if (avail < 0)
        return (int)avail;
    return start_if_ready(stream, avail);
}

void *hearth_pcm_playback_main(void *argument) {
    hearth_pcm_stream *stream = argument;
    const int period_ms = hearth_pcm_period_ms(stream);
    const int device_timeout_ms = hearth_pcm_device_timeout_ms(stream);

    while (!atomic_load(&stream->stop_requested)) {
        uint64_t requested = atomic_load(&stream->flush_requested);
        if (requested != atomic_load(&stream->flush_completed)) {
            int err = flush(stream, requested);
            if (err < 0) {
                hearth_pcm_fail(stream, err, "preparing after a flush");
                break;
            }
            continue;
        }
        snd_pcm_uframes_t readable = hearth_ring_readable(stream->ring) / stream->granted.frame_bytes;
        int idle = snd_pcm_state(stream->pcm) == SND_PCM_STATE_PREPARED && readable == 0;
        if (idle) {
            atomic_store(&stream->playing, 0);
            hearth_pcm_wait(stream, 0, period_ms);
            continue;
        }
        int err = play_step(stream, readable, device_timeout_ms);
        if (err < 0 && hearth_pcm_recover(stream, err, "writing playback frames") < 0)
            break;
    }
    reset_device(stream);
    /* release anyone waiting on a flush that will never run */
    pthread_mutex_lock(&stream->flush_lock);
    atomic_store(&stream->flush_completed, atomic_load(&stream->flush_requested));
    pthread_cond_broadcast(&stream->flush_done);
    pthread_mutex_unlock(&stream->flush_lock);
    return NULL;
}
