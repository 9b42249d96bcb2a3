#ifndef HEARTH_GPIO_H
#define HEARTH_GPIO_H
/* placeholder until the C core lands */
int hearth_gpio_placeholder(void);
#endif
