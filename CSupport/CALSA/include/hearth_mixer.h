/*
 * The ALSA mixer control that sets the speaker's loudness, as a 0-100
 * volume a person would expect: where the control reports a dB range, the
 * percentage follows loudness (a cube-root-like curve over the dB range),
 * otherwise it is linear over the raw steps.
 *
 * Threads: one handle from one thread at a time.
 */
#ifndef HEARTH_MIXER_H
#define HEARTH_MIXER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_mixer hearth_mixer;

/* Opens the simple mixer control `control` of `card` (a ctl name such as
 * "default" or "hw:0"). With control NULL or "", takes the first of Master,
 * PCM, Speaker, Headphone, Digital that has a playback volume. On failure
 * returns a negative errno, leaves *mixer NULL and writes a message. */
int hearth_mixer_open(hearth_mixer **mixer, const char *card, const char *control,
                      char *error, size_t error_size);
void hearth_mixer_close(hearth_mixer *mixer);

/* The control's name (what was chosen when none was asked for). */
const char *hearth_mixer_control(const hearth_mixer *mixer);

/* Reads the volume (the loudest channel), 0-100. */
int hearth_mixer_get_percent(hearth_mixer *mixer, int *percent, char *error, size_t error_size);
/* Sets every playback channel; percent is clamped to 0-100. */
int hearth_mixer_set_percent(hearth_mixer *mixer, int percent, char *error, size_t error_size);

/* The scales themselves, pure functions (exported for tests). dB values are
 * in ALSA's unit, hundredths of a dB. */
long hearth_mixer_raw_from_percent(int percent, long raw_min, long raw_max);
int hearth_mixer_percent_from_raw(long raw, long raw_min, long raw_max);
long hearth_mixer_db_from_percent(int percent, long db_min, long db_max);
int hearth_mixer_percent_from_db(long db, long db_min, long db_max);

#ifdef __cplusplus
}
#endif

#endif
