/*
 * Voice-activity detector.
 *
 * Per frame: six band energies from the filter bank, each turned into a
 * log2 mean power in Q8 (256 = 3.01 dB). A per-band background level
 * (also log2 Q8) follows the energy down quickly and up slowly, so it sits
 * on the troughs between syllables: steady noise, white or coloured, ends up
 * as the background of every band it covers. Each band's rise above its
 * background is counted in units of how much that band wobbles in steady
 * noise (bands with fewer samples per frame wobble more), less a dead zone,
 * clipped so one loud band cannot outvote the rest; the frame's evidence for
 * speech is the weighted sum over bands. Speech is
 * declared when that sum passes the mode's threshold and the frame is louder
 * than a fixed floor; a hangover then bridges the short gaps inside words.
 *
 * Everything after create is integer arithmetic on the state below.
 */
#include "hearth_voiceactivity.h"

#include <stdlib.h>
#include <string.h>

#include "filter_bank.h"
#include "fixed_log2.h"
#include "vad_parameters.h"

struct hearth_vad {
    int sample_rate;
    int frame_ms;
    int mode;
    int frame_length;
    hearth_filter_bank bank;

    /* Background level of each band, log2 mean power, Q8. */
    int32_t background_q8[HEARTH_VAD_BANDS];
    /* log2 of samples per band per frame, Q8: turns energy into mean power. */
    int32_t log2_band_samples_q8[HEARTH_VAD_BANDS];
    /* 1 / (spread of a band's log2 power in steady noise), Q8. The mean of
     * n squared Gaussian samples has a log2 spread of about 2.04 / sqrt(n)
     * octaves, so a 5-sample band wobbles twice as much as a 20-sample one;
     * rises are measured in these spreads so every band needs the same
     * improbability to count. */
    int32_t inverse_spread_q8[HEARTH_VAD_BANDS];
    /* Minimum statistics: the lowest band power over the last ~1.6 s, kept
     * as the minima of four sub-windows plus the one being filled. Speech
     * always has gaps within that span, a hum or steady noise does not, so
     * the background is never let sit below this minimum: otherwise a
     * steady sound that started loud would be called speech for ever. */
    int32_t window_minimum_q8[HEARTH_VAD_MINIMUM_WINDOWS][HEARTH_VAD_BANDS];
    int32_t current_minimum_q8[HEARTH_VAD_BANDS];
    int minimum_frames;
    int minimum_slot;
    int frames_seen;
    int speech_run_frames;
    int hangover_frames_left;
};

/* Integer square root, used only while configuring. */
static uint32_t square_root(uint32_t value) {
    uint32_t root = 0;
    for (uint32_t bit = UINT32_C(1) << 30; bit != 0; bit >>= 2) {
        if (value >= root + bit) {
            value -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
    }
    return root;
}

hearth_vad *hearth_vad_create(int sample_rate, int frame_ms, int mode) {
    if (sample_rate != 8000 && sample_rate != 16000 && sample_rate != 32000 && sample_rate != 48000) {
        return NULL;
    }
    if (frame_ms != 10 && frame_ms != 20 && frame_ms != 30) {
        return NULL;
    }
    if (mode < HEARTH_VAD_MODE_MIN || mode > HEARTH_VAD_MODE_MAX) {
        return NULL;
    }
    hearth_vad *vad = malloc(sizeof(hearth_vad));
    if (vad == NULL) {
        return NULL;
    }
    vad->sample_rate = sample_rate;
    vad->frame_ms = frame_ms;
    vad->mode = mode;
    vad->frame_length = sample_rate / 1000 * frame_ms;
    hearth_vad_reset(vad);
    return vad;
}

void hearth_vad_destroy(hearth_vad *vad) {
    free(vad);
}

size_t hearth_vad_frame_length(const hearth_vad *vad) {
    return (size_t)vad->frame_length;
}

int hearth_vad_set_mode(hearth_vad *vad, int mode) {
    if (mode < HEARTH_VAD_MODE_MIN || mode > HEARTH_VAD_MODE_MAX) {
        return -1;
    }
    vad->mode = mode;
    return 0;
}

void hearth_vad_reset(hearth_vad *vad) {
    hearth_filter_bank_init(&vad->bank, vad->sample_rate);
    /* Samples per band at 8 kHz: 2-4 kHz bands get 1/4 of the frame, the
     * 1-2 kHz band 1/8, 500-1000 Hz 1/16, the two lowest 1/32. */
    int at_8k = 8 * vad->frame_ms;
    static const int divisor[HEARTH_VAD_BANDS] = {32, 32, 16, 8, 4, 4};
    for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
        int samples = at_8k / divisor[b];
        vad->log2_band_samples_q8[b] = hearth_vad_log2_q8((uint64_t)samples);
        /* sqrt(samples) in Q8, then divided by 2.04 (522 in Q8). */
        vad->inverse_spread_q8[b] = (int32_t)(square_root((uint32_t)samples << 16) * 256 / 522);
        vad->background_q8[b] = 0;
    }
    for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
        vad->current_minimum_q8[b] = INT32_MAX;
        for (int w = 0; w < HEARTH_VAD_MINIMUM_WINDOWS; w++) {
            vad->window_minimum_q8[w][b] = INT32_MAX;
        }
    }
    vad->minimum_frames = 0;
    vad->minimum_slot = 0;
    vad->frames_seen = 0;
    vad->speech_run_frames = 0;
    vad->hangover_frames_left = 0;
}

