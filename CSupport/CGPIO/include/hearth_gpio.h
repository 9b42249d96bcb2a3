/*
 * A thin layer over libgpiod v1.6 for Hearth's LEDs and buttons. Levels are
 * physical (1 = high); active-low handling lives above, in HearthDevice, so
 * the real and the simulated chip behave the same.
 */
#ifndef HEARTH_GPIO_H
#define HEARTH_GPIO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_gpio_chip hearth_gpio_chip;
typedef struct hearth_gpio_line hearth_gpio_line;

typedef enum hearth_gpio_bias {
    HEARTH_GPIO_BIAS_AS_IS = 0,
    HEARTH_GPIO_BIAS_DISABLED = 1,
    HEARTH_GPIO_BIAS_PULL_UP = 2,
    HEARTH_GPIO_BIAS_PULL_DOWN = 3,
} hearth_gpio_bias;

typedef enum hearth_gpio_edge {
    HEARTH_GPIO_EDGE_RISING = 1,
    HEARTH_GPIO_EDGE_FALLING = 2,
} hearth_gpio_edge;

typedef struct hearth_gpio_edge_event {
    int32_t edge;           /* hearth_gpio_edge */
    uint64_t timestamp_ns;  /* kernel timestamp, see hearth_gpio_clock_ns */
} hearth_gpio_edge_event;

enum { HEARTH_GPIO_ERROR_SIZE = 256 };

/* descriptor: a name ("gpiochip0"), a path ("/dev/gpiochip0"), a label
 * ("pinctrl-rp1") or a number ("0"); labels survive kernel renumbering. */
int hearth_gpio_chip_open(const char *descriptor, hearth_gpio_chip **chip, char *error,
                          size_t error_size);
void hearth_gpio_chip_close(hearth_gpio_chip *chip);
const char *hearth_gpio_chip_name(hearth_gpio_chip *chip);
const char *hearth_gpio_chip_label(hearth_gpio_chip *chip);
uint32_t hearth_gpio_chip_line_count(hearth_gpio_chip *chip);

int hearth_gpio_request_output(hearth_gpio_chip *chip, uint32_t offset, const char *consumer,
                               int initial_level, hearth_gpio_line **line, char *error,
                               size_t error_size);
int hearth_gpio_request_edges(hearth_gpio_chip *chip, uint32_t offset, const char *consumer,
                              hearth_gpio_bias bias, hearth_gpio_line **line, char *error,
                              size_t error_size);
void hearth_gpio_line_release(hearth_gpio_line *line);

int hearth_gpio_set_level(hearth_gpio_line *line, int level);
/* 0 or 1, or a negative errno. */
int hearth_gpio_get_level(hearth_gpio_line *line);

/* Waits for edges on line or a write to wake_fd (an eventfd; -1 for none).
 * Returns 1 when edges are ready, 0 on timeout or wake-up, negative errno. */
int hearth_gpio_wait_edges(hearth_gpio_line *line, int wake_fd, int timeout_ms);
/* Reads up to max pending edges without blocking; count or negative errno. */
int hearth_gpio_read_edges(hearth_gpio_line *line, hearth_gpio_edge_event *events, uint32_t max);

/* Now, on the clock of the kernel's edge timestamps (monotonic since
 * Linux 5.7; boards older than that are not supported). */
uint64_t hearth_gpio_clock_ns(void);

/* An eventfd to end hearth_gpio_wait_edges early, and its trigger. */
int hearth_gpio_wake_fd_create(void);
void hearth_gpio_wake(int wake_fd);
void hearth_gpio_wake_fd_close(int wake_fd);

#ifdef __cplusplus
}
#endif

#endif
