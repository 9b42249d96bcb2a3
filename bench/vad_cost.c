/*
 * Cost of the detector per frame. usage: vad_cost FILE.raw RATE FRAME_MS REPEAT
 * Runs every frame of FILE (16-bit mono) through hearth_vad_process REPEAT
 * times and prints nanoseconds per frame. Under callgrind with
 * --toggle-collect=hearth_vad_process, the instruction count of the calls
 * alone can be read off and divided by the frames printed here.
 */
#include "hearth_voiceactivity.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: vad_cost FILE.raw RATE FRAME_MS REPEAT\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) {
        return 2;
    }
    fseek(file, 0, SEEK_END);
    long bytes = ftell(file);
    fseek(file, 0, SEEK_SET);
    int16_t *samples = malloc((size_t)bytes);
    size_t count = fread(samples, sizeof(int16_t), (size_t)bytes / 2, file);
    fclose(file);

    hearth_vad *vad = hearth_vad_create(atoi(argv[2]), atoi(argv[3]), 2);
    int repeat = atoi(argv[4]);
    size_t length = hearth_vad_frame_length(vad);
    size_t frames = count / length;
    long speech = 0;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int r = 0; r < repeat; r++) {
        for (size_t f = 0; f < frames; f++) {
            speech += hearth_vad_process(vad, samples + f * length, length);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ns = (double)(end.tv_sec - start.tv_sec) * 1e9 + (double)(end.tv_nsec - start.tv_nsec);
    printf("frames %zu speech %ld ns_per_frame %.1f\n", frames * (size_t)repeat, speech, ns / (double)(frames * (size_t)repeat));
    hearth_vad_destroy(vad);
    free(samples);
    return 0;
}
