/*
 * Band-limited resampling: each output sample is the input convolved with a
 * low-pass sinc centred on the output's exact position in input time, the
 * sinc tapered by a Kaiser window to HALF_ZEROS zero crossings each side.
 * Positions are kept as an exact fraction (index * from / to) so long files
 * do not drift. The kernel is tabulated once per call at KERNEL_STEPS points
 * per zero crossing and linearly interpolated, which keeps error near
 * -90 dB while avoiding a Bessel evaluation per tap.
 */
#include "hearth_resample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HALF_ZEROS 16
#define KERNEL_STEPS 256
#define KAISER_BETA 8.0
/* Pass band edge as a fraction of the lower Nyquist frequency. */
#define ROLLOFF 0.92

static double bessel_i0(double x) {
    double sum = 1.0, term = 1.0;
    for (int k = 1; k < 40; k++) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
        if (term < sum * 1e-12) {
            break;
        }
    }
    return sum;
}

/* kernel[i] = sinc(u) * kaiser(u / HALF_ZEROS) at u = i / KERNEL_STEPS. */
static void fill_kernel(float *kernel) {
    double denominator = bessel_i0(KAISER_BETA);
    for (int i = 0; i <= HALF_ZEROS * KERNEL_STEPS; i++) {
        double u = (double)i / KERNEL_STEPS;
        double sinc = i == 0 ? 1.0 : sin(M_PI * u) / (M_PI * u);
        double r = u / HALF_ZEROS;
        double window = bessel_i0(KAISER_BETA * sqrt(r < 1.0 ? 1.0 - r * r : 0.0)) / denominator;
        kernel[i] = (float)(sinc * window);
    }
    kernel[HALF_ZEROS * KERNEL_STEPS + 1] = 0.0f; /* guard for interpolation */
}

static uint32_t gcd(uint32_t a, uint32_t b) {
    while (b != 0) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

size_t hearth_resample_output_length(size_t input_length, uint32_t from_rate, uint32_t to_rate) {
    if (from_rate == 0 || to_rate == 0) {
        return 0;
    }
    return (size_t)(((uint64_t)input_length * to_rate + from_rate - 1) / from_rate);
}

size_t hearth_resample(const float *input, size_t input_length, uint32_t from_rate, float *output, uint32_t to_rate) {
    if (from_rate == 0 || to_rate == 0) {
        return 0;
    }
    size_t output_length = hearth_resample_output_length(input_length, from_rate, to_rate);
    if (from_rate == to_rate) {
        memcpy(output, input, input_length * sizeof(float));
        return input_length;
    }
    float kernel[HALF_ZEROS * KERNEL_STEPS + 2];
    fill_kernel(kernel);

    /* Position of output n in input samples: n * step_num / step_den. */
    uint32_t divisor = gcd(from_rate, to_rate);
    uint64_t step_numerator = from_rate / divisor;
    uint64_t step_denominator = to_rate / divisor;
    /* Cut-off in cycles per input sample, and the kernel's scale for it. */
    double cutoff = 0.5 * ROLLOFF * (to_rate < from_rate ? (double)to_rate / from_rate : 1.0);
    double kernel_per_input = 2.0 * cutoff;        /* zero crossings per input sample */
    double half_width = HALF_ZEROS / kernel_per_input; /* in input samples */
    float gain = (float)(2.0 * cutoff);

    for (size_t n = 0; n < output_length; n++) {
        /* Fits 64 bits: n < 2^32 * 768 and step_numerator <= 768000. */
        uint64_t position = (uint64_t)n * step_numerator;
        int64_t whole = (int64_t)(position / step_denominator);
        double fraction = (double)(uint64_t)(position % step_denominator) / (double)step_denominator;
        double centre = (double)whole + fraction;
        int64_t first = (int64_t)ceil(centre - half_width);
        int64_t last = (int64_t)floor(centre + half_width);
        if (first < 0) {
            first = 0;
        }
        if (last >= (int64_t)input_length) {
            last = (int64_t)input_length - 1;
        }
        float sum = 0.0f;
        for (int64_t k = first; k <= last; k++) {
            double u = fabs((double)k - centre) * kernel_per_input * KERNEL_STEPS;
            int index = (int)u;
            if (index >= HALF_ZEROS * KERNEL_STEPS) {
                continue;
            }
            float t = (float)(u - index);
            float h = kernel[index] + (kernel[index + 1] - kernel[index]) * t;
            sum += input[k] * h;
        }
        output[n] = sum * gain;
    }
    return output_length;
}

void hearth_float_to_int16(const float *input, size_t length, int16_t *output) {
    for (size_t i = 0; i < length; i++) {
        float scaled = input[i] * 32768.0f;
        if (!(scaled > -32768.0f)) { /* also catches NaN */
            output[i] = scaled != scaled ? 0 : INT16_MIN;
        } else if (scaled >= 32767.0f) {
            output[i] = INT16_MAX;
        } else {
            output[i] = (int16_t)lrintf(scaled);
        }
    }
}
