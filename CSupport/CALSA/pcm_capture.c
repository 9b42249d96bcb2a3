/* Capture thread: device mmap area -> ring.
 *
 * When the ring is full the thread does not read the device: on real
 * hardware the device then overruns, which is counted and recovered like
 * any xrun, so a slow consumer shows up in the statistics instead of as
 * silently missing samples in the middle of the ring.
 *
 * With the `file` plugin and an `infile`, the plugin copies the next input
 * bytes into the area at snd_pcm_mmap_begin and assumes the whole span it
 * returned is committed: so we always ask mmap_begin for no more than fits
 * in the ring and commit exactly what it gave. */
#include <string.h>

#include "pcm_internal.h"

static void copy_into_ring(hearth_ring *ring, const uint8_t *source, uint32_t bytes) {
    hearth_ring_regions regions;
    hearth_ring_write_regions(ring, &regions);
    uint32_t first = bytes < regions.first_length ? bytes : regions.first_length;
    memcpy(regions.first, source, first);
    if (bytes > first)
        memcpy(regions.second, source + first, bytes - first);
}

/* Moves up to `frames` frames; returns 0 or a negative ALSA error. */
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
        /* interleaved: channel 0's area addresses whole frames */
        const uint8_t *source =
            (const uint8_t *)areas[0].addr + (areas[0].first + offset * areas[0].step) / 8;
        uint32_t bytes = (uint32_t)chunk * frame_bytes;
        copy_into_ring(stream->ring, source, bytes);
        snd_pcm_sframes_t committed = snd_pcm_mmap_commit(stream->pcm, offset, chunk);
        if (committed < 0)
            return (int)committed;
        if ((snd_pcm_uframes_t)committed != chunk)
            return -EPIPE;
        /* publish only samples the device confirmed were still valid */
        hearth_ring_commit_write(stream->ring, bytes);
        atomic_fetch_add(&stream->frames, chunk);
        frames -= chunk;
    }
    return 0;
}

void *hearth_pcm_capture_main(void *argument) {
    hearth_pcm_stream *stream = argument;
    const snd_pcm_uframes_t period = stream->granted.period_frames;
    const int period_ms = hearth_pcm_period_ms(stream);
    const int device_timeout_ms = hearth_pcm_device_timeout_ms(stream);

    int err = snd_pcm_start(stream->pcm);
    if (err < 0) {
        hearth_pcm_fail(stream, err, "starting");
        return NULL;
    }
    while (!atomic_load(&stream->stop_requested)) {
        snd_pcm_sframes_t avail = hearth_pcm_query_avail(stream);
        if (avail < 0) {
            if (hearth_pcm_recover(stream, (int)avail, "reading the capture position") < 0)
                return NULL;
            continue;
        }
        snd_pcm_uframes_t room = hearth_ring_writable(stream->ring) / stream->granted.frame_bytes;
        if ((snd_pcm_uframes_t)avail < period) {
            hearth_pcm_wait(stream, 1, device_timeout_ms);
        } else if (room == 0) {
            atomic_fetch_add(&stream->ring_full_waits, 1);
            hearth_pcm_wait(stream, 0, period_ms);
        } else {
            err = transfer(stream, (snd_pcm_uframes_t)avail < room ? (snd_pcm_uframes_t)avail : room);
            if (err < 0 && hearth_pcm_recover(stream, err, "moving captured frames") < 0)
                return NULL;
        }
    }
    snd_pcm_drop(stream->pcm);
    return NULL;
}
