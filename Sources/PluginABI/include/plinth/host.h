/*
 * plinth/host.h — the function table of host services handed to every
 * plugin at registration. Append-only: new services are new trailing slots,
 * marked with the minor version that added them; check `abi_minor` (or
 * struct_size) before calling a slot added after 1.0.
 */
#ifndef PLINTH_HOST_H
#define PLINTH_HOST_H

#include "plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The HTTP response an endpoint callback builds. [request-scoped]
 * SINCE 1.0 */
typedef struct plinth_response plinth_response;

/* Capability ids a plugin registers tables under (see the per-kind headers).
 * A new major of a capability is a new id. SINCE 1.0 */
#define PLINTH_CAP_ENDPOINT "plinth.endpoint/1"
#define PLINTH_CAP_HOOK "plinth.hook/1"
#define PLINTH_CAP_STORAGE "plinth.storage/1"
#define PLINTH_CAP_SQL_DRIVER "plinth.sql/1"
#define PLINTH_CAP_AUTH_PROVIDER "plinth.auth/1"
#define PLINTH_CAP_OPERATION "plinth.operation/1"
#define PLINTH_CAP_TRANSFORMER "plinth.transform/1"

struct plinth_host_api {
    uint32_t struct_size; /* sizeof(plinth_host_api) of the host */
    uint32_t abi_major;   /* the host's PLINTH_ABI_MAJOR */
    uint32_t abi_minor;   /* the host's PLINTH_ABI_MINOR */
    uint32_t reserved;    /* zero */

    /* Asks whether the host supports a capability or service id, e.g.
     * "plinth.storage/1" or "items.read/1".
     * RETURNS: PLINTH_OK if supported, PLINTH_ERR_UNSUPPORTED otherwise.
     * OWNERSHIP: id is borrowed. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*supports)(plinth_plugin *self, plinth_str id);

    /* Writes one line to the host's structured log, tagged with the
     * plugin's id. Never log secrets.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (unknown level).
     * OWNERSHIP: message is borrowed. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*log)(plinth_plugin *self, int32_t level, plinth_str message);

    /* Reads a configuration value (environment variable or .env entry, with
     * `_FILE` indirection resolved), e.g. "PUBLIC_URL".
     * RETURNS: PLINTH_OK, PLINTH_ERR_NOT_FOUND (unset).
     * OWNERSHIP: key is borrowed; *out_value moves to the plugin, which
     * releases it. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*config_get)(plinth_plugin *self, plinth_str key, plinth_buffer *out_value);

    /* Registers a capability table (plinth_endpoint_v1, plinth_hook_v1, …)
     * under its capability id. The host copies the table; `ctx` pointers
     * inside it must stay valid for the process lifetime.
     * RETURNS: PLINTH_OK; PLINTH_ERR_UNSUPPORTED (unknown capability id);
     * PLINTH_ERR_TOO_LARGE (struct_size larger than the host knows);
     * PLINTH_ERR_INVALID (missing callback or malformed field);
     * PLINTH_ERR_CONFLICT (route, driver or operation id already taken).
     * OWNERSHIP: table is borrowed. THREADS: [startup-only], only from the
     * plugin's register callback. SINCE 1.0 */
    plinth_status (*register_capability)(plinth_plugin *self, plinth_str capability,
                                         const void *table);

    /* Runs the filter hooks registered for `event` over a JSON payload, in
     * order. Each may replace the payload or reject it.
     * `context` may be NULL (no caller, full access).
     * RETURNS: PLINTH_OK (*out_payload holds the final payload);
     * PLINTH_ERR_REJECTED (a hook vetoed; *out_error holds its error JSON).
     * OWNERSHIP: inputs borrowed; *out_payload and *out_error move to the
     * plugin. THREADS: [any-thread]; may block, so call it only from a
     * PLINTH_FLAG_MAY_BLOCK callback or a plugin thread. SINCE 1.0 */
    plinth_status (*emit_filter)(plinth_plugin *self, plinth_context *context, plinth_str event,
                                 plinth_str payload_json, plinth_str meta_json,
                                 plinth_buffer *out_payload, plinth_buffer *out_error);

