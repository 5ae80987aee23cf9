#include "plinth/plinth.h"

/* Compiles every ABI header as C11 as part of the build. */
const uint32_t plinth_abi_major = PLINTH_ABI_MAJOR;
