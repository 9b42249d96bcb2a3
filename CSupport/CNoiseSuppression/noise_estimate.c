/*
 * Speech-presence-probability noise tracking (after Gerkmann and Hendriks,
 * "Unbiased MMSE-based noise power estimation with low complexity", 2012).
 *
 * For each bin, with gamma = power / noise, the posterior probability of
 * speech assumes speech would be 15 dB above the noise:
 *     p = 1 / (1 + (1 + xi) exp(-gamma xi / (1 + xi))),  xi = 10^1.5.
 * The expected noise power of the frame is then (1 - p) power + p noise,
 * averaged into the estimate. A bin whose probability stays near 1 for a
 * long time is more likely noise that rose than endless speech: its
 * probability is capped, so the estimate climbs to a louder noise.
 */
#include "noise_estimate.h"

#include <math.h>
#include <stdlib.h>

/* Assumed speech-to-noise ratio when speech is present (15 dB). */
static const float speech_ratio = 31.62f;
/* Averaging of the noise power and of the presence probability per frame. */
static const float noise_smoothing = 0.8f;
static const float presence_smoothing = 0.9f;
static const float stuck_presence = 0.99f;
/* No estimate below this power (int16 units): digital silence would make
 * every later sound infinitely loud. */
static const float noise_floor = 1.0f;

int noise_estimate_init(noise_estimate *estimate, size_t bins) {
    estimate->bins = bins;
    estimate->noise = calloc(bins, sizeof *estimate->noise);
    estimate->presence = calloc(bins, sizeof *estimate->presence);
    estimate->started = 0;
    if (!estimate->noise || !estimate->presence) {
        noise_estimate_free(estimate);
        return -1;
    }
    return 0;
}

void noise_estimate_free(noise_estimate *estimate) {
    free(estimate->noise);
    free(estimate->presence);
    estimate->noise = estimate->presence = NULL;
}

void noise_estimate_reset(noise_estimate *estimate) {
    for (size_t bin = 0; bin < estimate->bins; bin++) estimate->noise[bin] = estimate->presence[bin] = 0.0f;
    estimate->started = 0;
}

void noise_estimate_update(noise_estimate *estimate, const float *power) {
    if (!estimate->started) {
        /* The first frame is all there is to go on; if it held speech, the
         * estimate falls to the real noise within a few frames. */
        for (size_t bin = 0; bin < estimate->bins; bin++) estimate->noise[bin] = fmaxf(power[bin], noise_floor);
        estimate->started = 1;
        return;
    }
    const float exponent_scale = speech_ratio / (1.0f + speech_ratio);
    for (size_t bin = 0; bin < estimate->bins; bin++) {
        float noise = estimate->noise[bin];
        float gamma = power[bin] / noise;
        float presence = 1.0f / (1.0f + (1.0f + speech_ratio) * expf(-gamma * exponent_scale));
        estimate->presence[bin] = presence_smoothing * estimate->presence[bin] + (1.0f - presence_smoothing) * presence;
        if (estimate->presence[bin] > stuck_presence) presence = fminf(presence, stuck_presence);
        float expected = (1.0f - presence) * power[bin] + presence * noise;
        estimate->noise[bin] = fmaxf(noise_smoothing * noise + (1.0f - noise_smoothing) * expected, noise_floor);
    }
}