/* Moves `level` toward `target` by a fraction given in Q15. */
static int32_t approach_q8(int32_t level, int32_t target, int32_t fraction_q15) {
    return level + (int32_t)(((int64_t)(target - level) * fraction_q15) >> 15);
}

int hearth_vad_process(hearth_vad *vad, const int16_t *frame, size_t length) {
    if (frame == NULL || length != (size_t)vad->frame_length) {
        return -1;
    }
    const hearth_vad_rates *rates = hearth_vad_rates_for(vad->frame_ms);
    const hearth_vad_mode_parameters *mode = hearth_vad_mode_parameters_for(vad->mode);

    uint64_t band_energy[HEARTH_VAD_BANDS];
    int band_samples[HEARTH_VAD_BANDS];
    hearth_filter_bank_analyse(&vad->bank, frame, vad->frame_length, band_energy, band_samples);

    /* Mean power per band, log2 Q8, floored where quantisation noise lives. */
    int32_t power_q8[HEARTH_VAD_BANDS];
    uint64_t total_energy = 0;
    for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
        int32_t level = hearth_vad_log2_q8(band_energy[b]) - vad->log2_band_samples_q8[b];
        power_q8[b] = level < HEARTH_VAD_POWER_FLOOR_Q8 ? HEARTH_VAD_POWER_FLOOR_Q8 : level;
        total_energy += band_energy[b];
    }
    int32_t frame_power_q8 = hearth_vad_log2_q8(total_energy) - hearth_vad_log2_q8((uint64_t)(8 * vad->frame_ms));

    if (vad->frames_seen == 0) {
        /* No history: take the first frame as background. If it was speech
         * the fast downward tracking corrects it at the first pause. */
        memcpy(vad->background_q8, power_q8, sizeof(power_q8));
    }
    if (vad->frames_seen < INT32_MAX) {
        vad->frames_seen++;
    }

    /* Evidence: weighted, clipped rise of each band above its background. */
    int32_t evidence_q8 = 0;
    for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
        /* Rise above background in spreads, Q8, less the dead zone. */
        int32_t rise_q8 = (((power_q8[b] - vad->background_q8[b]) * vad->inverse_spread_q8[b]) >> 8) -
                          hearth_vad_evidence.rise_deadzone_q8;
        if (rise_q8 < 0) {
            rise_q8 = 0;
        }
        if (rise_q8 > hearth_vad_evidence.rise_clip_q8) {
            rise_q8 = hearth_vad_evidence.rise_clip_q8;
        }
        evidence_q8 += (hearth_vad_evidence.band_weight_q4[b] * rise_q8) >> 4;
    }
    int loud_enough = frame_power_q8 >= HEARTH_VAD_SPEECH_FLOOR_Q8;
    int frame_is_speech = loud_enough && evidence_q8 >= mode->evidence_threshold_q8[rates->index];

    /* Background tracking: down fast, up slowly, and only a creep while the
     * frame looks like speech, so long speech cannot raise it much. */
    for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
        int32_t level = power_q8[b];
        int32_t background = vad->background_q8[b];
        if (level < background || vad->frames_seen <= rates->learning_frames) {
            /* While learning (the first 0.3 s) follow both ways at the fast
             * rate: there is no background yet to judge speech against. */
            background = approach_q8(background, level, rates->fall_q15);
        } else if (!frame_is_speech) {
            background = approach_q8(background, level, rates->rise_q15);
        } else {
            int32_t crept = background + rates->creep_q8;
            background = crept < level ? crept : level;
        }
        /* Never below the recent minimum (see window_minimum_q8). */
        int32_t minimum = level < vad->current_minimum_q8[b] ? level : vad->current_minimum_q8[b];
        vad->current_minimum_q8[b] = minimum;
        for (int w = 0; w < HEARTH_VAD_MINIMUM_WINDOWS; w++) {
            minimum = vad->window_minimum_q8[w][b] < minimum ? vad->window_minimum_q8[w][b] : minimum;
        }
        vad->background_q8[b] = background > minimum ? background : minimum;
    }
    if (++vad->minimum_frames >= rates->minimum_window_frames) {
        memcpy(vad->window_minimum_q8[vad->minimum_slot], vad->current_minimum_q8, sizeof(vad->current_minimum_q8));
        vad->minimum_slot = (vad->minimum_slot + 1) % HEARTH_VAD_MINIMUM_WINDOWS;
        for (int b = 0; b < HEARTH_VAD_BANDS; b++) {
            vad->current_minimum_q8[b] = INT32_MAX;
        }
        vad->minimum_frames = 0;
    }

    /* Hangover: after a run long enough to be a word, hold the decision. */
    if (frame_is_speech) {
        vad->speech_run_frames++;
        if (vad->speech_run_frames >= rates->word_run_frames) {
            vad->hangover_frames_left = mode->hangover_ms / vad->frame_ms;
        }
        return 1;
    }
    vad->speech_run_frames = 0;
    if (vad->hangover_frames_left > 0) {
        vad->hangover_frames_left--;
        return 1;
    }
    return 0;
}
