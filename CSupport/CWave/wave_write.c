/* Canonical 44-byte WAV header for the files Hearth writes. */
#include "hearth_wave.h"

#include <string.h>

static void write_le16(uint8_t *p, uint16_t value) {
    p[0] = (uint8_t)value;
    p[1] = (uint8_t)(value >> 8);
}

static void write_le32(uint8_t *p, uint32_t value) {
    write_le16(p, (uint16_t)value);
    write_le16(p + 2, (uint16_t)(value >> 16));
}

hearth_wave_status hearth_wave_write_header(uint8_t header[HEARTH_WAVE_HEADER_BYTES], hearth_wave_encoding encoding,
                                            uint32_t sample_rate, uint16_t channels, uint16_t bits_per_sample,
                                            uint32_t frame_count) {
    if (header == NULL) {
        return HEARTH_WAVE_ERROR_INVALID_ARGUMENT;
    }
    if (channels == 0) {
        return HEARTH_WAVE_ERROR_ZERO_CHANNELS;
    }
    if (channels > HEARTH_WAVE_MAX_CHANNELS) {
        return HEARTH_WAVE_ERROR_TOO_MANY_CHANNELS;
    }
    if (sample_rate < HEARTH_WAVE_MIN_SAMPLE_RATE || sample_rate > HEARTH_WAVE_MAX_SAMPLE_RATE) {
        return HEARTH_WAVE_ERROR_BAD_SAMPLE_RATE;
    }
    if (encoding == HEARTH_WAVE_ENCODING_FLOAT ? bits_per_sample != 32
        : encoding == HEARTH_WAVE_ENCODING_PCM ? (bits_per_sample != 8 && bits_per_sample != 16 &&
                                                  bits_per_sample != 24 && bits_per_sample != 32)
                                                : 1) {
        return HEARTH_WAVE_ERROR_BAD_BITS;
    }
    uint32_t block_align = (uint32_t)channels * (bits_per_sample / 8);
    uint64_t data_bytes = (uint64_t)frame_count * block_align;
    /* The RIFF size field (36 + data, rounded up to even) must fit 32 bits. */
    if (data_bytes + 36 + (data_bytes & 1) > UINT32_MAX) {
        return HEARTH_WAVE_ERROR_INVALID_ARGUMENT;
    }
    memcpy(header, "RIFF", 4);
    write_le32(header + 4, (uint32_t)(36 + data_bytes + (data_bytes & 1)));
    memcpy(header + 8, "WAVE", 4);
    memcpy(header + 12, "fmt ", 4);
    write_le32(header + 16, 16);
    write_le16(header + 20, (uint16_t)encoding);
    write_le16(header + 22, channels);
    write_le32(header + 24, sample_rate);
    write_le32(header + 28, sample_rate * block_align);
    write_le16(header + 32, (uint16_t)block_align);
    write_le16(header + 34, bits_per_sample);
    memcpy(header + 36, "data", 4);
    write_le32(header + 40, (uint32_t)data_bytes);
    return HEARTH_WAVE_OK;
}
