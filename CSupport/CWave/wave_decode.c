/* Sample decoding: any supported encoding to mono float, channels averaged. */
#include "hearth_wave.h"

#include <string.h>

static float decode_sample(const hearth_wave_info *info, const uint8_t *p) {
    if (info->encoding == HEARTH_WAVE_ENCODING_FLOAT) {
        float value;
        memcpy(&value, p, sizeof(value)); /* little-endian hosts only, as all our targets are */
        if (value != value) {
            return 0.0f; /* NaN: silence rather than poison every sum after it */
        }
        return value > 1.0f ? 1.0f : value < -1.0f ? -1.0f : value;
    }
    switch (info->bits_per_sample) {
    case 8:
        return ((int)p[0] - 128) * (1.0f / 128.0f);
    case 16:
        return (int16_t)(p[0] | (p[1] << 8)) * (1.0f / 32768.0f);
    case 24: {
        int32_t value = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24) >> 8;
        return (float)value * (1.0f / 8388608.0f);
    }
    default: {
        int32_t value = (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
        return (float)((double)value * (1.0 / 2147483648.0));
    }
    }
}

uint32_t hearth_wave_decode_mono(const hearth_wave_info *info, uint32_t first_frame, uint32_t count, float *mono) {
    if (info == NULL || mono == NULL || info->data == NULL || first_frame >= info->frame_count) {
        return 0;
    }
    if (count > info->frame_count - first_frame) {
        count = info->frame_count - first_frame;
    }
    uint32_t bytes_per_sample = info->bits_per_sample / 8;
    float scale = 1.0f / (float)info->channels;
    const uint8_t *frame = info->data + (size_t)first_frame * info->block_align;
    for (uint32_t i = 0; i < count; i++, frame += info->block_align) {
        float sum = 0.0f;
        for (uint32_t c = 0; c < info->channels; c++) {
            sum += decode_sample(info, frame + c * bytes_per_sample);
        }
        mono[i] = sum * scale;
    }
    return count;
}
