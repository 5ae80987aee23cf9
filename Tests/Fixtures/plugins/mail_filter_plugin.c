/*
 * A hook plugin for the mail tests: an `email.send` filter that replaces the
 * email with a fixed one, or (with -DMAIL_FILTER_CANCEL) cancels it by
 * returning null, as a Directus filter that returns a falsy payload does.
 */
#include "plinth/plinth.h"

#include <stdlib.h>
#include <string.h>

#ifdef MAIL_FILTER_CANCEL
static const char replacement[] = "null";
#else
static const char replacement[] = "{\"to\":\"filtered@example.com\",\"subject\":\"Filtered\",\"html\":\"<p>filtered</p>\"}";
#endif

static plinth_str view(const char *text) {
    plinth_str v;
    v.ptr = (const uint8_t *)text;
    v.len = strlen(text);
    return v;
}

static void release_malloced(void *ctx, uint8_t *ptr, uint64_t len) {
    (void)ctx;
    (void)len;
    free(ptr);
}

static plinth_status filter(void *ctx, const plinth_event *event, plinth_call *call, plinth_buffer *out_payload,
                            plinth_buffer *out_error) {
    (void)ctx;
    (void)event;
    (void)call;
    (void)out_error;
    uint8_t *out = malloc(sizeof replacement - 1);
    memcpy(out, replacement, sizeof replacement - 1);
    out_payload->ptr = out;
    out_payload->len = sizeof replacement - 1;
    out_payload->release = release_malloced;
    out_payload->release_ctx = NULL;
    return PLINTH_OK;
}

static plinth_status register_plugin(plinth_plugin *self, const plinth_host_api *host, void **out_state,
                                     plinth_buffer *out_error) {
    (void)out_state;
    (void)out_error;
    plinth_hook_v1 hook;
    memset(&hook, 0, sizeof hook);
    hook.struct_size = sizeof hook;
    hook.type = PLINTH_HOOK_FILTER;
    hook.event = view("email.send");
    hook.run = filter;
    return host->register_capability(self, view(PLINTH_CAP_HOOK), &hook);
}

static plinth_descriptor descriptor;

const plinth_descriptor *plinth_extension_v1(void) {
    descriptor.struct_size = sizeof descriptor;
    descriptor.abi_major = PLINTH_ABI_MAJOR;
    descriptor.abi_minor = PLINTH_ABI_MINOR;
    descriptor.kinds = PLINTH_KIND_HOOK;
    descriptor.id = view("fixture.mail-filter");
    descriptor.version = view("1.0.0");
    descriptor.register_plugin = register_plugin;
    return &descriptor;
}
