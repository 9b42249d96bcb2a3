/* Waiting for and reading button edges. The wait polls the line's event fd
 * together with a wake-up eventfd so a button thread stops at once. */
#include <errno.h>
#include <gpiod.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "gpio_line.h"

enum { READ_BATCH = 16 };

int hearth_gpio_wait_edges(hearth_gpio_line *line, int wake_fd, int timeout_ms) {
    struct pollfd fds[2] = {
        {.fd = gpiod_line_event_get_fd(line->line), .events = POLLIN | POLLPRI},
        {.fd = wake_fd, .events = POLLIN},
    };
    if (fds[0].fd < 0)
        return -errno;
    int ready = poll(fds, wake_fd >= 0 ? 2 : 1, timeout_ms);
    if (ready < 0)
        return errno == EINTR ? 0 : -errno;
    if (wake_fd >= 0 && (fds[1].revents & POLLIN)) {
        uint64_t count;
        ssize_t drained = read(wake_fd, &count, sizeof count);
        (void)drained;
    }
    return (fds[0].revents & (POLLIN | POLLPRI)) ? 1 : 0;
}

int hearth_gpio_read_edges(hearth_gpio_line *line, hearth_gpio_edge_event *events, uint32_t max) {
    struct gpiod_line_event batch[READ_BATCH];
    if (max > READ_BATCH)
        max = READ_BATCH;
    int count = gpiod_line_event_read_multiple(line->line, batch, max);
    if (count < 0)
        return -errno;
    for (int i = 0; i < count; i++) {
        events[i].edge = batch[i].event_type == GPIOD_LINE_EVENT_RISING_EDGE
                             ? HEARTH_GPIO_EDGE_RISING
                             : HEARTH_GPIO_EDGE_FALLING;
        events[i].timestamp_ns =
            (uint64_t)batch[i].ts.tv_sec * 1000000000u + (uint64_t)batch[i].ts.tv_nsec;
    }
    return count;
}

uint64_t hearth_gpio_clock_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

int hearth_gpio_wake_fd_create(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

void hearth_gpio_wake(int wake_fd) {
    uint64_t one = 1;
    ssize_t written = write(wake_fd, &one, sizeof one);
    (void)written;
}

void hearth_gpio_wake_fd_close(int wake_fd) {
    if (wake_fd >= 0)
        close(wake_fd);
}
