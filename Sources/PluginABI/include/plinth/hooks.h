/*
 * plinth/hooks.h — hook plugins: filter, action, init and schedule handlers
 * on named events (docs/events.md lists the events).
 * Capability id: PLINTH_CAP_HOOK ("plinth.hook/1").
 */
#ifndef PLINTH_HOOKS_H
#define PLINTH_HOOKS_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Hook types. SINCE 1.0 */
/* Runs before an operation, in order; may replace or reject the payload. */
#define PLINTH_HOOK_FILTER 1
/* Runs after an operation committed; cannot change or block it. */
#define PLINTH_HOOK_ACTION 2
/* Runs at a lifecycle point ("app.before", "routes.after", "cli.before", …). */
#define PLINTH_HOOK_INIT 3
/* Runs on a cron schedule; `event` holds the 5- or 6-field cron expression. */
#define PLINTH_HOOK_SCHEDULE 4

/* An event as delivered to a hook. Views are borrowed for the call (or until
 * host->call_complete for a PLINTH_PENDING return). SINCE 1.0 */
typedef struct plinth_event {
    uint32_t struct_size;
    int32_t type;             /* PLINTH_HOOK_* of the hook being run */
    plinth_str name;          /* the emitted event, e.g. "articles.items.create" */
    plinth_str payload;       /* JSON; "null" when the event has none */
    plinth_str meta;          /* JSON object: {"event", "collection", "keys", …} */
    plinth_context *context;  /* caller and transaction; NULL for init and schedule */
} plinth_event;

/* Runs a hook.
 * Filter: set *out_payload to replace the payload (leave it zeroed to keep
 * it); return PLINTH_ERR_REJECTED (or any error) to veto, with *out_error
 * holding a message or a JSON object {"message","code","status"}.
 * Action, init, schedule: outputs are ignored; an error status is logged.
 * RETURNS: PLINTH_OK; PLINTH_PENDING (finish later with host->call_complete
 * on `call`); an error status.
 * OWNERSHIP: event is borrowed; outputs move to the host.
 * THREADS: [any-thread]. Filters run on the thread that emits the event;
 * actions and schedules run on the blocking pool; init hooks run on the
 * start-up thread. A hook with PLINTH_FLAG_MAY_BLOCK is never called on the
 * HTTP event loop. SINCE 1.0 */
typedef plinth_status (*plinth_hook_fn)(void *ctx, const plinth_event *event, plinth_call *call,
                                        plinth_buffer *out_payload, plinth_buffer *out_error);

/* One hook registration. SINCE 1.0 */
typedef struct plinth_hook_v1 {
    uint32_t struct_size;
    int32_t type;       /* PLINTH_HOOK_* */
    uint32_t flags;     /* PLINTH_FLAG_MAY_BLOCK */
    int32_t priority;   /* filters run by ascending priority, then registration order */
    plinth_str event;   /* event name ("items.create", "articles.items.create"), or cron */
    plinth_hook_fn run;
    void *ctx;          /* passed back to run; valid for the process lifetime */
} plinth_hook_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_HOOKS_H */
