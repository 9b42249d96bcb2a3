/*
 * Noise suppression for what the speech recogniser hears: steady background
 * noise (a fan, traffic hum) is estimated per frequency and attenuated,
 * speech kept. Short-time spectra (windows of about 32 ms, half
 * overlapping), a noise estimate updated every frame, and a Wiener gain per
 * frequency with a floor, so the leftover noise stays a quieter copy of the
 * original rather than warbling tones.
 *
 * Streaming: any number of samples in, as many out, delayed by
 * hearth_noise_suppressor_delay() samples. 16-bit mono. No allocation after
 * create. Not thread-safe: one stream, one thread at a time.
 */
#ifndef HEARTH_NOISE_SUPPRESSOR_H
#define HEARTH_NOISE_SUPPRESSOR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_noise_suppressor hearth_noise_suppressor;

/* `gain_floor_db` (< 0): the most a frequency is attenuated, e.g. -15.
 * NULL if the rate is outside 8000...48000 Hz, the floor is not negative,
 * or on ENOMEM. */
hearth_noise_suppressor *hearth_noise_suppressor_create(int sample_rate, double gain_floor_db);
void hearth_noise_suppressor_destroy(hearth_noise_suppressor *suppressor);

/* Output sample i is input sample i - delay, cleaned (the first `delay`
 * output samples are silence). */
size_t hearth_noise_suppressor_delay(const hearth_noise_suppressor *suppressor);

/* Forgets the learnt noise and the buffered samples, as if just created. */
void hearth_noise_suppressor_reset(hearth_noise_suppressor *suppressor);

/* Cleans `count` samples from `input` into `output` (which may be the same
 * buffer). */
void hearth_noise_suppressor_process(hearth_noise_suppressor *suppressor, const int16_t *input, int16_t *output,
                                     size_t count);

#ifdef __cplusplus
}
#endif

#endif
