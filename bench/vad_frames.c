/*
 * Bench driver: runs the detector over raw 16-bit mono PCM and prints one
 * '0' or '1' per frame. usage: vad_frames FILE.raw RATE FRAME_MS MODE
 */
#include "hearth_voiceactivity.h"

#include <stdio.h>
#include <stdlib.h>

#ifdef HEARTH_VAD_TUNING
void hearth_vad_tuning_load(void);
#endif

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: vad_frames FILE.raw RATE FRAME_MS MODE\n");
        return 2;
    }
#ifdef HEARTH_VAD_TUNING
    hearth_vad_tuning_load();
#endif
    FILE *input = fopen(argv[1], "rb");
    hearth_vad *vad = hearth_vad_create(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
    if (input == NULL || vad == NULL) {
        fprintf(stderr, "vad_frames: cannot open %s or bad configuration\n", argv[1]);
        return 2;
    }
    size_t length = hearth_vad_frame_length(vad);
    int16_t frame[1440];
    while (fread(frame, sizeof(int16_t), length, input) == length) {
        putchar('0' + hearth_vad_process(vad, frame, length));
    }
    putchar('\n');
    hearth_vad_destroy(vad);
    fclose(input);
    return 0;
}
