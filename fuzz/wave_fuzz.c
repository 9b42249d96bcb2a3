/*
 * libFuzzer target for the WAV parser, the sample decoder and the resampler
 * behind uploads: any bytes must either be rejected with a status or be
 * decoded without reading outside the input (AddressSanitizer watches).
 */
#include "hearth_resample.h"
#include "hearth_wave.h"

#include <stdlib.h>
#include <string.h>

/* Decode at most this many frames per input, to keep each run fast. */
#define MAX_FRAMES 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    hearth_wave_info info;
    hearth_wave_status status = hearth_wave_parse(data, size, &info);
    if (hearth_wave_status_message(status) == NULL) {
        abort();
    }
    if (status != HEARTH_WAVE_OK) {
        return 0;
    }
    /* Whatever was accepted must lie inside the input. */
    if (info.data < data || info.data + info.data_bytes > data + size ||
        (uint64_t)info.frame_count * info.block_align != info.data_bytes) {
        abort();
    }
    uint32_t frames = info.frame_count < MAX_FRAMES ? info.frame_count : MAX_FRAMES;
    float *mono = malloc((frames + 1) * sizeof(float));
    uint32_t decoded = hearth_wave_decode_mono(&info, 0, frames, mono);
    if (decoded != frames) {
        abort();
    }
    size_t out_length = hearth_resample_output_length(decoded, info.sample_rate, 16000);
    float *resampled = malloc((out_length + 1) * sizeof(float));
    int16_t *pcm = malloc((out_length + 1) * sizeof(int16_t));
    size_t produced = hearth_resample(mono, decoded, info.sample_rate, resampled, 16000);
    if (produced != out_length) {
        abort();
    }
    hearth_float_to_int16(resampled, produced, pcm);

    /* A header written from the parsed format must parse back the same. */
    uint8_t header[HEARTH_WAVE_HEADER_BYTES];
    if (hearth_wave_write_header(header, info.encoding, info.sample_rate, info.channels, info.bits_per_sample, 0) !=
        HEARTH_WAVE_OK) {
        abort();
    }
    hearth_wave_info again;
    if (hearth_wave_parse(header, sizeof(header), &again) != HEARTH_WAVE_OK || again.channels != info.channels ||
        again.sample_rate != info.sample_rate || again.frame_count != 0) {
        abort();
    }
    free(mono);
    free(resampled);
    free(pcm);
    return 0;
}
