#include "hearth_voiceactivity.h"
int hearth_voiceactivity_placeholder(void) { return 0; }
