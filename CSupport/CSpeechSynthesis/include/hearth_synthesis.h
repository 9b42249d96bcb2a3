/*
 * Text to speech over espeak-ng, synchronously: the text's samples are
 * collected into a buffer the caller frees. espeak-ng keeps one global
 * engine per process, so callers serialise every call here.
 */
#ifndef HEARTH_SYNTHESIS_H
#define HEARTH_SYNTHESIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_synthesis_voice {
    const char *name; /* an espeak-ng voice, e.g. "en-us" */
    int rate;         /* words per minute, 80-450 */
    int pitch;        /* 0-100 */
    int volume;       /* 0-200, 100 is normal */
} hearth_synthesis_voice;

/* Loads the engine once; returns its sample rate, or a negative value. */
int hearth_synthesis_initialize(void);

/* Synthesises `text` (UTF-8) as 16-bit mono samples at the engine's rate
 * into a malloc'ed buffer (*samples, *count). Returns 0, or -1 when the
 * voice is unknown, -2 when synthesis fails, -3 out of memory. */
int hearth_synthesis_speak(const hearth_synthesis_voice *voice, const char *text, int16_t **samples, size_t *count);

/* espeak-ng's phonemes for `text` in its ASCII names, one space between
 * phonemes and " | " between words, into `phonemes`. Returns 0, or -1 when
 * the voice is unknown. */
int hearth_synthesis_phonemes(const char *voice, const char *text, char *phonemes, size_t size);

/* Every language tag the installed espeak-ng voices speak ("en-us", "fr"...),
 * one per line, into `names` (empty when espeak-ng's data is missing).
 * Returns 0, -2 when `size` is 0, -3 when it is too small. Reads the voice
 * files only: the engine is not started. */
int hearth_synthesis_languages(char *names, size_t size);

#ifdef __cplusplus
}
#endif

#endif
