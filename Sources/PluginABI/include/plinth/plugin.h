/*
 * plinth/plugin.h — the core of the Plinth plugin ABI: versions, statuses,
 * byte views and owned buffers, the plugin descriptor and the entry symbol.
 *
 * Rules (docs/abi.md holds the full contract and the compatibility promise):
 *  - Every struct that crosses begins with `uint32_t struct_size` except the
 *    fixed value types `plinth_str`, `plinth_buffer` and `plinth_kv`, whose
 *    layout never changes. A reader copies min(struct_size, sizeof(known))
 *    bytes into a zeroed local, refuses a struct larger than it knows, and
 *    treats missing trailing fields as NULL/0.
 *  - Append-only: fields and constants are never reordered, removed or
 *    retyped. Appended blocks are marked "since 1.N".
 *  - Strings are UTF-8 with a length; they are not NUL-terminated.
 *  - Every call returns a status; results go to out-parameters.
 *  - Plugins are fully trusted code running in the host process.
 *
 * Thread tags used in the comments:
 *  [startup-only]     called only while plugins load and register.
 *  [any-thread]       may be called on any thread, concurrently.
 *  [request-scoped]   valid only during one request or event and its
 *                     completion.
 */
#ifndef PLINTH_PLUGIN_H
#define PLINTH_PLUGIN_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version. The major is part of the entry symbol's name; the minor grows
 * with every appended field, function or constant. SINCE 1.0 */
#define PLINTH_ABI_MAJOR 1
#define PLINTH_ABI_MINOR 1

/* ------------------------------------------------------------------------
 * Statuses. Numbers are permanent. Zero is success; positive values are
 * non-error outcomes; negative values are errors. SINCE 1.0
 * ---------------------------------------------------------------------- */
typedef int32_t plinth_status;

/* The call succeeded. */
#define PLINTH_OK 0
/* The call will finish later through its completion function. */
#define PLINTH_PENDING 1
/* Failure not covered by a more specific status; the message says why. */
#define PLINTH_ERR_FAILED -1
/* An argument is missing, malformed or out of range. */
#define PLINTH_ERR_INVALID -2
/* The named thing (key, file, item, route) does not exist. */
#define PLINTH_ERR_NOT_FOUND -3
/* The callee does not implement this call or capability. */
#define PLINTH_ERR_UNSUPPORTED -4
/* An allocation failed. */
#define PLINTH_ERR_NO_MEMORY -5
/* An I/O or network operation failed. */
#define PLINTH_ERR_IO -6
/* The caller is not allowed to do this. */
#define PLINTH_ERR_FORBIDDEN -7
/* The thing already exists (duplicate id, route, key). */
#define PLINTH_ERR_CONFLICT -8
/* A struct is larger than the reader knows, or a payload exceeds a limit. */
#define PLINTH_ERR_TOO_LARGE -9
/* An ABI or toolchain version does not match. */
#define PLINTH_ERR_VERSION -10
/* A dependency (database, storage, remote service) is unavailable. */
#define PLINTH_ERR_UNAVAILABLE -11
/* The operation timed out. */
#define PLINTH_ERR_TIMEOUT -12
/* A filter hook or validation rejected the payload. */
#define PLINTH_ERR_REJECTED -13

/* ------------------------------------------------------------------------
 * Value types. Their layout is fixed forever; they carry no struct_size.
 * ---------------------------------------------------------------------- */

/* A borrowed view of UTF-8 text or bytes, valid only during the call that
 * hands it over (or, where stated, until the request completes). `ptr` may
 * be NULL when `len` is 0. OWNERSHIP: the giver keeps it. SINCE 1.0 */
typedef struct plinth_str {
    const uint8_t *ptr;
    uint64_t len;
} plinth_str;

/* Releases a buffer handed across the ABI. Called exactly once by the
 * receiver when it no longer needs the bytes. THREADS: [any-thread].
 * SINCE 1.0 */
typedef void (*plinth_release_fn)(void *release_ctx, uint8_t *ptr, uint64_t len);

/* Bytes handed from one side to the other. The receiver reads `ptr[0..len)`
 * and then calls `release(release_ctx, ptr, len)` if `release` is not NULL.
 * A zeroed buffer means "nothing". OWNERSHIP: moves to the receiver, which
 * must release it; nobody free()s the other side's memory. SINCE 1.0 */
typedef struct plinth_buffer {
    uint8_t *ptr;
    uint64_t len;
    plinth_release_fn release;
    void *release_ctx;
} plinth_buffer;

/* A borrowed name/value pair (HTTP header, route parameter). SINCE 1.0 */
typedef struct plinth_kv {
    plinth_str name;
    plinth_str value;
} plinth_kv;

/* ------------------------------------------------------------------------
 * Opaque handles. The host owns them; plugins pass them back unchanged.
 * ---------------------------------------------------------------------- */

/* One loaded plugin, as the host knows it. Valid for the process lifetime.
 * SINCE 1.0 */
typedef struct plinth_plugin plinth_plugin;
/* The accountability (caller identity, permissions) and transaction one
 * request, event or flow runs in. [request-scoped] SINCE 1.0 */
typedef struct plinth_context plinth_context;
/* A pending asynchronous call, completed with host->call_complete.
 * [request-scoped] SINCE 1.0 */
typedef struct plinth_call plinth_call;

