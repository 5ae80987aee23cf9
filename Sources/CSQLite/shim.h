#include <sqlite3.h>

/* Extended result codes are function-like macro expressions Swift cannot import. */
enum {
    PLINTH_SQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT_UNIQUE,
    PLINTH_SQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT_PRIMARYKEY,
    PLINTH_SQLITE_CONSTRAINT_NOTNULL = SQLITE_CONSTRAINT_NOTNULL,
    PLINTH_SQLITE_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT_FOREIGNKEY,
};

/* sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's memory statistics:
 * with them on, every allocation takes one process-wide mutex, which serializes concurrent
 * readers. Only effective before SQLite initializes; returns SQLITE_MISUSE after. */
static inline int plinth_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
