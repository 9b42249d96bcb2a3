/*
 * RIFF/WAVE parsing. Every length read from the file is checked against the
 * bytes that are actually there before it is used, in 64-bit arithmetic so
 * that sizes near 4 GiB cannot wrap. Chunks other than fmt and data are
 * skipped; a chunk of odd size is followed by one pad byte.
 */
#include "hearth_wave.h"

#include <string.h>

static uint16_t read_le16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t read_le32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* The last 14 bytes shared by the KSDATAFORMAT_SUBTYPE GUIDs for PCM and
 * IEEE float; the first two bytes carry the classic format tag. */
static const uint8_t subformat_guid_tail[14] = {
    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
};

#define FORMAT_TAG_PCM 0x0001
#define FORMAT_TAG_FLOAT 0x0003
#define FORMAT_TAG_EXTENSIBLE 0xFFFE

static hearth_wave_status parse_format(const uint8_t *body, uint32_t size, hearth_wave_info *info) {
    if (size < 16) {
        return HEARTH_WAVE_ERROR_FORMAT_TOO_SHORT;
    }
    uint16_t tag = read_le16(body);
    uint16_t channels = read_le16(body + 2);
    uint32_t sample_rate = read_le32(body + 4);
    uint32_t byte_rate = read_le32(body + 8);
    uint16_t block_align = read_le16(body + 12);
    uint16_t bits = read_le16(body + 14);
    uint16_t valid_bits = bits;
    uint32_t channel_mask = 0;

    if (tag == FORMAT_TAG_EXTENSIBLE) {
        /* cbSize (2), valid bits (2), channel mask (4), sub-format GUID (16). */
        if (size < 40 || read_le16(body + 16) < 22) {
            return HEARTH_WAVE_ERROR_BAD_EXTENSIBLE;
        }
        valid_bits = read_le16(body + 18);
        channel_mask = read_le32(body + 20);
        if (memcmp(body + 26, subformat_guid_tail, sizeof(subformat_guid_tail)) != 0) {
            return HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING;
        }
        tag = read_le16(body + 24);
        if (valid_bits == 0 || valid_bits > bits) {
            return HEARTH_WAVE_ERROR_BAD_EXTENSIBLE;
        }
    }
    if (tag == FORMAT_TAG_PCM) {
        info->encoding = HEARTH_WAVE_ENCODING_PCM;
        if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            return HEARTH_WAVE_ERROR_BAD_BITS;
        }
    } else if (tag == FORMAT_TAG_FLOAT) {
        info->encoding = HEARTH_WAVE_ENCODING_FLOAT;
        if (bits != 32 || valid_bits != 32) {
            return HEARTH_WAVE_ERROR_BAD_BITS;
        }
    } else {
        return HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING;
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
    if ((uint32_t)block_align != (uint32_t)channels * (bits / 8)) {
        return HEARTH_WAVE_ERROR_BAD_BLOCK_ALIGN;
    }
    if ((uint64_t)byte_rate != (uint64_t)sample_rate * block_align) {
        return HEARTH_WAVE_ERROR_BAD_BYTE_RATE;
    }
    info->sample_rate = sample_rate;
    info->channels = channels;
    info->bits_per_sample = bits;
    info->valid_bits = valid_bits;
    info->block_align = block_align;
    info->channel_mask = channel_mask;
    return HEARTH_WAVE_OK;
}

