#ifndef HEARTH_ALSA_H
#define HEARTH_ALSA_H
/* placeholder until the C core lands */
int hearth_alsa_placeholder(void);
#endif
