/* Integer base-2 logarithm in Q8 (256 = one octave of energy = 3.01 dB). */
#ifndef HEARTH_VAD_FIXED_LOG2_H
#define HEARTH_VAD_FIXED_LOG2_H

#include <stdint.h>

/* log2(value) in Q8 for value >= 1; 0 for value 0. */
int32_t hearth_vad_log2_q8(uint64_t value);

#endif
