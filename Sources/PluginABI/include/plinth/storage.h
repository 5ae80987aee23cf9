/*
 * plinth/storage.h — storage driver plugins: where file bytes live
 * (STORAGE_LOCATIONS, STORAGE_<LOCATION>_DRIVER).
 * Capability id: PLINTH_CAP_STORAGE ("plinth.storage/1").
 *
 * Paths are relative keys inside one location ("abc.jpg",
 * "folder/abc.jpg"), never absolute; a driver refuses ".." segments with
 * PLINTH_ERR_INVALID. Every callback may block: register the table with
 * PLINTH_FLAG_MAY_BLOCK unless the driver is purely in-memory.
 */
#ifndef PLINTH_STORAGE_H
#define PLINTH_STORAGE_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A storage driver. `disk` is the driver's state for one configured
 * location; `writer` is one upload in progress. SINCE 1.0 */
typedef struct plinth_storage_v1 {
    uint32_t struct_size;
    uint32_t flags;      /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str driver;   /* the STORAGE_<LOCATION>_DRIVER value it serves: "local", "s3", … */
    void *ctx;           /* passed back to every callback */

    /* Opens one location. options_json is {"v":1,"location":"local",
     * "options":{"root":"./uploads",…}} built from STORAGE_<LOCATION>_*.
     * RETURNS: PLINTH_OK, PLINTH_ERR_INVALID (bad options),
     * PLINTH_ERR_UNAVAILABLE. OWNERSHIP: *out_disk is the driver's;
     * *out_error moves to the host. THREADS: [startup-only]. SINCE 1.0 */
    plinth_status (*open)(void *ctx, plinth_str options_json, void **out_disk,
                          plinth_buffer *out_error);

    /* Releases a location at shutdown. THREADS: [startup-only]. SINCE 1.0 */
    void (*close)(void *ctx, void *disk);

    /* Describes a file: {"size":N,"modified":"<ISO-8601>"}.
     * RETURNS: PLINTH_OK, PLINTH_ERR_NOT_FOUND, PLINTH_ERR_IO.
     * OWNERSHIP: path borrowed; outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*stat)(void *ctx, void *disk, plinth_str path, plinth_buffer *out_json,
                          plinth_buffer *out_error);

    /* Reads up to `length` bytes from `offset` (UINT64_MAX = to the end).
     * Fewer bytes than asked means the end of the file was reached.
     * RETURNS: PLINTH_OK, PLINTH_ERR_NOT_FOUND, PLINTH_ERR_IO.
     * OWNERSHIP: path borrowed; outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*read)(void *ctx, void *disk, plinth_str path, uint64_t offset,
                          uint64_t length, plinth_buffer *out_data, plinth_buffer *out_error);

    /* Starts writing a file; nothing is visible at `path` until
     * write_finish commits. RETURNS: PLINTH_OK, PLINTH_ERR_INVALID,
     * PLINTH_ERR_IO. OWNERSHIP: *out_writer is the driver's until
     * write_finish. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*write_begin)(void *ctx, void *disk, plinth_str path, void **out_writer,
                                 plinth_buffer *out_error);

    /* Appends bytes to a file being written. RETURNS: PLINTH_OK,
     * PLINTH_ERR_IO. OWNERSHIP: data borrowed. THREADS: the thread that
     * owns the writer, one call at a time. SINCE 1.0 */
    plinth_status (*write_chunk)(void *ctx, void *writer, plinth_str data,
                                 plinth_buffer *out_error);

    /* Commits (commit=true) or abandons (false) a write; the writer is
     * invalid afterwards. RETURNS: PLINTH_OK, PLINTH_ERR_IO. SINCE 1.0 */
    plinth_status (*write_finish)(void *ctx, void *writer, bool commit, plinth_buffer *out_error);

    /* Deletes a file. Deleting a missing file is PLINTH_OK.
     * RETURNS: PLINTH_OK, PLINTH_ERR_IO. THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*remove)(void *ctx, void *disk, plinth_str path, plinth_buffer *out_error);

    /* Lists keys under a prefix as a JSON array of strings.
     * RETURNS: PLINTH_OK, PLINTH_ERR_IO. OWNERSHIP: outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*list)(void *ctx, void *disk, plinth_str prefix, plinth_buffer *out_json,
                          plinth_buffer *out_error);
} plinth_storage_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_STORAGE_H */
