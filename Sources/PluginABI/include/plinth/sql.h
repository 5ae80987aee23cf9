/*
 * plinth/sql.h — SQL driver plugins. The host knows no SQL dialect: it
 * hands a driver a dialect-free plan as versioned JSON (reads, writes, DDL;
 * docs/plugins/sql-driver.md defines it) and gets JSON results back.
 * Capability id: PLINTH_CAP_SQL_DRIVER ("plinth.sql/1").
 *
 * Errors: *out_error holds JSON {"kind","message","table","column",
 * "constraint","value"} where kind is one of "unique", "foreign_key",
 * "not_null", "too_long", "out_of_range", "invalid_text", "connection",
 * "syntax", "other". The host maps kinds to Directus error codes and never
 * shows a raw database message to non-admins.
 *
 * Every callback blocks: register the table with PLINTH_FLAG_MAY_BLOCK.
 */
#ifndef PLINTH_SQL_H
#define PLINTH_SQL_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A SQL driver. `db` is one connection pool; `tx` one transaction holding
 * one connection. SINCE 1.0 */
typedef struct plinth_sql_driver_v1 {
    uint32_t struct_size;
    uint32_t flags;      /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str client;   /* DB_CLIENT values served, comma-separated: "sqlite3" or "pg,postgres" */
    void *ctx;           /* passed back to every callback */

    /* Opens a database. config_json is {"v":1,"client","filename","host",
     * "port","database","user","password","connection_string",
     * "pool":{"min","max"},"ssl":{…}}.
     * RETURNS: PLINTH_OK; PLINTH_ERR_UNAVAILABLE (cannot connect: out_error
     * names host, port and database); PLINTH_ERR_INVALID (bad config).
     * OWNERSHIP: *out_db is the driver's; *out_error moves to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*open)(void *ctx, plinth_str config_json, void **out_db,
                          plinth_buffer *out_error);

    /* Closes a database and its connections. THREADS: [startup-only].
     * SINCE 1.0 */
    void (*close)(void *ctx, void *db);

    /* Starts a transaction on a pooled connection. options_json is
     * {"v":1,"schema":true} for a transaction that will change tables (SQLite
     * then turns foreign keys off until it ends, so tables can be rebuilt,
     * and checks every foreign key before committing); empty or {} otherwise.
     * RETURNS: PLINTH_OK, PLINTH_ERR_UNAVAILABLE, PLINTH_ERR_TIMEOUT.
     * OWNERSHIP: options borrowed; *out_tx is the driver's until commit or
     * rollback. THREADS: [any-thread]; a tx is used by one thread at a time.
     * SINCE 1.0 */
    plinth_status (*begin)(void *ctx, void *db, plinth_str options_json, void **out_tx, plinth_buffer *out_error);

    /* Commits and releases a transaction; `tx` is invalid afterwards, also
     * on error (the driver rolls back). RETURNS: PLINTH_OK or the error of
     * the failing statement. SINCE 1.0 */
    plinth_status (*commit)(void *ctx, void *tx, plinth_buffer *out_error);

    /* Rolls back and releases a transaction; `tx` is invalid afterwards.
     * RETURNS: PLINTH_OK, PLINTH_ERR_IO. SINCE 1.0 */
    plinth_status (*rollback)(void *ctx, void *tx, plinth_buffer *out_error);

    /* Runs one plan, inside `tx` or, with tx NULL, in its own implicit
     * transaction. *out_result is the plan's JSON result in its final
     * shape (docs/plugins/sql-driver.md).
     * RETURNS: PLINTH_OK; PLINTH_ERR_INVALID (malformed plan);
     * PLINTH_ERR_REJECTED (constraint violation, see the error kinds);
     * PLINTH_ERR_UNAVAILABLE; PLINTH_ERR_FAILED.
     * OWNERSHIP: plan borrowed; outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*execute)(void *ctx, void *db, void *tx, plinth_str plan_json,
                             plinth_buffer *out_result, plinth_buffer *out_error);

    /* Describes the database: tables, columns, types, defaults,
     * nullability, keys, unique constraints, indexes and foreign keys, as
     * JSON (docs/plugins/sql-driver.md). RETURNS: PLINTH_OK, PLINTH_ERR_UNAVAILABLE.
     * OWNERSHIP: outputs move to the host. THREADS: [any-thread].
     * SINCE 1.0 */
    plinth_status (*introspect)(void *ctx, void *db, void *tx, plinth_buffer *out_json,
                                plinth_buffer *out_error);
} plinth_sql_driver_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_SQL_H */
