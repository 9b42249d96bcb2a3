#include "hearth_malloc_stats.h"
#include <malloc.h>

size_t hearth_allocated_bytes(void) {
    return mallinfo2().uordblks;
}