    /* Queues the action hooks registered for `event`; returns at once.
     * RETURNS: PLINTH_OK. OWNERSHIP: inputs are borrowed (the host copies).
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*emit_action)(plinth_plugin *self, plinth_context *context, plinth_str event,
                                 plinth_str payload_json, plinth_str meta_json);

    /* Calls an engine service by versioned id ("extensions.list/1",
     * "items.read/1", …; docs/services.md lists them) with JSON arguments,
     * as the caller of `context` (permissions applied) or, with a NULL
     * context, with full access.
     * RETURNS: PLINTH_OK (*out_result holds JSON); PLINTH_ERR_NOT_FOUND
     * (unknown service); PLINTH_ERR_FORBIDDEN; PLINTH_ERR_INVALID; any
     * other error status. On error *out_error holds the Directus error JSON
     * {"message","code","status",…}.
     * OWNERSHIP: inputs borrowed; outputs move to the plugin.
     * THREADS: [any-thread]; blocks, so never call it from a callback
     * without PLINTH_FLAG_MAY_BLOCK. SINCE 1.0 */
    plinth_status (*service_call)(plinth_plugin *self, plinth_context *context, plinth_str service,
                                  plinth_str args_json, plinth_buffer *out_result,
                                  plinth_buffer *out_error);

    /* Reads the accountability of a context as JSON: {"user","role","roles",
     * "admin","app","ip","policies"}; null values for anonymous callers.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (NULL context).
     * OWNERSHIP: *out_json moves to the plugin. THREADS: [request-scoped].
     * SINCE 1.0 */
    plinth_status (*context_accountability)(plinth_context *context, plinth_buffer *out_json);

    /* Sets the HTTP status code (100–599) of a response; default 200.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID. THREADS: [request-scoped].
     * SINCE 1.0 */
    plinth_status (*response_set_status)(plinth_response *response, int32_t status);

    /* Appends a response header. Names are case-insensitive; CR and LF are
     * refused. RETURNS: PLINTH_OK, PLINTH_ERR_INVALID.
     * OWNERSHIP: borrowed (copied). THREADS: [request-scoped]. SINCE 1.0 */
    plinth_status (*response_add_header)(plinth_response *response, plinth_str name,
                                         plinth_str value);

    /* Sets the response body by copying bytes, replacing any earlier body.
     * RETURNS: PLINTH_OK, PLINTH_ERR_TOO_LARGE.
     * OWNERSHIP: borrowed (copied). THREADS: [request-scoped]. SINCE 1.0 */
    plinth_status (*response_set_body)(plinth_response *response, plinth_str body);

    /* Sets the response body from a buffer the host takes over, replacing
     * any earlier body; the plugin neither copies nor frees it.
     * RETURNS: PLINTH_OK. OWNERSHIP: body moves to the host, which releases
     * it once it no longer needs the bytes. THREADS: [request-scoped].
     * SINCE 1.0 */
    plinth_status (*response_take_body)(plinth_response *response, plinth_buffer body);

    /* Finishes a response whose endpoint callback returned (or is about to
     * return) PLINTH_PENDING. Call exactly once; the response handle is
     * invalid afterwards, so a second call is undefined behaviour.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (already completed, when the
     * host can still tell). THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*response_complete)(plinth_response *response);

    /* Finishes a hook or operation callback that returned PLINTH_PENDING,
     * with the status, payload and error it would have returned.
     * Call exactly once; `call` is invalid afterwards. The host waits 30 s;
     * a later completion is accepted and discarded, but the event's views
     * are no longer valid by then.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (unknown or completed call).
     * OWNERSHIP: payload and error move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*call_complete)(plinth_call *call, plinth_status status, plinth_buffer payload,
                                   plinth_buffer error);
};

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_HOST_H */
