/*
 * Noise suppressor: short-time Fourier analysis, a gain per bin, overlap-add.
 *
 * Frames of `length` samples (the smallest power of two holding 20 ms: 512
 * at 16 kHz) every `hop` = length / 2 samples, under a square-root Hann
 * window on both analysis and synthesis: the two windows multiply to a Hann
 * window, whose half-overlapping copies sum to one, so with unit gains the
 * output is the input, delayed.
 *
 * Per bin, with the noise power N from noise_estimate and the frame's
 * power P: the a posteriori ratio gamma = P / N, and the a priori
 * speech-to-noise ratio xi by the decision-directed rule (Ephraim and
 * Malah): mostly the previous frame's cleaned power over the noise, a
 * little of this frame's max(gamma - 1, 0). That smoothing is what keeps
 * isolated noise peaks from passing as short tones. The gain is Wiener's,
 * xi / (1 + xi), never below the floor.
 *
 * Float rather than fixed point: power spectra of 16-bit audio span more
 * than 32 bits of range, the gain needs division and exp, and the boards
 * Hearth runs on have an FPU. Two 512-point transforms every 16 ms is a
 * small fraction of a core.
 */
#include "hearth_noise_suppressor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fft.h"
#include "noise_estimate.h"

/* Weight of the previous frame in the a priori ratio. */
static const float decision_directed_weight = 0.98f;

struct hearth_noise_suppressor {
    size_t length, hop, bins;
    float gain_floor;
    fft_plan *plan;
    noise_estimate noise;
    float *window;
    float *frame;            /* the last `length` input samples */
    float *overlap;          /* synthesis accumulator, `length` samples */
    int16_t *fresh;          /* input samples of the hop being gathered */
    int16_t *ready;          /* cleaned samples being handed out */
    size_t filled;           /* samples in `fresh` (and of `ready` handed out) */
    float *real, *imaginary; /* transform buffers */
    float *power;            /* this frame's power per bin */
    float *previous;         /* last frame's cleaned power over noise, per bin */
    int has_previous;
};

hearth_noise_suppressor *hearth_noise_suppressor_create(int sample_rate, double gain_floor_db) {
    if (sample_rate < 8000 || sample_rate > 48000 || !(gain_floor_db < 0)) return NULL;
    hearth_noise_suppressor *suppressor = calloc(1, sizeof *suppressor);
    if (!suppressor) return NULL;
    size_t length = 2;
    while (length < (size_t)sample_rate / 50) length *= 2;
    suppressor->length = length;
    suppressor->hop = length / 2;
    suppressor->bins = length / 2 + 1;
    suppressor->gain_floor = (float)pow(10.0, gain_floor_db / 20.0);
    suppressor->plan = fft_plan_create(length);
    int noise_failed = noise_estimate_init(&suppressor->noise, suppressor->bins);
    suppressor->window = malloc(length * sizeof(float));
    suppressor->frame = malloc(length * sizeof(float));
    suppressor->overlap = malloc(length * sizeof(float));
    suppressor->fresh = malloc(suppressor->hop * sizeof(int16_t));
    suppressor->ready = malloc(suppressor->hop * sizeof(int16_t));
    suppressor->real = malloc(length * sizeof(float));
    suppressor->imaginary = malloc(length * sizeof(float));
    suppressor->power = malloc(suppressor->bins * sizeof(float));
    suppressor->previous = malloc(suppressor->bins * sizeof(float));
    if (!suppressor->plan || noise_failed || !suppressor->window || !suppressor->frame || !suppressor->overlap ||
        !suppressor->fresh || !suppressor->ready || !suppressor->real || !suppressor->imaginary || !suppressor->power ||
        !suppressor->previous) {
        hearth_noise_suppressor_destroy(suppressor);
        return NULL;
    }
    for (size_t index = 0; index < length; index++)
        suppressor->window[index] = (float)sqrt(0.5 - 0.5 * cos(2.0 * M_PI * (double)index / (double)length));
    hearth_noise_suppressor_reset(suppressor);
    return suppressor;
}

