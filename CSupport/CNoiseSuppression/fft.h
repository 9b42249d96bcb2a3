/*
 * In-place complex FFT of a power-of-two length, radix 2, float. Twiddles
 * and the bit-reversal permutation are computed once at create, so a
 * transform allocates nothing.
 */
#ifndef HEARTH_NOISE_FFT_H
#define HEARTH_NOISE_FFT_H

#include <stddef.h>

typedef struct fft_plan fft_plan;

/* NULL when `length` is not a power of two >= 2, or on ENOMEM. */
fft_plan *fft_plan_create(size_t length);
void fft_plan_destroy(fft_plan *plan);

/* Forward (e^-i) transform of `length` complex values, real and imaginary
 * parts in separate arrays; unscaled. */
void fft_forward(const fft_plan *plan, float *real, float *imaginary);
/* Inverse transform, scaled by 1/length so that it undoes fft_forward. */
void fft_inverse(const fft_plan *plan, float *real, float *imaginary);

#endif
