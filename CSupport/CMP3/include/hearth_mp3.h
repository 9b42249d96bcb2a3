/*
 * MP3 decoding for audio uploads (POST /synapses/start/audio): a whole file
 * in memory to 16-bit mono samples, through libmpg123's feed reader.
 */
#ifndef HEARTH_MP3_H
#define HEARTH_MP3_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decodes `size` bytes into a malloc'ed buffer of mono samples (channels
 * mixed) at the file's rate. Returns 0, or -1 when the bytes hold no MP3
 * audio, -2 when libmpg123 cannot start, -3 out of memory. */
int hearth_mp3_decode(const uint8_t *bytes, size_t size, int16_t **samples, size_t *count, long *rate);

#ifdef __cplusplus
}
#endif

#endif