hearth_wave_status hearth_wave_parse(const uint8_t *bytes, size_t length, hearth_wave_info *info) {
    if (bytes == NULL || info == NULL) {
        return HEARTH_WAVE_ERROR_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof(*info));
    if (length < 12 || memcmp(bytes, "RIFF", 4) != 0) {
        return HEARTH_WAVE_ERROR_NOT_RIFF;
    }
    if (memcmp(bytes + 8, "WAVE", 4) != 0) {
        return HEARTH_WAVE_ERROR_NOT_WAVE;
    }
    uint64_t riff_end = 8 + (uint64_t)read_le32(bytes + 4);
    if (riff_end > length) {
        return HEARTH_WAVE_ERROR_TRUNCATED;
    }

    int have_format = 0;
    uint64_t offset = 12;
    /* Bytes after the RIFF chunk, if any, are not part of the file. */
    while (offset + 8 <= riff_end) {
        const uint8_t *header = bytes + offset;
        uint32_t size = read_le32(header + 4);
        uint64_t body = offset + 8;
        if (body + size > riff_end) {
            return HEARTH_WAVE_ERROR_CHUNK_TRUNCATED;
        }
        if (memcmp(header, "fmt ", 4) == 0) {
            if (have_format) {
                return HEARTH_WAVE_ERROR_DUPLICATE_FORMAT;
            }
            hearth_wave_status status = parse_format(bytes + body, size, info);
            if (status != HEARTH_WAVE_OK) {
                return status;
            }
            have_format = 1;
        } else if (memcmp(header, "data", 4) == 0) {
            if (!have_format) {
                return HEARTH_WAVE_ERROR_DATA_BEFORE_FORMAT;
            }
            if (size % info->block_align != 0) {
                return HEARTH_WAVE_ERROR_PARTIAL_FRAME;
            }
            info->data = bytes + body;
            info->data_bytes = size;
            info->frame_count = size / info->block_align;
            return HEARTH_WAVE_OK;
        }
        /* Unknown chunks (LIST, fact, cue, ...) are skipped, pad included. */
        offset = body + size + (size & 1);
    }
    return have_format ? HEARTH_WAVE_ERROR_NO_DATA : HEARTH_WAVE_ERROR_NO_FORMAT;
}

const char *hearth_wave_status_message(hearth_wave_status status) {
    switch (status) {
    case HEARTH_WAVE_OK: return "ok";
    case HEARTH_WAVE_ERROR_NOT_RIFF: return "not a RIFF file";
    case HEARTH_WAVE_ERROR_NOT_WAVE: return "RIFF file is not WAVE";
    case HEARTH_WAVE_ERROR_TRUNCATED: return "file is shorter than its RIFF header says (truncated)";
    case HEARTH_WAVE_ERROR_CHUNK_TRUNCATED: return "a chunk runs past the end of the file (truncated or corrupt size)";
    case HEARTH_WAVE_ERROR_NO_FORMAT: return "no fmt chunk";
    case HEARTH_WAVE_ERROR_DUPLICATE_FORMAT: return "more than one fmt chunk";
    case HEARTH_WAVE_ERROR_FORMAT_TOO_SHORT: return "fmt chunk is shorter than 16 bytes";
    case HEARTH_WAVE_ERROR_UNSUPPORTED_ENCODING: return "unsupported encoding: only integer PCM and 32-bit float are read";
    case HEARTH_WAVE_ERROR_ZERO_CHANNELS: return "zero channels";
    case HEARTH_WAVE_ERROR_TOO_MANY_CHANNELS: return "more than 64 channels";
    case HEARTH_WAVE_ERROR_BAD_SAMPLE_RATE: return "sample rate outside 1000-768000 Hz";
    case HEARTH_WAVE_ERROR_BAD_BITS: return "unsupported sample size: PCM must be 8, 16, 24 or 32 bits, float 32 bits";
    case HEARTH_WAVE_ERROR_BAD_BLOCK_ALIGN: return "block align is not channels x bytes per sample";
    case HEARTH_WAVE_ERROR_BAD_BYTE_RATE: return "byte rate is not sample rate x block align";
    case HEARTH_WAVE_ERROR_BAD_EXTENSIBLE: return "malformed WAVE_FORMAT_EXTENSIBLE fields";
    case HEARTH_WAVE_ERROR_NO_DATA: return "no data chunk";
    case HEARTH_WAVE_ERROR_DATA_BEFORE_FORMAT: return "data chunk comes before the fmt chunk";
    case HEARTH_WAVE_ERROR_PARTIAL_FRAME: return "data size is not a whole number of frames";
    case HEARTH_WAVE_ERROR_INVALID_ARGUMENT: return "invalid argument";
    }
    return "unknown WAV error";
}
