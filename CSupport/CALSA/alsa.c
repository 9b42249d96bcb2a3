#include "hearth_alsa.h"
int hearth_alsa_placeholder(void) { return 0; }
