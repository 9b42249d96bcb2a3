/*
 * Noise power per frequency bin, tracked frame by frame from the noisy
 * spectrum itself: each bin's power is split, by the probability that
 * speech is present in it, into speech and noise, and the noise part is
 * averaged. No voice-activity decision is needed, so the estimate keeps
 * following the noise between the syllables of long speech and in bins
 * speech leaves free.
 */
#ifndef HEARTH_NOISE_ESTIMATE_H
#define HEARTH_NOISE_ESTIMATE_H

#include <stddef.h>

typedef struct noise_estimate {
    size_t bins;
    float *noise;           /* estimated noise power per bin */
    float *presence;        /* smoothed speech-presence probability per bin */
    int started;
} noise_estimate;

/* 0 on success, -1 on ENOMEM. */
int noise_estimate_init(noise_estimate *estimate, size_t bins);
void noise_estimate_free(noise_estimate *estimate);
void noise_estimate_reset(noise_estimate *estimate);

/* Updates the estimate with one frame's power spectrum. */
void noise_estimate_update(noise_estimate *estimate, const float *power);

#endif
