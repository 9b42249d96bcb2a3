#include "hearth_wave.h"
int hearth_wave_placeholder(void) { return 0; }
