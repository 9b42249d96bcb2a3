#ifndef HEARTH_VOICEACTIVITY_H
#define HEARTH_VOICEACTIVITY_H
/* placeholder until the C core lands */
int hearth_voiceactivity_placeholder(void);
#endif
