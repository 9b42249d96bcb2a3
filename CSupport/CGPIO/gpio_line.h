/* Private to CGPIO: a requested line. */
#ifndef HEARTH_GPIO_LINE_H
#define HEARTH_GPIO_LINE_H

#include <gpiod.h>

#include "hearth_gpio.h"

struct hearth_gpio_line {
    struct gpiod_line *line;
};

#endif
