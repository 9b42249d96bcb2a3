#include "fft.h"

#include <math.h>
#include <stdlib.h>

struct fft_plan {
    size_t length;
    size_t *reversed; /* bit-reversed index of each index */
    float *cosines;   /* cos(2 pi k / length), k < length / 2 */
    float *sines;     /* sin(2 pi k / length) */
};

fft_plan *fft_plan_create(size_t length) {
    if (length < 2 || (length & (length - 1)) != 0) return NULL;
    fft_plan *plan = calloc(1, sizeof *plan);
    if (!plan) return NULL;
    plan->length = length;
    plan->reversed = malloc(length * sizeof *plan->reversed);
    plan->cosines = malloc(length / 2 * sizeof *plan->cosines);
    plan->sines = malloc(length / 2 * sizeof *plan->sines);
    if (!plan->reversed || !plan->cosines || !plan->sines) {
        fft_plan_destroy(plan);
        return NULL;
    }
    size_t bits = 0;
    while (((size_t)1 << bits) < length) bits++;
    for (size_t index = 0; index < length; index++) {
        size_t reversed = 0;
        for (size_t bit = 0; bit < bits; bit++) reversed |= ((index >> bit) & 1) << (bits - 1 - bit);
        plan->reversed[index] = reversed;
    }
    for (size_t k = 0; k < length / 2; k++) {
        double angle = 2.0 * M_PI * (double)k / (double)length;
        plan->cosines[k] = (float)cos(angle);
        plan->sines[k] = (float)sin(angle);
    }
    return plan;
}

void fft_plan_destroy(fft_plan *plan) {
    if (!plan) return;
    free(plan->reversed);
    free(plan->cosines);
    free(plan->sines);
    free(plan);
}

/* `direction` -1 for the forward transform, +1 for the inverse. */
static void transform(const fft_plan *plan, float *real, float *imaginary, float direction) {
    size_t length = plan->length;
    for (size_t index = 0; index < length; index++) {
        size_t other = plan->reversed[index];
        if (other > index) {
            float swap = real[index];
            real[index] = real[other];
            real[other] = swap;
            swap = imaginary[index];
            imaginary[index] = imaginary[other];
            imaginary[other] = swap;
        }
    }
    for (size_t half = 1; half < length; half *= 2) {
        size_t stride = length / (2 * half);
        for (size_t start = 0; start < length; start += 2 * half) {
            for (size_t k = 0; k < half; k++) {
                float wr = plan->cosines[k * stride];
                float wi = direction * plan->sines[k * stride];
                size_t top = start + k, bottom = top + half;
                float tr = wr * real[bottom] - wi * imaginary[bottom];
                float ti = wr * imaginary[bottom] + wi * real[bottom];
                real[bottom] = real[top] - tr;
                imaginary[bottom] = imaginary[top] - ti;
                real[top] += tr;
                imaginary[top] += ti;
            }
        }
    }
}

void fft_forward(const fft_plan *plan, float *real, float *imaginary) { transform(plan, real, imaginary, -1.0f); }

void fft_inverse(const fft_plan *plan, float *real, float *imaginary) {
    transform(plan, real, imaginary, 1.0f);
    float scale = 1.0f / (float)plan->length;
    for (size_t index = 0; index < plan->length; index++) {
        real[index] *= scale;
        imaginary[index] *= scale;
    }
}