void hearth_noise_suppressor_destroy(hearth_noise_suppressor *suppressor) {
    if (!suppressor) return;
    fft_plan_destroy(suppressor->plan);
    noise_estimate_free(&suppressor->noise);
    free(suppressor->window);
    free(suppressor->frame);
    free(suppressor->overlap);
    free(suppressor->fresh);
    free(suppressor->ready);
    free(suppressor->real);
    free(suppressor->imaginary);
    free(suppressor->power);
    free(suppressor->previous);
    free(suppressor);
}

size_t hearth_noise_suppressor_delay(const hearth_noise_suppressor *suppressor) { return suppressor->length; }

void hearth_noise_suppressor_reset(hearth_noise_suppressor *suppressor) {
    noise_estimate_reset(&suppressor->noise);
    memset(suppressor->frame, 0, suppressor->length * sizeof(float));
    memset(suppressor->overlap, 0, suppressor->length * sizeof(float));
    memset(suppressor->ready, 0, suppressor->hop * sizeof(int16_t));
    suppressor->filled = 0;
    suppressor->has_previous = 0;
}

/* Sets each bin's gain on the spectrum in real/imaginary (both halves). */
static void apply_gains(hearth_noise_suppressor *suppressor) {
    size_t length = suppressor->length;
    for (size_t bin = 0; bin < suppressor->bins; bin++) {
        float re = suppressor->real[bin], im = suppressor->imaginary[bin];
        suppressor->power[bin] = re * re + im * im;
    }
    noise_estimate_update(&suppressor->noise, suppressor->power);
    for (size_t bin = 0; bin < suppressor->bins; bin++) {
        float gamma = suppressor->power[bin] / suppressor->noise.noise[bin];
        float instantaneous = fmaxf(gamma - 1.0f, 0.0f);
        float xi = suppressor->has_previous ? decision_directed_weight * suppressor->previous[bin] +
                                                  (1.0f - decision_directed_weight) * instantaneous
                                            : instantaneous;
        float gain = fmaxf(xi / (1.0f + xi), suppressor->gain_floor);
        suppressor->previous[bin] = gain * gain * gamma;
        suppressor->real[bin] *= gain;
        suppressor->imaginary[bin] *= gain;
        /* The mirrored bin of a real signal's spectrum. */
        if (bin > 0 && bin < length / 2) {
            suppressor->real[length - bin] *= gain;
            suppressor->imaginary[length - bin] *= gain;
        }
    }
    suppressor->has_previous = 1;
}

static int16_t clamp_sample(float value) {
    if (value >= 32767.0f) return 32767;
    if (value <= -32768.0f) return -32768;
    return (int16_t)lrintf(value);
}

/* A hop of fresh input is complete: analyse the frame ending with it, and
 * hand out the hop of output that no later frame adds to. */
static void process_frame(hearth_noise_suppressor *suppressor) {
    size_t length = suppressor->length, hop = suppressor->hop;
    memmove(suppressor->frame, suppressor->frame + hop, (length - hop) * sizeof(float));
    for (size_t index = 0; index < hop; index++) suppressor->frame[length - hop + index] = suppressor->fresh[index];
    for (size_t index = 0; index < length; index++) {
        suppressor->real[index] = suppressor->frame[index] * suppressor->window[index];
        suppressor->imaginary[index] = 0.0f;
    }
    fft_forward(suppressor->plan, suppressor->real, suppressor->imaginary);
    apply_gains(suppressor);
    fft_inverse(suppressor->plan, suppressor->real, suppressor->imaginary);
    for (size_t index = 0; index < length; index++)
        suppressor->overlap[index] += suppressor->real[index] * suppressor->window[index];
    for (size_t index = 0; index < hop; index++) suppressor->ready[index] = clamp_sample(suppressor->overlap[index]);
    memmove(suppressor->overlap, suppressor->overlap + hop, (length - hop) * sizeof(float));
    memset(suppressor->overlap + length - hop, 0, hop * sizeof(float));
}

void hearth_noise_suppressor_process(hearth_noise_suppressor *suppressor, const int16_t *input, int16_t *output,
                                     size_t count) {
    for (size_t index = 0; index < count; index++) {
        int16_t sample = input[index];
        output[index] = suppressor->ready[suppressor->filled];
        suppressor->fresh[suppressor->filled++] = sample;
        if (suppressor->filled == suppressor->hop) {
            process_frame(suppressor);
            suppressor->filled = 0;
        }
    }
}
