/*
 * espeak-ng's own audio output, left out.
 *
 * libespeak-ng calls libpcaudio (these eight functions) only when it is
 * initialised to play sound itself (AUDIO_OUTPUT_PLAYBACK and friends).
 * Hearth initialises it with AUDIO_OUTPUT_SYNCHRONOUS and plays the samples
 * through its own ALSA ring, so these calls never happen. Defining them
 * here, as espeak-ng built without pcaudiolib does, lets the static archive
 * link without libpcaudio, which would load PulseAudio and ~25 libraries
 * behind it into every daemon.
 *
 * Should playback mode ever be asked for, it fails cleanly:
 * create_audio_device_object() has no device to give, and espeak-ng then
 * reports ENS_AUDIO_ERROR.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

struct audio_object;

/* The signatures are pcaudiolib's (pcaudiolib/audio.h). The format is an
 * enum there; an int has the same size and passing convention. */
struct audio_object *create_audio_device_object(const char *device, const char *application_name,
                                                const char *description);
int audio_object_open(struct audio_object *object, int format, uint32_t rate, uint8_t channels);
void audio_object_close(struct audio_object *object);
void audio_object_destroy(struct audio_object *object);
int audio_object_write(struct audio_object *object, const void *data, size_t bytes);
int audio_object_drain(struct audio_object *object);
int audio_object_flush(struct audio_object *object);
const char *audio_object_strerror(struct audio_object *object, int error);

struct audio_object *create_audio_device_object(const char *device, const char *application_name,
                                                const char *description) {
    (void)device;
    (void)application_name;
    (void)description;
    return NULL;
}

int audio_object_open(struct audio_object *object, int format, uint32_t rate, uint8_t channels) {
    (void)object;
    (void)format;
    (void)rate;
    (void)channels;
    return ENODEV; /* pcaudiolib answers with errno values */
}

void audio_object_close(struct audio_object *object) { (void)object; }

void audio_object_destroy(struct audio_object *object) { (void)object; }

int audio_object_write(struct audio_object *object, const void *data, size_t bytes) {
    (void)object;
    (void)data;
    (void)bytes;
    return ENODEV;
}

int audio_object_drain(struct audio_object *object) {
    (void)object;
    return ENODEV;
}

int audio_object_flush(struct audio_object *object) {
    (void)object;
    return ENODEV;
}

const char *audio_object_strerror(struct audio_object *object, int error) {
    (void)object;
    (void)error;
    return "espeak-ng has no audio output in Hearth; Hearth plays speech itself";
}
