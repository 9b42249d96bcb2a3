/* Readable error messages: snd_strerror plus what we were doing, plus the
 * last message alsa-lib itself produced on this thread (it names the real
 * cause, e.g. "Unknown PCM foo", which the errno alone does not). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pcm_internal.h"

static __thread char last_library_message[160];
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;

/* alsa-lib prints to stderr by default; we keep the text for our error
 * message instead. The handler is process-wide, which is fine for a process
 * whose only ALSA user is this target. */
static void keep_library_message(const char *file, int line, const char *function, int err,
                                 const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err;
    va_list args;
    va_start(args, fmt);
    vsnprintf(last_library_message, sizeof last_library_message, fmt, args);
    va_end(args);
}

static void install_handler(void) { snd_lib_error_set_handler(keep_library_message); }

void hearth_pcm_install_error_handler(void) {
    pthread_once(&handler_once, install_handler);
    last_library_message[0] = '\0';
}

void hearth_pcm_format_error(char *error, size_t error_size, int err, const char *fmt, ...) {
    if (error == NULL || error_size == 0)
        return;
    char context[160];
    va_list args;
    va_start(args, fmt);
    vsnprintf(context, sizeof context, fmt, args);
    va_end(args);
    if (last_library_message[0] != '\0')
        snprintf(error, error_size, "%s: %s (alsa-lib: %s)", context, snd_strerror(err),
                 last_library_message);
    else
        snprintf(error, error_size, "%s: %s", context, snd_strerror(err));
    last_library_message[0] = '\0';
}

const char *hearth_pcm_direction_name(hearth_pcm_direction direction) {
    return direction == HEARTH_PCM_CAPTURE ? "capture" : "playback";
}
