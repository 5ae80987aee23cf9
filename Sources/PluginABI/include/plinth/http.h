/*
 * plinth/http.h — endpoint plugins: HTTP routes served by a plugin.
 * Capability id: PLINTH_CAP_ENDPOINT ("plinth.endpoint/1").
 */
#ifndef PLINTH_HTTP_H
#define PLINTH_HTTP_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One HTTP request, as handed to an endpoint callback. Every view is
 * borrowed and valid until the response is finished (the callback returns,
 * or calls host->response_complete after returning PLINTH_PENDING).
 * SINCE 1.0 */
typedef struct plinth_http_request {
    uint32_t struct_size;
    uint32_t reserved;          /* zero */
    plinth_str method;          /* upper case: "GET", "SEARCH", … */
    plinth_str path;            /* percent-decoded path without the query, e.g. "/items/articles" */
    plinth_str query;           /* raw query string without '?', still percent-encoded */
    const plinth_kv *headers;   /* header names in lower case, in arrival order */
    uint64_t headers_len;
    const plinth_kv *params;    /* route parameters (":name" segments, "*" as "*") */
    uint64_t params_len;
    plinth_str body;            /* the whole body, at most MAX_PAYLOAD_SIZE bytes */
    plinth_str remote_address;  /* client IP as text */
    plinth_context *context;    /* accountability and transaction of this request */
} plinth_http_request;

/* Handles one request by filling `response` through the host's response_*
 * functions. Without PLINTH_FLAG_MAY_BLOCK it runs on the event loop and
 * must not block.
 * RETURNS: PLINTH_OK (response complete); PLINTH_PENDING (the plugin will
 * call host->response_complete later, from any thread); any error status
 * (the host answers 500 INTERNAL_SERVER_ERROR, logging *out_error).
 * OWNERSHIP: request and response are borrowed; *out_error moves to host.
 * THREADS: [any-thread] (event loop or blocking pool, per the flag).
 * SINCE 1.0 */
typedef plinth_status (*plinth_endpoint_fn)(void *ctx, const plinth_http_request *request,
                                            plinth_response *response,
                                            plinth_buffer *out_error);

/* A route served by a plugin. Register one table per route. SINCE 1.0 */
typedef struct plinth_endpoint_v1 {
    uint32_t struct_size;
    uint32_t flags;          /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str method;       /* "GET", "POST", "PATCH", "DELETE", "SEARCH", …, or "*" for any */
    plinth_str path;         /* "/server/ping", "/items/:collection/:id", a final "*" segment matches the rest */
    plinth_endpoint_fn handle;
    void *ctx;               /* passed back to handle; valid for the process lifetime */
} plinth_endpoint_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_HTTP_H */
