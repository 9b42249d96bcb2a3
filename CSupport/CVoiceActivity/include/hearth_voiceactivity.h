/*
 * Voice-activity detector: fixed-point, deterministic, no allocation after
 * create. Frames of 10, 20 or 30 ms of 16-bit mono PCM at 8, 16, 32 or 48 kHz.
 */
#ifndef HEARTH_VOICEACTIVITY_H
#define HEARTH_VOICEACTIVITY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_vad hearth_vad;

/* Aggressiveness: 0 keeps the most speech (fewest missed words), 3 rejects
 * the most non-speech (fewest false triggers). */
enum { HEARTH_VAD_MODE_MIN = 0, HEARTH_VAD_MODE_MAX = 3 };

/* NULL if the rate, frame length or mode is not supported, or on ENOMEM. */
hearth_vad *hearth_vad_create(int sample_rate, int frame_ms, int mode);
void hearth_vad_destroy(hearth_vad *vad);

/* Samples per frame for the configured rate and frame length. */
size_t hearth_vad_frame_length(const hearth_vad *vad);

/* Changes aggressiveness without forgetting the learnt noise; -1 if out of range. */
int hearth_vad_set_mode(hearth_vad *vad, int mode);

/* Forgets everything learnt, as if just created. */
void hearth_vad_reset(hearth_vad *vad);

/* One frame of exactly hearth_vad_frame_length() samples: 1 speech,
 * 0 non-speech, -1 if the length is wrong. */
int hearth_vad_process(hearth_vad *vad, const int16_t *frame, size_t length);

#ifdef __cplusplus
}
#endif

#endif
