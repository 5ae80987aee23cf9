/*
 * example.c: the `example.c` extension, a hello endpoint and a `routes.before`
 * init hook, written against the ABI headers alone. Not being Swift, it is
 * exempt from the toolchain rule. Built with a plain C compiler it needs only
 * libc (README.md has the command); SwiftPM links it through swiftc, which
 * adds the Swift runtime the host has loaded anyway.
 */
#include <plinth/plinth.h>
#include <string.h>

/* A view of a string literal, usable in static initializers (the descriptor)
 * where a function call is not allowed. */
#define LITERAL(text) { (const uint8_t *)(text), sizeof(text) - 1 }

/* A borrowed view of a NUL-terminated string. ABI strings carry a length and
 * no terminator, so C strings cross through here. */
static inline plinth_str str(const char *text) {
    plinth_str view = { (const uint8_t *)text, strlen(text) };
    return view;
}

/* What the callbacks need to call back into the host. A .so is loaded once
 * and never unloaded, so static storage lives as long as the host needs it;
 * it reaches the callbacks through their `ctx`. */
struct example_state {
    const plinth_host_api *host;
    plinth_plugin *self;
};

static struct example_state state;

/* Touches no disk or network, so it is registered without
 * PLINTH_FLAG_MAY_BLOCK and runs on the event loop. An error status makes the
 * host answer 500 and log the message. */
static plinth_status hello(void *ctx, const plinth_http_request *request,
                           plinth_response *response, plinth_buffer *out_error) {
    const struct example_state *s = ctx;
    (void)request;
    (void)out_error;
    plinth_status status = s->host->response_add_header(response, str("content-type"),
                                                        str("text/plain; charset=utf-8"));
    if (status != PLINTH_OK) {
        return status;
    }
    /* set_body copies, so a borrowed view of a literal is enough. */
    return s->host->response_set_body(response, str("Hello from C"));
}

/* Init hooks run in order at a lifecycle point; a failure is logged, never
 * fatal. Init events carry no context (event->context is NULL). */
static plinth_status on_routes_before(void *ctx, const plinth_event *event, plinth_call *call,
                                      plinth_buffer *out_payload, plinth_buffer *out_error) {
    const struct example_state *s = ctx;
    (void)event;
    (void)call;
    (void)out_payload;
    (void)out_error;
    return s->host->log(s->self, PLINTH_LOG_INFO, str("example.c: routes.before received"));
}

/* Registers the capabilities and nothing else: no files, sockets or threads
 * (those belong in a start callback). The host copies each table, so locals
 * are fine; only `ctx` must outlive the call. */
static plinth_status example_register(plinth_plugin *self, const plinth_host_api *host,
                                      void **out_state, plinth_buffer *out_error) {
    (void)out_error;
    state.host = host;
    state.self = self;
    *out_state = &state;

    /* Every slot used here exists since ABI 1.0, so no host->abi_minor check. */
    plinth_endpoint_v1 endpoint = {
        .struct_size = (uint32_t)sizeof(plinth_endpoint_v1),
        .flags = 0,
        .method = str("GET"),
        .path = str("/example-c/hello"),
        .handle = hello,
        .ctx = &state,
    };
    plinth_status status = host->register_capability(self, str(PLINTH_CAP_ENDPOINT), &endpoint);
    if (status != PLINTH_OK) {
        return status;
    }

    plinth_hook_v1 hook = {
        .struct_size = (uint32_t)sizeof(plinth_hook_v1),
        .type = PLINTH_HOOK_INIT,
        .flags = 0,
        .priority = 0,
        .event = str("routes.before"),
        .run = on_routes_before,
        .ctx = &state,
    };
    return host->register_capability(self, str(PLINTH_CAP_HOOK), &hook);
}

/* Read by the host before any other code of this file runs. The empty
 * toolchain says "not Swift", so the loader skips the toolchain check. */
static const plinth_descriptor descriptor = {
    .struct_size = (uint32_t)sizeof(plinth_descriptor),
    .abi_major = PLINTH_ABI_MAJOR,
    .abi_minor = PLINTH_ABI_MINOR,
    .kinds = PLINTH_KIND_ENDPOINT | PLINTH_KIND_HOOK,
    .id = LITERAL("example.c"),
    .version = LITERAL("1.0.0"),
    .toolchain = LITERAL(""),
    .description = LITERAL("Template extension: a hello endpoint and a routes.before hook"),
    .register_plugin = example_register,
    .configure = NULL,
    .start = NULL,
    .stop = NULL,
};

/* The only exported symbol; everything else in this file is static. */
const plinth_descriptor *plinth_extension_v1(void) {
    return &descriptor;
}
