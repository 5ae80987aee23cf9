/*
 * A configurable plugin for loader tests. Compiled by the tests with -D
 * options that make it good or bad in exactly one way:
 *   FIXTURE_ID="…"          descriptor id (default "fixture.good")
 *   FIXTURE_ROUTE="…"       route it registers (default "/fixture/ping")
 *   FIXTURE_MAJOR=N         abi_major in the descriptor (default 1)
 *   FIXTURE_EXTRA=N         claim N bytes more than sizeof(plinth_descriptor)
 *   FIXTURE_TOOLCHAIN="…"   toolchain string (default "")
 *   FIXTURE_FAIL_REGISTER   register returns PLINTH_ERR_UNAVAILABLE with a message
 *   FIXTURE_ENTRY_V2        export plinth_extension_v2 instead of _v1
 *   FIXTURE_FILTER          also register a filter hook on "fixture.event" that
 *                           appends "+fixture" inside the JSON string payload
 */
#include "plinth/plinth.h"

#include <stdlib.h>
#include <string.h>

#ifndef FIXTURE_ID
#define FIXTURE_ID "fixture.good"
#endif
#ifndef FIXTURE_ROUTE
#define FIXTURE_ROUTE "/fixture/ping"
#endif
#ifndef FIXTURE_MAJOR
#define FIXTURE_MAJOR 1
#endif
#ifndef FIXTURE_EXTRA
#define FIXTURE_EXTRA 0
#endif
#ifndef FIXTURE_TOOLCHAIN
#define FIXTURE_TOOLCHAIN ""
#endif

#ifndef FIXTURE_FAIL_REGISTER
static const plinth_host_api *host_api;
#endif

static plinth_str view(const char *text) {
    plinth_str v;
    v.ptr = (const uint8_t *)text;
    v.len = strlen(text);
    return v;
}

#if defined(FIXTURE_FILTER) || defined(FIXTURE_FAIL_REGISTER)
static void release_malloced(void *ctx, uint8_t *ptr, uint64_t len) {
    (void)ctx;
    (void)len;
    free(ptr);
}
#endif

#ifndef FIXTURE_FAIL_REGISTER
static plinth_status handle_ping(void *ctx, const plinth_http_request *request, plinth_response *response,
                                 plinth_buffer *out_error) {
    (void)ctx;
    (void)request;
    (void)out_error;
    host_api->response_add_header(response, view("content-type"), view("text/plain"));
    return host_api->response_set_body(response, view("fixture pong"));
}
#endif

#ifdef FIXTURE_FILTER
static plinth_status filter(void *ctx, const plinth_event *event, plinth_call *call, plinth_buffer *out_payload,
                            plinth_buffer *out_error) {
    (void)ctx;
    (void)call;
    (void)out_error;
    /* payload is a JSON string "…"; return "…+fixture" */
    uint64_t len = event->payload.len;
    uint8_t *out = malloc(len + 8);
    memcpy(out, event->payload.ptr, len - 1);
    memcpy(out + len - 1, "+fixture\"", 9);
    out_payload->ptr = out;
    out_payload->len = len + 8;
    out_payload->release = release_malloced;
    out_payload->release_ctx = NULL;
    return PLINTH_OK;
}
#endif

static plinth_status register_plugin(plinth_plugin *self, const plinth_host_api *host, void **out_state,
                                     plinth_buffer *out_error) {
    (void)out_state;
#ifdef FIXTURE_FAIL_REGISTER
    (void)self;
    (void)host;
    static const char message[] = "fixture cannot reach its database";
    out_error->ptr = (uint8_t *)malloc(sizeof message - 1);
    memcpy(out_error->ptr, message, sizeof message - 1);
    out_error->len = sizeof message - 1;
    out_error->release = release_malloced;
    return PLINTH_ERR_UNAVAILABLE;
#else
    (void)out_error;
    host_api = host;
    plinth_endpoint_v1 endpoint;
    memset(&endpoint, 0, sizeof endpoint);
    endpoint.struct_size = sizeof endpoint;
    endpoint.method = view("GET");
    endpoint.path = view(FIXTURE_ROUTE);
    endpoint.handle = handle_ping;
    plinth_status status = host->register_capability(self, view(PLINTH_CAP_ENDPOINT), &endpoint);
    if (status != PLINTH_OK) return status;
#ifdef FIXTURE_FILTER
    plinth_hook_v1 hook;
    memset(&hook, 0, sizeof hook);
    hook.struct_size = sizeof hook;
    hook.type = PLINTH_HOOK_FILTER;
    hook.priority = 5;
    hook.event = view("fixture.event");
    hook.run = filter;
    status = host->register_capability(self, view(PLINTH_CAP_HOOK), &hook);
#endif
    return status;
#endif
}

/* Room for a descriptor that claims to be larger than the host's. */
static struct {
    plinth_descriptor descriptor;
    uint8_t extra[64];
} storage;

#ifdef FIXTURE_ENTRY_V2
const plinth_descriptor *plinth_extension_v2(void);
const plinth_descriptor *plinth_extension_v2(void) {
#else
const plinth_descriptor *plinth_extension_v1(void) {
#endif
    plinth_descriptor *d = &storage.descriptor;
    d->struct_size = (uint32_t)(sizeof *d + FIXTURE_EXTRA);
    d->abi_major = FIXTURE_MAJOR;
    d->abi_minor = 0;
    d->kinds = PLINTH_KIND_ENDPOINT;
    d->id = view(FIXTURE_ID);
    d->version = view("0.0.1");
    d->toolchain = view(FIXTURE_TOOLCHAIN);
    d->description = view("loader test fixture");
    d->register_plugin = register_plugin;
    return d;
}
