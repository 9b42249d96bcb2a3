/*
 * Sample-rate conversion of a whole mono signal with a Kaiser-windowed sinc
 * (band-limited interpolation), for uploads and test fixtures. Any pair of
 * rates; the cut-off follows the lower of the two, so downsampling filters
 * out what cannot be represented instead of folding it back.
 */
#ifndef HEARTH_RESAMPLE_H
#define HEARTH_RESAMPLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Output length for `input_length` samples: ceil(input_length * to / from). */
size_t hearth_resample_output_length(size_t input_length, uint32_t from_rate, uint32_t to_rate);

/* Resamples `input` into `output`, which must hold
 * hearth_resample_output_length() samples. Returns samples written, or 0 if
 * a rate is zero. Equal rates copy. */
size_t hearth_resample(const float *input, size_t input_length, uint32_t from_rate, float *output, uint32_t to_rate);

/* Rounds floats in [-1, 1] to 16-bit samples, clipping outside that range. */
void hearth_float_to_int16(const float *input, size_t length, int16_t *output);

#ifdef __cplusplus
}
#endif

#endif
