/*
 * Brings any supported rate down to 8 kHz and splits it into six bands
 * (0-250, 250-500, 500-1000, 1000-2000, 2000-3000, 3000-4000 Hz) with a tree
 * of half-band filters, returning each band's energy per frame.
 */
#ifndef HEARTH_VAD_FILTER_BANK_H
#define HEARTH_VAD_FILTER_BANK_H

#include <stdint.h>

#define HEARTH_VAD_BANDS 6
/* Half-band FIR: 4 distinct odd taps either side of a centre of 1/2. */
#define HEARTH_HALFBAND_TAPS 15
#define HEARTH_HALFBAND_HISTORY (HEARTH_HALFBAND_TAPS - 1)
/* 3:1 decimator from 48 kHz to 16 kHz. */
#define HEARTH_THIRDBAND_TAPS 24
#define HEARTH_THIRDBAND_HISTORY (HEARTH_THIRDBAND_TAPS - 1)
/* Largest frame: 30 ms at 48 kHz. */
#define HEARTH_VAD_MAX_FRAME 1440

typedef struct {
    int16_t history[HEARTH_HALFBAND_HISTORY];
} hearth_halfband_state;

typedef struct {
    int sample_rate;
    /* Down to 8 kHz: 48k -> 16k (third band), then up to two halvings. */
    int16_t third_history[HEARTH_THIRDBAND_HISTORY];
    hearth_halfband_state to_16k;
    hearth_halfband_state to_8k;
    /* DC blocker at 8 kHz, Q0 state. */
    int32_t dc_previous_input;
    int32_t dc_previous_output;
    /* The split tree: 0-4k, 2-4k, 0-2k, 0-1k, 0-500 Hz. */
    hearth_halfband_state split[5];
    /* Working memory, sized for the largest frame so nothing is allocated. */
    int16_t window[HEARTH_VAD_MAX_FRAME + HEARTH_THIRDBAND_HISTORY];
    int16_t stage_a[HEARTH_VAD_MAX_FRAME / 2];
    int16_t stage_b[HEARTH_VAD_MAX_FRAME / 2];
    int16_t low[HEARTH_VAD_MAX_FRAME / 4];
    int16_t high[HEARTH_VAD_MAX_FRAME / 4];
} hearth_filter_bank;

void hearth_filter_bank_init(hearth_filter_bank *bank, int sample_rate);

/* Analyses one frame; band_energy[b] receives the sum of squares of band b's
 * samples (Q0 of int16 squared) and band_samples[b] how many there were. */
void hearth_filter_bank_analyse(hearth_filter_bank *bank, const int16_t *frame, int length,
                                uint64_t band_energy[HEARTH_VAD_BANDS], int band_samples[HEARTH_VAD_BANDS]);

#endif
