/*
 * plinth/transform.h — image transformer plugins, used by /assets for
 * on-the-fly transformations and by uploads for metadata.
 * Capability id: PLINTH_CAP_TRANSFORMER ("plinth.transform/1").
 */
#ifndef PLINTH_TRANSFORM_H
#define PLINTH_TRANSFORM_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An image transformer. Both callbacks are CPU-heavy: register the table
 * with PLINTH_FLAG_MAY_BLOCK. SINCE 1.0 */
typedef struct plinth_transformer_v1 {
    uint32_t struct_size;
    uint32_t flags;     /* PLINTH_FLAG_MAY_BLOCK */
    plinth_str name;    /* e.g. "vips" */
    void *ctx;          /* passed back to every callback */

    /* Reads an image's metadata: {"format","width","height","exif",…}.
     * RETURNS: PLINTH_OK, PLINTH_ERR_UNSUPPORTED (not an image it reads).
     * OWNERSHIP: input borrowed; outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*probe)(void *ctx, plinth_str input, plinth_buffer *out_meta_json,
                           plinth_buffer *out_error);

    /* Transforms an image. params_json is {"v":1,"width","height","fit",
     * "format","quality","withoutEnlargement","focal_point",
     * "transforms":[["blur",2],…]}. *out_meta_json is {"format","width",
     * "height","mime"} of the result.
     * RETURNS: PLINTH_OK; PLINTH_ERR_INVALID (illegal transformation);
     * PLINTH_ERR_UNSUPPORTED; PLINTH_ERR_TOO_LARGE.
     * OWNERSHIP: inputs borrowed; outputs move to the host.
     * THREADS: [any-thread]. SINCE 1.0 */
    plinth_status (*transform)(void *ctx, plinth_str input, plinth_str params_json,
                               plinth_buffer *out_image, plinth_buffer *out_meta_json,
                               plinth_buffer *out_error);
} plinth_transformer_v1;

#ifdef __cplusplus
}
#endif

#endif /* PLINTH_TRANSFORM_H */
