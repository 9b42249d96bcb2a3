/*
 * Fixed-point filter bank for the voice-activity detector.
 *
 * Every split is the same half-band FIR h (15 taps, centre 1/2, even taps
 * zero, Kaiser-windowed sinc): low = h * x, high = x - low, both kept at every
 * other sample. high is then the upper half of the band mirrored into the
 * lower half, which does not matter because only its energy is used. The
 * cost is four multiplies per output pair; about -15 dB of leakage between
 * neighbouring bands is plenty for telling speech from noise.
 */
#include "filter_bank.h"

#include <string.h>

/* Odd taps h[+-1], h[+-3], h[+-5], h[+-7] in Q15; 2 * sum = 1/2. */
static const int32_t halfband_taps_q15[4] = {9954, -2264, 564, -55};

/* 48 kHz -> 16 kHz low-pass (cut-off 7 kHz, Kaiser), Q15, symmetric. */
static const int32_t thirdband_taps_q15[HEARTH_THIRDBAND_TAPS / 2] = {
    -12, -9, 72, 213, 210, -200, -926, -1248, -150, 2751, 6507, 9176,
};

/* One minus the DC blocker's pole, 1 - 0.95, in Q15: corner near 65 Hz at 8 kHz. */
#define DC_BLOCK_POLE_Q15 31130

static int16_t saturate16(int32_t value) {
    if (value > INT16_MAX) {
        return INT16_MAX;
    }
    if (value < INT16_MIN) {
        return INT16_MIN;
    }
    return (int16_t)value;
}

/* Halves the rate of `length` (even) samples. `low` always receives
 * length / 2 samples; `high`, when not NULL, the complementary band. The
 * window is history followed by the new input, so no sample is lost at the
 * seam between frames. */
static void halfband_split(hearth_halfband_state *state, int16_t *window, const int16_t *input, int length,
                           int16_t *low, int16_t *high) {
    memcpy(window, state->history, sizeof(state->history));
    memcpy(window + HEARTH_HALFBAND_HISTORY, input, (size_t)length * sizeof(int16_t));
    for (int out = 0; out < length / 2; out++) {
        const int16_t *centre = window + 2 * out + HEARTH_HALFBAND_HISTORY / 2;
        int32_t odd_sum_q15 = halfband_taps_q15[0] * (centre[-1] + centre[1]) +
                              halfband_taps_q15[1] * (centre[-3] + centre[3]) +
                              halfband_taps_q15[2] * (centre[-5] + centre[5]) +
                              halfband_taps_q15[3] * (centre[-7] + centre[7]);
        int32_t centre_q15 = (int32_t)centre[0] << 14; /* centre tap 1/2 */
        low[out] = saturate16((centre_q15 + odd_sum_q15 + (1 << 14)) >> 15);
        if (high != NULL) {
            high[out] = saturate16((centre_q15 - odd_sum_q15 + (1 << 14)) >> 15);
        }
    }
    memcpy(state->history, window + length, sizeof(state->history));
}

/* 48 kHz -> 16 kHz; length is a multiple of 3. */
static void thirdband_decimate(hearth_filter_bank *bank, const int16_t *input, int length, int16_t *output) {
    int16_t *window = bank->window;
    memcpy(window, bank->third_history, sizeof(bank->third_history));
    memcpy(window + HEARTH_THIRDBAND_HISTORY, input, (size_t)length * sizeof(int16_t));
    for (int out = 0; out < length / 3; out++) {
        const int16_t *taps = window + 3 * out + 2; /* newest tap at index 3*out+2+23 */
        int32_t sum_q15 = 0;
        for (int k = 0; k < HEARTH_THIRDBAND_TAPS / 2; k++) {
            sum_q15 += thirdband_taps_q15[k] * (taps[k] + taps[HEARTH_THIRDBAND_TAPS - 1 - k]);
        }
        output[out] = saturate16((sum_q15 + (1 << 14)) >> 15);
    }
    memcpy(bank->third_history, window + length, sizeof(bank->third_history));
}