typedef struct plinth_host_api plinth_host_api;

/* ------------------------------------------------------------------------
 * Plugin kinds, as bits in plinth_descriptor.kinds. SINCE 1.0
 * ---------------------------------------------------------------------- */
#define PLINTH_KIND_ENDPOINT 1u
#define PLINTH_KIND_HOOK 2u
#define PLINTH_KIND_STORAGE 4u
#define PLINTH_KIND_SQL_DRIVER 8u
#define PLINTH_KIND_AUTH_PROVIDER 16u
#define PLINTH_KIND_OPERATION 32u
#define PLINTH_KIND_TRANSFORMER 64u

/* Flag on a callback table: its callbacks may block (disk, network,
 * database, long CPU work). The host then calls them on its blocking thread
 * pool, never on the HTTP event loop. Without the flag a callback must
 * return within microseconds. SINCE 1.0 */
#define PLINTH_FLAG_MAY_BLOCK 1u

/* Flag, with PLINTH_FLAG_MAY_BLOCK: a call may block for long — seconds of
 * password hashing, a remote identity provider, a stall. The host runs such
 * callbacks on a separate pool (PLUGIN_SLOW_THREADS), so a burst of them
 * cannot take every thread of the blocking pool from other requests. Hosts
 * older than 1.1 ignore it and use the blocking pool. Only endpoint routes
 * honour it today. SINCE 1.1 */
#define PLINTH_FLAG_LONG_BLOCK 2u

/* Log levels for host->log. SINCE 1.0 */
#define PLINTH_LOG_TRACE 0
#define PLINTH_LOG_DEBUG 1
#define PLINTH_LOG_INFO 2
#define PLINTH_LOG_WARN 3
#define PLINTH_LOG_ERROR 4

/* ------------------------------------------------------------------------
 * The descriptor and the lifecycle: load -> register -> configure -> start
 * -> stop. There is no unload; updating a plugin means a restart.
 * ---------------------------------------------------------------------- */

/* Registers the plugin's capabilities with host->register_capability and
 * creates its state. Must have no side effects beyond that (no files,
 * sockets or threads). `self` identifies the plugin in later host calls.
 * RETURNS: PLINTH_OK, or any error status to refuse loading (the host logs
 * out_error and skips the plugin). OWNERSHIP: *out_state belongs to the
 * plugin; *out_error moves to the host. THREADS: [startup-only]. SINCE 1.0 */
typedef plinth_status (*plinth_register_fn)(plinth_plugin *self, const plinth_host_api *host,
                                            void **out_state, plinth_buffer *out_error);

/* Hands the plugin its configuration as versioned JSON:
 * {"v":1,"id":"…","file":"…","data_dir":"…"}; values of environment
 * variables are read with host->config_get.
 * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (bad configuration; out_error says
 * which). OWNERSHIP: config is borrowed; *out_error moves to the host.
 * THREADS: [startup-only]. SINCE 1.0 */
typedef plinth_status (*plinth_configure_fn)(void *state, plinth_str config_json,
                                             plinth_buffer *out_error);

/* Starts background work (connections, threads). Called once after every
 * plugin is configured. RETURNS: PLINTH_OK or an error status (the host
 * logs out_error and disables the plugin's registrations). THREADS:
 * [startup-only]. SINCE 1.0 */
typedef plinth_status (*plinth_start_fn)(void *state, plinth_buffer *out_error);

/* Stops background work before the process exits. Must return within the
 * shutdown timeout. THREADS: [startup-only]. SINCE 1.0 */
typedef void (*plinth_stop_fn)(void *state);

/* What a plugin says about itself. Returned by the entry function; the host
 * validates it before calling any other plugin code. Must stay valid for
 * the process lifetime (use static storage). SINCE 1.0 */
typedef struct plinth_descriptor {
    uint32_t struct_size;    /* sizeof(plinth_descriptor) as compiled */
    uint32_t abi_major;      /* PLINTH_ABI_MAJOR the plugin was built with */
    uint32_t abi_minor;      /* PLINTH_ABI_MINOR the plugin was built with */
    uint32_t kinds;          /* PLINTH_KIND_* bits it registers */
    plinth_str id;           /* unique id, [a-z0-9._-]{1,64}, e.g. "endpoint.server" */
    plinth_str version;      /* the plugin's own version, e.g. "1.2.0" */
    plinth_str toolchain;    /* "swift-6.3.1" for Swift plugins; "" for C, Rust, Zig */
    plinth_str description;  /* one line for humans; may be empty */
    plinth_register_fn register_plugin; /* required */
    plinth_configure_fn configure;      /* optional (NULL) */
    plinth_start_fn start;              /* optional (NULL) */
    plinth_stop_fn stop;                /* optional (NULL) */
} plinth_descriptor;

/* The entry function's name, as a string for dlsym. Its version suffix is
 * the ABI major, so a plugin built for another major is refused: the loader
 * finds no "plinth_extension_v1" in it. SINCE 1.0 */
#define PLINTH_ENTRY_SYMBOL "plinth_extension_v1"

/* The entry function every plugin exports. Returns the static descriptor
 * and does nothing else. THREADS: [startup-only]. SINCE 1.0 */
typedef const plinth_descriptor *(*plinth_entry_fn)(void);
const plinth_descriptor *plinth_extension_v1(void);

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_PLUGIN_H */
