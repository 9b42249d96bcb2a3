/* Hardware and software parameter negotiation. The device may grant a
 * different rate, period or buffer than asked: we ask "near" and report
 * what we got; access, format and channel count must be exact because the
 * ring's reader interprets the bytes. */
#include "pcm_internal.h"

enum { DEFAULT_PERIOD_MS = 20, DEFAULT_PERIODS_PER_BUFFER = 4 };

int hearth_pcm_check_request(const hearth_pcm_request *request, char *error, size_t error_size) {
    if (request->device == NULL || request->device[0] == '\0') {
        hearth_pcm_format_error(error, error_size, -EINVAL, "no ALSA device name given");
        return -EINVAL;
    }
    if (request->channels < 1 || request->channels > HEARTH_PCM_MAX_CHANNELS) {
        hearth_pcm_format_error(error, error_size, -EINVAL,
                                "'%s': %u channels asked, Hearth supports 1 or 2",
                                request->device, request->channels);
        return -EINVAL;
    }
    if (request->rate < HEARTH_PCM_MIN_RATE || request->rate > HEARTH_PCM_MAX_RATE) {
        hearth_pcm_format_error(error, error_size, -EINVAL,
                                "'%s': rate %u Hz asked, Hearth supports %d to %d Hz",
                                request->device, request->rate, HEARTH_PCM_MIN_RATE,
                                HEARTH_PCM_MAX_RATE);
        return -EINVAL;
    }
    return 0;
}

static int set_hardware(snd_pcm_t *pcm, const hearth_pcm_request *request,
                        const char *what, char *error, size_t error_size) {
    snd_pcm_hw_params_t *hw;
    snd_pcm_hw_params_alloca(&hw);
    int err = snd_pcm_hw_params_any(pcm, hw);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "%s: reading hardware parameters", what);
        return err;
    }
    err = snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_MMAP_INTERLEAVED);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err,
                                "%s: mmap interleaved access not offered (try a plughw: device)",
                                what);
        return err;
    }
    err = snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16_LE);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "%s: S16_LE not offered", what);
        return err;
    }
    err = snd_pcm_hw_params_set_channels(pcm, hw, request->channels);
    if (err < 0) {
        unsigned int min = 0, max = 0;
        snd_pcm_hw_params_get_channels_min(hw, &min);
        snd_pcm_hw_params_get_channels_max(hw, &max);
        hearth_pcm_format_error(error, error_size, err,
                                "%s: %u channels not offered (device has %u to %u)", what,
                                request->channels, min, max);
        return err;
    }
    unsigned int rate = request->rate;
    err = snd_pcm_hw_params_set_rate_near(pcm, hw, &rate, NULL);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "%s: rate near %u Hz", what, request->rate);
        return err;
    }
    snd_pcm_uframes_t period = request->period_frames;
    if (period == 0)
        period = rate * DEFAULT_PERIOD_MS / 1000;
    err = snd_pcm_hw_params_set_period_size_near(pcm, hw, &period, NULL);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "%s: period near %lu frames", what,
                                (unsigned long)period);
        return err;
    }
    snd_pcm_uframes_t buffer = request->buffer_frames;
    if (buffer == 0)
        buffer = period * DEFAULT_PERIODS_PER_BUFFER;
    err = snd_pcm_hw_params_set_buffer_size_near(pcm, hw, &buffer);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "%s: buffer near %lu frames", what,
                                (unsigned long)buffer);
        return err;
    }
    err = snd_pcm_hw_params(pcm, hw);
    if (err < 0)
        hearth_pcm_format_error(error, error_size, err, "%s: applying hardware parameters", what);
    return err;
}

/* Both directions start explicitly (start_threshold = boundary) so the
 * thread decides when. Playback never stops on underrun: the device plays
 * silence it fills itself (silence_size = boundary), and the thread notices
 * that it ran dry from avail > buffer size. That keeps the end of every
 * utterance from being an xrun. Capture keeps the usual stop on overrun. */
static int set_software(snd_pcm_t *pcm, hearth_pcm_direction direction, snd_pcm_uframes_t period,
                        const char *what, char *error, size_t error_size) {
    snd_pcm_sw_params_t *sw;
    snd_pcm_sw_params_alloca(&sw);
    snd_pcm_uframes_t boundary = 0;
    int err = snd_pcm_sw_params_current(pcm, sw);
    if (err >= 0)
        err = snd_pcm_sw_params_get_boundary(sw, &boundary);
    if (err >= 0)
        err = snd_pcm_sw_params_set_avail_min(pcm, sw, period);
    if (err >= 0)
        err = snd_pcm_sw_params_set_start_threshold(pcm, sw, boundary);
    if (err >= 0 && direction == HEARTH_PCM_PLAYBACK) {
        err = snd_pcm_sw_params_set_stop_threshold(pcm, sw, boundary);
        if (err >= 0)
            err = snd_pcm_sw_params_set_silence_threshold(pcm, sw, 0);
        if (err >= 0)
            err = snd_pcm_sw_params_set_silence_size(pcm, sw, boundary);
    }
    if (err >= 0)
        err = snd_pcm_sw_params(pcm, sw);
    if (err < 0)
        hearth_pcm_format_error(error, error_size, err, "%s: software parameters", what);
    return err;
}

int hearth_pcm_negotiate(snd_pcm_t *pcm, hearth_pcm_direction direction,
                         const hearth_pcm_request *request, hearth_pcm_granted *granted,
                         char *error, size_t error_size) {
    char what[128];
    snprintf(what, sizeof what, "%s '%s'", hearth_pcm_direction_name(direction), request->device);
    int err = set_hardware(pcm, request, what, error, error_size);
    if (err < 0)
        return err;

    snd_pcm_uframes_t period = 0, buffer = 0;
    unsigned int rate = 0, channels = 0;
    snd_pcm_get_params(pcm, &buffer, &period);
    snd_pcm_hw_params_t *hw;
    snd_pcm_hw_params_alloca(&hw);
    snd_pcm_hw_params_current(pcm, hw);
    snd_pcm_hw_params_get_rate(hw, &rate, NULL);
    snd_pcm_hw_params_get_channels(hw, &channels);

    err = set_software(pcm, direction, period, what, error, error_size);
    if (err < 0)
        return err;
    granted->rate = rate;
    granted->channels = channels;
    granted->period_frames = (uint32_t)period;
    granted->buffer_frames = (uint32_t)buffer;
    granted->frame_bytes = channels * 2;
    return 0;
}
