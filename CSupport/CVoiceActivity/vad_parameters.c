#include "vad_parameters.h"

#include <string.h>

HEARTH_VAD_TABLE hearth_vad_evidence_parameters hearth_vad_evidence = {
    .rise_deadzone_q8 = 384, /* 1.5 spreads: noise alone passes it about one frame in fifteen */
    .rise_clip_q8 = 6 * 256,
    .band_weight_q4 = {8, 16, 20, 20, 16, 12},
};

/* Rates per frame length, so that the same time constants hold: closing a
 * fraction f per 10 ms is 1 - (1 - f)^2 per 20 ms and 1 - (1 - f)^3 per 30 ms. */
static HEARTH_VAD_TABLE hearth_vad_rates rates_by_length[3] = {
    /* fall 1/4, rise 1/32, creep 0.06 dB per 10 ms; a word is 30 ms */
    {0, 8192, 1024, 5, 3, 40, 30},
    {1, 14336, 2016, 10, 2, 20, 15},
    {2, 18944, 2977, 15, 1, 13, 10},
};

static HEARTH_VAD_TABLE hearth_vad_mode_parameters modes[4] = {
    /* Evidence thresholds in weighted spreads (Q8), and hangover. */
    {{384, 384, 384}, 180},
    {{512, 512, 512}, 150},
    {{768, 768, 768}, 120},
    {{1024, 1024, 1024}, 60},
};

const hearth_vad_rates *hearth_vad_rates_for(int frame_ms) {
    return &rates_by_length[frame_ms == 10 ? 0 : frame_ms == 20 ? 1 : 2];
}

const hearth_vad_mode_parameters *hearth_vad_mode_parameters_for(int mode) {
    return &modes[mode];
}

#ifdef HEARTH_VAD_TUNING
#include <stdio.h>
#include <stdlib.h>

/* HEARTH_VAD_TUNE="key=value ..." with keys deadzone clip w0..w5 fall rise
 * creep run thr0..thr3 hang0..hang3 (10 ms rates; longer frames derived). */
void hearth_vad_tuning_load(void) {
    const char *spec = getenv("HEARTH_VAD_TUNE");
    if (spec == NULL) {
        return;
    }
    char key[16];
    double value;
    int used;
    while (sscanf(spec, " %15[^=]=%lf%n", key, &value, &used) == 2) {
        spec += used;
        int k = key[strlen(key) - 1] - '0';
        if (!strcmp(key, "deadzone")) hearth_vad_evidence.rise_deadzone_q8 = (int32_t)value;
        else if (!strcmp(key, "clip")) hearth_vad_evidence.rise_clip_q8 = (int32_t)value;
        else if (key[0] == 'w') hearth_vad_evidence.band_weight_q4[k] = (int32_t)value;
        else if (!strncmp(key, "thr", 3)) modes[k].evidence_threshold_q8[0] = modes[k].evidence_threshold_q8[1] = modes[k].evidence_threshold_q8[2] = (int32_t)value;
        else if (!strncmp(key, "hang", 4)) modes[k].hangover_ms = (int)value;
        else if (!strcmp(key, "fall") || !strcmp(key, "rise")) {
            for (int i = 0; i < 3; i++) {
                double keep = 1.0;
                for (int j = 0; j <= i; j++) keep *= 1.0 - value;
                int32_t q15 = (int32_t)((1.0 - keep) * 32768.0 + 0.5);
                if (key[0] == 'f') rates_by_length[i].fall_q15 = q15;
                else rates_by_length[i].rise_q15 = q15;
            }
        } else if (!strcmp(key, "creep")) {
            for (int i = 0; i < 3; i++) rates_by_length[i].creep_q8 = (int32_t)value * (i + 1);
        } else if (!strcmp(key, "minwin")) {
            for (int i = 0; i < 3; i++) rates_by_length[i].minimum_window_frames = ((int)value + i) / (i + 1);
        } else if (!strcmp(key, "learn")) {
            for (int i = 0; i < 3; i++) rates_by_length[i].learning_frames = ((int)value + i) / (i + 1);
        } else if (!strcmp(key, "run")) {
            for (int i = 0; i < 3; i++) rates_by_length[i].word_run_frames = ((int)value + i) / (i + 1);
        } else {
            fprintf(stderr, "unknown tuning key %s\n", key);
            exit(2);
        }
    }
}
#endif
