/*
 * The detector's tuning: adaptation rates per frame length and thresholds
 * per aggressiveness. Figures were chosen on a synthetic-speech corpus in
 * clean, white- and pink-noise conditions (scripts/bench-vad.sh).
 */
#ifndef HEARTH_VAD_PARAMETERS_H
#define HEARTH_VAD_PARAMETERS_H

#include <stdint.h>

#include "filter_bank.h"

/* Mean power below 2^4 (an RMS of 4 LSB) is treated as 2^4: below that is
 * quantisation and dither, not sound. log2 Q8. */
#define HEARTH_VAD_POWER_FLOOR_Q8 (4 * 256)
/* A frame quieter than this (RMS ~ 16 LSB, -66 dBFS) is never speech. */
#define HEARTH_VAD_SPEECH_FLOOR_Q8 (8 * 256)

/* The benchmark's sweep build (-DHEARTH_VAD_TUNING) may overwrite the
 * tables from the environment; the product's are constant. */
#ifdef HEARTH_VAD_TUNING
#define HEARTH_VAD_TABLE
void hearth_vad_tuning_load(void);
#else
#define HEARTH_VAD_TABLE const
#endif

typedef struct {
    /* A band's rise is measured in spreads (see inverse_spread_q8 in
     * voiceactivity.c), Q8. It must pass this dead zone to count... */
    int32_t rise_deadzone_q8;
    /* ...and counts at most this much, so one loud band cannot decide alone. */
    int32_t rise_clip_q8;
    /* Speech lives mostly from 250 Hz to 3 kHz; the ends carry hum and hiss. Q4. */
    int32_t band_weight_q4[HEARTH_VAD_BANDS];
} hearth_vad_evidence_parameters;

extern HEARTH_VAD_TABLE hearth_vad_evidence_parameters hearth_vad_evidence;

/* Sub-windows of the background's minimum statistics (4 x 0.4 s). */
#define HEARTH_VAD_MINIMUM_WINDOWS 4

typedef struct {
    int index;           /* 0, 1, 2 for 10, 20, 30 ms */
    int32_t fall_q15;    /* fraction of the gap closed per frame when quieter */
    int32_t rise_q15;    /* same when louder and not speech */
    int32_t creep_q8;    /* rise per frame while speech, log2 Q8 */
    int word_run_frames; /* speech frames before the hangover arms */
    int minimum_window_frames; /* frames per minimum-statistics sub-window (0.4 s) */
    int learning_frames;       /* frames at the start that only learn the background (0.3 s) */
} hearth_vad_rates;

typedef struct {
    int32_t evidence_threshold_q8[3]; /* per frame length */
    int hangover_ms;
} hearth_vad_mode_parameters;

const hearth_vad_rates *hearth_vad_rates_for(int frame_ms);
const hearth_vad_mode_parameters *hearth_vad_mode_parameters_for(int mode);

#endif