static uint64_t energy(const int16_t *samples, int length) {
    uint64_t sum = 0;
    for (int i = 0; i < length; i++) {
        sum += (uint32_t)((int32_t)samples[i] * samples[i]);
    }
    return sum;
}

void hearth_filter_bank_init(hearth_filter_bank *bank, int sample_rate) {
    memset(bank, 0, sizeof(*bank));
    bank->sample_rate = sample_rate;
}

void hearth_filter_bank_analyse(hearth_filter_bank *bank, const int16_t *frame, int length,
                                uint64_t band_energy[HEARTH_VAD_BANDS], int band_samples[HEARTH_VAD_BANDS]) {
    /* 1. Down to 8 kHz into stage_a. */
    const int16_t *at_8k = frame;
    int n = length;
    if (bank->sample_rate == 48000) {
        thirdband_decimate(bank, frame, n, bank->stage_b);
        n /= 3;
        halfband_split(&bank->to_8k, bank->window, bank->stage_b, n, bank->stage_a, NULL);
        n /= 2;
        at_8k = bank->stage_a;
    } else if (bank->sample_rate == 32000) {
        halfband_split(&bank->to_16k, bank->window, frame, n, bank->stage_b, NULL);
        n /= 2;
        halfband_split(&bank->to_8k, bank->window, bank->stage_b, n, bank->stage_a, NULL);
        n /= 2;
        at_8k = bank->stage_a;
    } else if (bank->sample_rate == 16000) {
        halfband_split(&bank->to_8k, bank->window, frame, n, bank->stage_a, NULL);
        n /= 2;
        at_8k = bank->stage_a;
    }

    /* 2. DC blocker, y[n] = x[n] - x[n-1] + pole * y[n-1], into stage_b. */
    int16_t *x8 = bank->stage_b;
    int32_t previous_input = bank->dc_previous_input;
    int32_t previous_output = bank->dc_previous_output;
    for (int i = 0; i < n; i++) {
        int32_t output = at_8k[i] - previous_input + ((DC_BLOCK_POLE_Q15 * previous_output + (1 << 14)) >> 15);
        previous_input = at_8k[i];
        previous_output = saturate16(output);
        x8[i] = (int16_t)previous_output;
    }
    bank->dc_previous_input = previous_input;
    bank->dc_previous_output = previous_output;

    /* 3. The tree. Buffers: stage_a (free now), low/high scratch. */
    int16_t *low_0_2k = bank->stage_a;
    int16_t *high_2_4k = bank->low; /* 2-4 kHz, n/2 samples */
    halfband_split(&bank->split[0], bank->window, x8, n, low_0_2k, high_2_4k);
    n /= 2;

    /* 2-4 kHz mirrored: its low half is 3-4 kHz, its high half 2-3 kHz. */
    int16_t *band_3_4k = bank->high;
    int16_t *band_2_3k = bank->stage_b; /* x8 is no longer needed */
    halfband_split(&bank->split[1], bank->window, high_2_4k, n, band_3_4k, band_2_3k);
    band_energy[5] = energy(band_3_4k, n / 2);
    band_energy[4] = energy(band_2_3k, n / 2);
    band_samples[5] = band_samples[4] = n / 2;

    int16_t *low_0_1k = bank->low;
    int16_t *band_1_2k = bank->high;
    halfband_split(&bank->split[2], bank->window, low_0_2k, n, low_0_1k, band_1_2k);
    n /= 2;
    band_energy[3] = energy(band_1_2k, n);
    band_samples[3] = n;

    int16_t *low_0_500 = bank->stage_a;
    int16_t *band_500_1k = bank->high;
    halfband_split(&bank->split[3], bank->window, low_0_1k, n, low_0_500, band_500_1k);
    n /= 2;
    band_energy[2] = energy(band_500_1k, n);
    band_samples[2] = n;

    int16_t *band_0_250 = bank->low;
    int16_t *band_250_500 = bank->high;
    halfband_split(&bank->split[4], bank->window, low_0_500, n, band_0_250, band_250_500);
    n /= 2;
    band_energy[1] = energy(band_250_500, n);
    band_energy[0] = energy(band_0_250, n);
    band_samples[1] = band_samples[0] = n;
}
