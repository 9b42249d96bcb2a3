#ifndef HEARTH_MALLOC_STATS_H
#define HEARTH_MALLOC_STATS_H
#include <stddef.h>
/* Bytes the C allocator currently has handed out (glibc's mallinfo2, which
 * Swift's Glibc module does not expose). */
size_t hearth_allocated_bytes(void);
#endif
