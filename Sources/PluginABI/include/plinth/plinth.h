/*
 * plinth/plinth.h — includes every header of the Plinth plugin ABI.
 */
#ifndef PLINTH_PLINTH_H
#define PLINTH_PLINTH_H

#include "plugin.h"
#include "host.h"
#include "http.h"
#include "hooks.h"
#include "storage.h"
#include "sql.h"
#include "auth.h"
#include "operations.h"
#include "transform.h"

#endif /* PLINTH_PLINTH_H */
