#include "hearth_gpio.h"
int hearth_gpio_placeholder(void) { return 0; }
