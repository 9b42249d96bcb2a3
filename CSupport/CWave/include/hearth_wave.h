/*
 * WAV (RIFF/WAVE) parsing and writing. The parser works on a file already in
 * memory, validates every header field before trusting it, and points into
 * the caller's bytes instead of copying them.
 */
#ifndef HEARTH_WAVE_H
#define HEARTH_WAVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hearth_wave_encoding {
    HEARTH_WAVE_ENCODING_PCM = 1,   /* signed integers; 8-bit is unsigned, as the format says */
    HEARTH_WAVE_ENCODING_FLOAT = 3, /* IEEE 754 binary32 */
} hearth_wave_encoding;

typedef enum hearth_wave_status {
    HEARTH_WAVE_OK = 0,
    HEARTH_WAVE_ERROR_NOT_RIFF = -1,
    HEARTH_WAVE_ERROR_NOT_WAVE = -2,
    HEARTH_WAVE_ERROR_TRUNCATED = -3,
    HEARTH_WAVE_ERROR_CHUNK_TRUNCATED = -4,
    HEARTH_WAVE_ERROR_NO_FORMAT = -5,
    HEARTH_WAVE_ERROR_DUPLICATE_FORMAT = -6,
    HEARTH_WAVE_ERROR_FORMAT_TOO_SHORT = -7,
    HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING = -8,
    HEARTH_WAVE_ERROR_ZERO_CHANNELS = -9,
    HEARTH_WAVE_ERROR_TOO_MANY_CHANNELS = -10,
    HEARTH_WAVE_ERROR_BAD_SAMPLE_RATE = -11,
    HEARTH_WAVE_ERROR_BAD_BITS = -12,
    HEARTH_WAVE_ERROR_BAD_BLOCK_ALIGN = -13,
    HEARTH_WAVE_ERROR_BAD_BYTE_RATE = -14,
    HEARTH_WAVE_ERROR_BAD_EXTENSIBLE = -15,
    HEARTH_WAVE_ERROR_NO_DATA = -16,
    HEARTH_WAVE_ERROR_DATA_BEFORE_FORMAT = -17,
    HEARTH_WAVE_ERROR_PARTIAL_FRAME = -18,
    HEARTH_WAVE_ERROR_INVALID_ARGUMENT = -19,
} hearth_wave_status;

/* Limits beyond which a header is taken as damaged rather than unusual. */
#define HEARTH_WAVE_MAX_CHANNELS 64
#define HEARTH_WAVE_MIN_SAMPLE_RATE 1000
#define HEARTH_WAVE_MAX_SAMPLE_RATE 768000

typedef struct hearth_wave_info {
    hearth_wave_encoding encoding;
    uint32_t sample_rate;
    uint16_t channels;
    uint16_t bits_per_sample;  /* container size: 8, 16, 24 or 32 */
    uint16_t valid_bits;       /* significant bits (WAVE_FORMAT_EXTENSIBLE), else bits_per_sample */
    uint16_t block_align;      /* bytes per frame (all channels) */
    uint32_t channel_mask;     /* speaker positions, 0 when not given */
    const uint8_t *data;       /* first sample, inside the caller's buffer */
    uint32_t data_bytes;
    uint32_t frame_count;
} hearth_wave_info;

/* Validates and describes a whole WAV file held in `bytes`. */
hearth_wave_status hearth_wave_parse(const uint8_t *bytes, size_t length, hearth_wave_info *info);

/* A sentence describing a status, for error messages; never NULL. */
const char *hearth_wave_status_message(hearth_wave_status status);

/* Decodes frames [first_frame, first_frame + count) of a parsed file into
 * mono floats in [-1, 1] (the mean of all channels). Returns frames written. */
uint32_t hearth_wave_decode_mono(const hearth_wave_info *info, uint32_t first_frame, uint32_t count, float *mono);

/* Size of a canonical header (RIFF, fmt of 16 bytes, data). */
#define HEARTH_WAVE_HEADER_BYTES 44

/* Writes a canonical 44-byte header for PCM 16/24/32-bit or float32 data of
 * `frame_count` frames. Returns HEARTH_WAVE_OK, or an error if the
 * combination is invalid or the data would not fit in a RIFF file. */
hearth_wave_status hearth_wave_write_header(uint8_t header[HEARTH_WAVE_HEADER_BYTES], hearth_wave_encoding encoding,
                                            uint32_t sample_rate, uint16_t channels, uint16_t bits_per_sample,
                                            uint32_t frame_count);

#ifdef __cplusplus
}
#endif

#endif
