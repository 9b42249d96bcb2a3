#include "hearth_synthesis.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sample_rate = -1;

/* Where the callback appends samples during one synchronous espeak_Synth. */
typedef struct collected {
    int16_t *samples;
    size_t count;
    size_t capacity;
    int failed;
} collected;

static int collect(short *samples, int count, espeak_EVENT *events) {
    collected *into = events ? events->user_data : NULL;
    if (!into || count <= 0) return 0;
    if (into->count + (size_t)count > into->capacity) {
        size_t capacity = into->capacity ? into->capacity : 16384;
        while (capacity < into->count + (size_t)count) capacity *= 2;
        int16_t *grown = realloc(into->samples, capacity * sizeof *grown);
        if (!grown) {
            into->failed = 1;
            return 1; /* stops synthesis */
        }
        into->samples = grown;
        into->capacity = capacity;
    }
    memcpy(into->samples + into->count, samples, (size_t)count * sizeof *samples);
    into->count += (size_t)count;
    return 0;
}

int hearth_synthesis_initialize(void) {
    if (sample_rate > 0) return sample_rate;
    /* 100 ms buffers: the callback sees audio in small pieces. */
    sample_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL, 0);
    if (sample_rate > 0) espeak_SetSynthCallback(collect);
    return sample_rate;
}

static int select_voice(const char *name) {
    if (hearth_synthesis_initialize() <= 0) return -2;
    return espeak_SetVoiceByName(name) == EE_OK ? 0 : -1;
}

int hearth_synthesis_speak(const hearth_synthesis_voice *voice, const char *text, int16_t **samples, size_t *count) {
    *samples = NULL;
    *count = 0;
    int status = select_voice(voice->name);
    if (status != 0) return status;
    espeak_SetParameter(espeakRATE, voice->rate, 0);
    espeak_SetParameter(espeakPITCH, voice->pitch, 0);
    espeak_SetParameter(espeakVOLUME, voice->volume, 0);
    collected into = {0};
    espeak_ERROR result = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &into);
    if (result != EE_OK || into.failed) {
        free(into.samples);
        return into.failed ? -3 : -2;
    }
    *samples = into.samples;
    *count = into.count;
    return 0;
}

int hearth_synthesis_phonemes(const char *voice, const char *text, char *phonemes, size_t size) {
    if (size == 0) return -2;
    phonemes[0] = 0;
    int status = select_voice(voice);
    if (status != 0) return status;
    size_t used = 0;
    const void *cursor = text;
    /* Phoneme names separated by spaces (bits 8-23); words by the engine's
     * own space, which becomes a space pair we turn into " | ". The call
     * returns one clause at a time. */
    while (cursor) {
        const char *clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, ' ' << 8);
        if (!clause) break;
        int written = snprintf(phonemes + used, size - used, "%s%s", used ? " | " : "", clause);
        if (written < 0 || (size_t)written >= size - used) break;
        used += (size_t)written;
    }
    return 0;
}

int hearth_synthesis_languages(char *names, size_t size) {
    if (size == 0) return -2;
    names[0] = 0;
    /* Listing voices reads only the voice files: the data folder is all it
     * needs. espeak_Initialize would also load ~0.8 MB of phoneme tables and
     * a dictionary, which a daemon that never speaks has no use for. */
    if (sample_rate <= 0) espeak_ng_InitializePath(NULL);
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    size_t used = 0;
    for (; voices && *voices; voices++) {
        /* `languages` is a list of (priority byte, name, NUL), ending with a 0 byte. */
        const char *entry = (*voices)->languages;
        while (entry && entry[0] != 0) {
            const char *name = entry + 1;
            size_t length = strlen(name);
            if (used + length + 2 > size) return -3;
            memcpy(names + used, name, length);
            used += length;
            names[used++] = '\n';
            names[used] = 0;
            entry = name + length + 1;
        }
    }
    return 0;
}
