#ifndef HEARTH_WAVE_H
#define HEARTH_WAVE_H
/* placeholder until the C core lands */
int hearth_wave_placeholder(void);
#endif
