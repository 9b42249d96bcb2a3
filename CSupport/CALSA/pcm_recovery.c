/* Recovery from the two errors a healthy stream meets: -EPIPE (xrun: the
 * thread was late, the device overran or ran dry) and -ESTRPIPE (the system
 * suspended). Anything else ends the stream with a message. */
#include <time.h>

#include "pcm_internal.h"

enum { RESUME_ATTEMPTS = 100, RESUME_PAUSE_MS = 10 };

void hearth_pcm_fail(hearth_pcm_stream *stream, int err, const char *during) {
    hearth_pcm_format_error(stream->error, sizeof stream->error, err, "%s '%s': %s",
                            hearth_pcm_direction_name(stream->direction), stream->device, during);
    atomic_store_explicit(&stream->state, HEARTH_PCM_STATE_FAILED, memory_order_release);
}

/* A capture stream must run again right away; playback is left prepared
 * and restarts when it has queued enough. */
static int restart_if_capture(hearth_pcm_stream *stream) {
    if (stream->direction != HEARTH_PCM_CAPTURE)
        return 0;
    if (snd_pcm_state(stream->pcm) == SND_PCM_STATE_RUNNING)
        return 0;
    return snd_pcm_start(stream->pcm);
}

static int resume_after_suspend(hearth_pcm_stream *stream) {
    struct timespec pause = {0, RESUME_PAUSE_MS * 1000000L};
    int err = -EAGAIN;
    for (int attempt = 0; attempt < RESUME_ATTEMPTS && err == -EAGAIN; attempt++) {
        if (atomic_load(&stream->stop_requested))
            return 0;
        err = snd_pcm_resume(stream->pcm);
        if (err == -EAGAIN)
            nanosleep(&pause, NULL);
    }
    /* Devices without resume support answer -ENOSYS: start over instead. */
    if (err < 0)
        err = snd_pcm_prepare(stream->pcm);
    return err;
}

int hearth_pcm_recover(hearth_pcm_stream *stream, int err, const char *during) {
    int result;
    if (err == -EPIPE) {
        atomic_fetch_add(&stream->xruns, 1);
        result = snd_pcm_prepare(stream->pcm);
    } else if (err == -ESTRPIPE) {
        atomic_fetch_add(&stream->suspends, 1);
        result = resume_after_suspend(stream);
    } else {
        hearth_pcm_fail(stream, err, during);
        return err;
    }
    if (result >= 0)
        result = restart_if_capture(stream);
    if (result < 0) {
        hearth_pcm_fail(stream, result, err == -EPIPE ? "recovering from an xrun"
                                                      : "resuming after suspend");
        return result;
    }
    return 0;
}
