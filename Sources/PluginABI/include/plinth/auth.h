/*
 * plinth/auth.h — auth provider plugins (AUTH_PROVIDERS,
 * AUTH_<NAME>_DRIVER). A provider proves who a caller is; the host then
 * checks the user's status, TFA and policies and issues the tokens.
 * Capability id: PLINTH_CAP_AUTH_PROVIDER ("plinth.auth/1").
 */
#ifndef PLINTH_AUTH_H
#define PLINTH_AUTH_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An auth provider driver. `provider` is the driver's state for one
 * configured provider name. SINCE 1.0 */
typedef struct plinth_auth_provider_v1 {
    uint32_t struct_size;
    uint32_t flags;      /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str driver;   /* the AUTH_<NAME>_DRIVER value it serves: "local", "openid", … */
    void *ctx;           /* passed back to every callback */

    /* Opens one provider. options_json is {"v":1,"name":"github",
     * "options":{…AUTH_GITHUB_* without the prefix, keys lower-cased…}}.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (bad options).
     * THREADS: [startup-only]. SINCE 1.0 */
    plinth_status (*open)(void *ctx, plinth_str options_json, void **out_provider,
                          plinth_buffer *out_error);

    /* Releases a provider at shutdown. THREADS: [startup-only]. SINCE 1.0 */
    void (*close)(void *ctx, void *provider);

    /* Credential login (POST /auth/login/<name>): request_json is
     * {"payload":{…body…},"ip","user_agent"}. On success *out_json is
     * {"user":"<directus_users.id>"}.
     * RETURNS: PLINTH_OK; PLINTH_ERR_FORBIDDEN (invalid credentials, never
     * saying which part); PLINTH_ERR_UNSUPPORTED (redirect-only provider).
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*login)(void *ctx, void *provider, plinth_context *context,
                           plinth_str request_json, plinth_buffer *out_json,
                           plinth_buffer *out_error);

    /* Starts a redirect login (GET /auth/login/<name>): request_json is
     * {"redirect","callback_url","query":{…}}. *out_json is {"location":
     * "<url>","cookies":[{"name","value","max_age","http_only","secure",
     * "same_site","path"}]}.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID, PLINTH_ERR_UNSUPPORTED.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*authorize)(void *ctx, void *provider, plinth_str request_json,
                               plinth_buffer *out_json, plinth_buffer *out_error);

    /* Finishes a redirect login (…/callback): request_json is {"query":{…},
     * "body":{…},"cookies":{…},"callback_url"}. *out_json is {"user":"<id>",
     * "redirect":"<url or null>"}.
     * RETURNS: PLINTH_OK, PLINTH_ERR_FORBIDDEN, PLINTH_ERR_INVALID,
     * PLINTH_ERR_UNAVAILABLE. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*callback)(void *ctx, void *provider, plinth_context *context,
                              plinth_str request_json, plinth_buffer *out_json,
                              plinth_buffer *out_error);
} plinth_auth_provider_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_AUTH_H */
