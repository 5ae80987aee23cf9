/*
 * plinth/operations.h — flow operation plugins (directus_operations.type).
 * Capability id: PLINTH_CAP_OPERATION ("plinth.operation/1").
 */
#ifndef PLINTH_OPERATIONS_H
#define PLINTH_OPERATIONS_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Runs one operation of a flow. options_json holds the operation's options
 * with "{{ … }}" templates already rendered against the data chain;
 * data_json is the whole data chain {"$trigger","$last","$accountability",
 * "$env",<operation keys>…}. *out_result becomes the operation's value in
 * the chain (JSON).
 * RETURNS: PLINTH_OK (the flow follows `resolve`); PLINTH_PENDING (finish
 * with host->call_complete on `call`); an error status (the flow follows
 * `reject`; *out_error is its value in the chain).
 * OWNERSHIP: inputs borrowed; outputs move to the host.
 * THREADS: [any-thread]; on the blocking pool with PLINTH_FLAG_MAY_BLOCK.
 * SINCE 1.0 */
typedef plinth_status (*plinth_operation_fn)(void *ctx, plinth_context *context,
                                             plinth_str options_json, plinth_str data_json,
                                             plinth_call *call, plinth_buffer *out_result,
                                             plinth_buffer *out_error);

/* One operation type. SINCE 1.0 */
typedef struct plinth_operation_v1 {
    uint32_t struct_size;
    uint32_t flags;     /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str id;      /* the operation type, e.g. "log", "item-create", "my-op" */
    plinth_operation_fn run;
    void *ctx;          /* passed back to run; valid for the process lifetime */
} plinth_operation_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_OPERATIONS_H */
