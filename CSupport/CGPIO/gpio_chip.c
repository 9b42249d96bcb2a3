/* Opening chips and requesting lines. Errors name the chip, the line and
 * the consumer already holding it, which is what one needs on a board. */
#include <dirent.h>
#include <errno.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpio_line.h"

static int any_chip_present(void) {
    DIR *dev = opendir("/dev");
    if (dev == NULL)
        return 0;
    int found = 0;
    struct dirent *entry;
    while (!found && (entry = readdir(dev)) != NULL)
        found = strncmp(entry->d_name, "gpiochip", 8) == 0;
    closedir(dev);
    return found;
}

int hearth_gpio_chip_open(const char *descriptor, hearth_gpio_chip **chip, char *error,
                          size_t error_size) {
    *chip = NULL;
    struct gpiod_chip *opened = gpiod_chip_open_lookup(descriptor);
    if (opened == NULL) {
        int err = errno ? errno : ENOENT;
        snprintf(error, error_size, "GPIO chip '%s': %s%s", descriptor, strerror(err),
                 any_chip_present() ? "" : " (this machine has no /dev/gpiochip*)");
        return -err;
    }
    *chip = (hearth_gpio_chip *)opened;
    return 0;
}

void hearth_gpio_chip_close(hearth_gpio_chip *chip) {
    if (chip != NULL)
        gpiod_chip_close((struct gpiod_chip *)chip);
}

const char *hearth_gpio_chip_name(hearth_gpio_chip *chip) {
    return gpiod_chip_name((struct gpiod_chip *)chip);
}

const char *hearth_gpio_chip_label(hearth_gpio_chip *chip) {
    return gpiod_chip_label((struct gpiod_chip *)chip);
}

uint32_t hearth_gpio_chip_line_count(hearth_gpio_chip *chip) {
    return gpiod_chip_num_lines((struct gpiod_chip *)chip);
}

static int describe_failure(hearth_gpio_chip *chip, uint32_t offset, struct gpiod_line *line,
                            const char *what, char *error, size_t error_size) {
    int err = errno ? errno : EIO;
    const char *holder = line != NULL ? gpiod_line_consumer(line) : NULL;
    if (err == EBUSY && holder != NULL)
        snprintf(error, error_size, "GPIO %s line %u: %s: already used by '%s'",
                 hearth_gpio_chip_name(chip), offset, what, holder);
    else
        snprintf(error, error_size, "GPIO %s line %u: %s: %s", hearth_gpio_chip_name(chip),
                 offset, what, strerror(err));
    return -err;
}

static struct gpiod_line *find_line(hearth_gpio_chip *chip, uint32_t offset, char *error,
                                    size_t error_size) {
    uint32_t count = hearth_gpio_chip_line_count(chip);
    if (offset >= count) {
        snprintf(error, error_size, "GPIO %s has %u lines; line %u does not exist",
                 hearth_gpio_chip_name(chip), count, offset);
        errno = EINVAL;
        return NULL;
    }
    struct gpiod_line *line = gpiod_chip_get_line((struct gpiod_chip *)chip, offset);
    if (line == NULL)
        describe_failure(chip, offset, NULL, "looking up", error, error_size);
    return line;
}

static hearth_gpio_line *wrap(struct gpiod_line *line) {
    hearth_gpio_line *wrapped = malloc(sizeof *wrapped);
    if (wrapped == NULL) {
        gpiod_line_release(line);
        return NULL;
    }
    wrapped->line = line;
    return wrapped;
}

int hearth_gpio_request_output(hearth_gpio_chip *chip, uint32_t offset, const char *consumer,
                               int initial_level, hearth_gpio_line **out, char *error,
                               size_t error_size) {
    *out = NULL;
    struct gpiod_line *line = find_line(chip, offset, error, error_size);
    if (line == NULL)
        return -errno;
    if (gpiod_line_request_output(line, consumer, initial_level ? 1 : 0) < 0)
        return describe_failure(chip, offset, line, "requesting as output", error, error_size);
    *out = wrap(line);
    return *out != NULL ? 0 : -ENOMEM;
}

static int bias_flags(hearth_gpio_bias bias) {
    switch (bias) {
    case HEARTH_GPIO_BIAS_DISABLED: return GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
    case HEARTH_GPIO_BIAS_PULL_UP: return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
    case HEARTH_GPIO_BIAS_PULL_DOWN: return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
    case HEARTH_GPIO_BIAS_AS_IS: break;
    }
    return 0;
}

int hearth_gpio_request_edges(hearth_gpio_chip *chip, uint32_t offset, const char *consumer,
                              hearth_gpio_bias bias, hearth_gpio_line **out, char *error,
                              size_t error_size) {
    *out = NULL;
    struct gpiod_line *line = find_line(chip, offset, error, error_size);
    if (line == NULL)
        return -errno;
    if (gpiod_line_request_both_edges_events_flags(line, consumer, bias_flags(bias)) < 0)
        return describe_failure(chip, offset, line, "requesting edge events", error, error_size);
    *out = wrap(line);
    return *out != NULL ? 0 : -ENOMEM;
}

void hearth_gpio_line_release(hearth_gpio_line *line) {
    if (line == NULL)
        return;
    gpiod_line_release(line->line);
    free(line);
}

int hearth_gpio_set_level(hearth_gpio_line *line, int level) {
    return gpiod_line_set_value(line->line, level ? 1 : 0) < 0 ? -errno : 0;
}

int hearth_gpio_get_level(hearth_gpio_line *line) {
    int value = gpiod_line_get_value(line->line);
    return value < 0 ? -errno : value;
}
