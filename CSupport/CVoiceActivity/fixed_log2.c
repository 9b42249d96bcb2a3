/*
 * log2 in Q8 from the position of the top bit plus a 16-entry table that
 * corrects the straight-line mantissa: log2(1 + f) ~ f + correction(f). The
 * worst error is under 1/256 octave (0.02 dB), far below what the detector
 * can tell apart, and it costs a count-leading-zeros and two shifts.
 */
#include "fixed_log2.h"

/* round(256 * (log2(1 + i/16) - i/16)) for i = 0..16: the bulge of the
 * log curve above its chord, in Q8. */
static const uint8_t log2_bulge_q8[17] = {
    0, 6, 12, 15, 18, 20, 22, 22, 22, 21, 19, 17, 15, 12, 8, 4, 0,
};

int32_t hearth_vad_log2_q8(uint64_t value) {
    if (value == 0) {
        return 0;
    }
    int top_bit = 63 - __builtin_clzll(value);
    /* Mantissa below the top bit, normalised to Q12 (0..4095). */
    uint32_t fraction_q12 = top_bit >= 12 ? (uint32_t)(value >> (top_bit - 12)) & 0xFFF
                                          : (uint32_t)(value << (12 - top_bit)) & 0xFFF;
    uint32_t index = fraction_q12 >> 8;      /* which sixteenth */
    uint32_t within_q8 = fraction_q12 & 0xFF; /* position inside it */
    int32_t bulge = log2_bulge_q8[index] +
                    (((int32_t)log2_bulge_q8[index + 1] - log2_bulge_q8[index]) * (int32_t)within_q8 >> 8);
    return (int32_t)top_bit * 256 + (int32_t)(fraction_q12 >> 4) + bulge;
}
