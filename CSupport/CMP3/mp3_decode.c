#include "hearth_mp3.h"

#include <mpg123.h>
#include <stdlib.h>
#include <string.h>

/* Appends decoded bytes to the growing sample buffer. */
static int append(int16_t **samples, size_t *count, size_t *capacity, const unsigned char *bytes, size_t size) {
    size_t added = size / sizeof(int16_t);
    if (*count + added > *capacity) {
        size_t grown = *capacity ? *capacity : 65536;
        while (grown < *count + added) grown *= 2;
        int16_t *buffer = realloc(*samples, grown * sizeof *buffer);
        if (!buffer) return -3;
        *samples = buffer;
        *capacity = grown;
    }
    memcpy(*samples + *count, bytes, added * sizeof(int16_t));
    *count += added;
    return 0;
}

int hearth_mp3_decode(const uint8_t *bytes, size_t size, int16_t **samples, size_t *count, long *rate) {
    *samples = NULL;
    *count = 0;
    *rate = 0;
    /* A no-op since libmpg123 1.27; needed before it. */
    if (mpg123_init() != MPG123_OK) return -2;
    mpg123_handle *handle = mpg123_new(NULL, NULL);
    if (!handle) return -2;
    /* Mono, 16-bit, whatever the rate: every rate is allowed, only the
     * encoding and channel count are fixed. */
    mpg123_param(handle, MPG123_FLAGS, MPG123_MONO_MIX | MPG123_QUIET, 0);
    mpg123_format_none(handle);
    const long *rates = NULL;
    size_t rate_count = 0;
    mpg123_rates(&rates, &rate_count);
    for (size_t index = 0; index < rate_count; index++)
        mpg123_format(handle, rates[index], MPG123_MONO, MPG123_ENC_SIGNED_16);

    int status = -1;
    size_t capacity = 0;
    if (mpg123_open_feed(handle) == MPG123_OK && mpg123_feed(handle, bytes, size) == MPG123_OK) {
        unsigned char chunk[16384];
        for (;;) {
            size_t done = 0;
            int result = mpg123_read(handle, chunk, sizeof chunk, &done);
            if (done > 0 && append(samples, count, &capacity, chunk, done) != 0) {
                status = -3;
                break;
            }
            if (result == MPG123_NEW_FORMAT) {
                int channels = 0, encoding = 0;
                mpg123_getformat(handle, rate, &channels, &encoding);
                continue;
            }
            if (result == MPG123_OK) continue;
            /* NEED_MORE: everything fed is decoded; DONE or an error: stop. */
            status = *count > 0 && *rate > 0 ? 0 : -1;
            break;
        }
    }
    mpg123_delete(handle);
    if (status != 0) {
        free(*samples);
        *samples = NULL;
        *count = 0;
    }
    return status;
}
