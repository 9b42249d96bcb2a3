#include "hearth_ring_buffer.h"
/* implementation arrives with the C core */
