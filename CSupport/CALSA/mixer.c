/* The speaker's mixer control through alsa-lib's simple mixer API. */
#include <alsa/asoundlib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hearth_mixer.h"
#include "pcm_internal.h"

struct hearth_mixer {
    snd_mixer_t *handle;
    snd_mixer_elem_t *element;
    long raw_min, raw_max;
    long db_min, db_max;
    int has_db;
    char control[64];
};

/* Names boards and codecs commonly give the speaker's volume. */
static const char *const usual_controls[] = {"Master", "PCM", "Speaker", "Headphone", "Digital"};

static snd_mixer_elem_t *find_control(snd_mixer_t *handle, const char *name) {
    snd_mixer_selem_id_t *id;
    snd_mixer_selem_id_alloca(&id);
    snd_mixer_selem_id_set_index(id, 0);
    snd_mixer_selem_id_set_name(id, name);
    snd_mixer_elem_t *element = snd_mixer_find_selem(handle, id);
    return element != NULL && snd_mixer_selem_has_playback_volume(element) ? element : NULL;
}

int hearth_mixer_open(hearth_mixer **out, const char *card, const char *control, char *error, size_t error_size) {
    *out = NULL;
    hearth_pcm_install_error_handler();
    snd_mixer_t *handle = NULL;
    int err = snd_mixer_open(&handle, 0);
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "cannot open a mixer");
        return err;
    }
    if ((err = snd_mixer_attach(handle, card)) < 0 || (err = snd_mixer_selem_register(handle, NULL, NULL)) < 0 ||
        (err = snd_mixer_load(handle)) < 0) {
        hearth_pcm_format_error(error, error_size, err, "cannot open the mixer of '%s'", card);
        snd_mixer_close(handle);
        return err;
    }
    snd_mixer_elem_t *element = NULL;
    const char *chosen = control;
    if (control != NULL && control[0] != '\0') {
        element = find_control(handle, control);
    } else {
        for (size_t i = 0; i < sizeof usual_controls / sizeof usual_controls[0] && element == NULL; i++) {
            chosen = usual_controls[i];
            element = find_control(handle, chosen);
        }
    }
    if (element == NULL) {
        hearth_pcm_install_error_handler();
        if (control != NULL && control[0] != '\0')
            hearth_pcm_format_error(error, error_size, -ENOENT, "'%s' has no playback volume control '%s'", card, control);
        else
            hearth_pcm_format_error(error, error_size, -ENOENT,
                                    "'%s' has none of the usual volume controls (Master, PCM, Speaker, Headphone, Digital)", card);
        snd_mixer_close(handle);
        return -ENOENT;
    }
    hearth_mixer *mixer = calloc(1, sizeof *mixer);
    if (mixer == NULL) {
        snd_mixer_close(handle);
        return -ENOMEM;
    }
    mixer->handle = handle;
    mixer->element = element;
    snprintf(mixer->control, sizeof mixer->control, "%s", chosen);
    snd_mixer_selem_get_playback_volume_range(element, &mixer->raw_min, &mixer->raw_max);
    mixer->has_db = snd_mixer_selem_get_playback_dB_range(element, &mixer->db_min, &mixer->db_max) == 0 &&
                    mixer->db_max > mixer->db_min;
    *out = mixer;
    return 0;
}

void hearth_mixer_close(hearth_mixer *mixer) {
    if (mixer == NULL)
        return;
    snd_mixer_close(mixer->handle);
    free(mixer);
}

const char *hearth_mixer_control(const hearth_mixer *mixer) { return mixer->control; }

int hearth_mixer_get_percent(hearth_mixer *mixer, int *percent, char *error, size_t error_size) {
    hearth_pcm_install_error_handler();
    /* Another program (alsamixer) may have changed it since. */
    snd_mixer_handle_events(mixer->handle);
    int loudest = 0;
    for (int channel = 0; channel <= SND_MIXER_SCHN_LAST; channel++) {
        if (!snd_mixer_selem_has_playback_channel(mixer->element, channel))
            continue;
        long value;
        int err = mixer->has_db ? snd_mixer_selem_get_playback_dB(mixer->element, channel, &value)
                                : snd_mixer_selem_get_playback_volume(mixer->element, channel, &value);
        if (err < 0) {
            hearth_pcm_format_error(error, error_size, err, "cannot read the volume of '%s'", mixer->control);
            return err;
        }
        int here = mixer->has_db ? hearth_mixer_percent_from_db(value, mixer->db_min, mixer->db_max)
                                 : hearth_mixer_percent_from_raw(value, mixer->raw_min, mixer->raw_max);
        if (here > loudest)
            loudest = here;
    }
    *percent = loudest;
    return 0;
}

int hearth_mixer_set_percent(hearth_mixer *mixer, int percent, char *error, size_t error_size) {
    hearth_pcm_install_error_handler();
    int err = mixer->has_db
                  ? snd_mixer_selem_set_playback_dB_all(
                        mixer->element, hearth_mixer_db_from_percent(percent, mixer->db_min, mixer->db_max), 1)
                  : snd_mixer_selem_set_playback_volume_all(
                        mixer->element, hearth_mixer_raw_from_percent(percent, mixer->raw_min, mixer->raw_max));
    if (err < 0) {
        hearth_pcm_format_error(error, error_size, err, "cannot set the volume of '%s'", mixer->control);
        return err;
    }
    return 0;
}
