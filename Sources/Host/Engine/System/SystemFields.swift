// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

/// The directus_fields rows of the system collections, as Directus 11.17.4 ships them in code.
///
/// Transcribed from `packages/system-data/src/fields/*.yaml` the way `fields/index.ts` loads them: each field is
/// `_defaults.yaml` overlaid with the field, `collection` is the file's `table` and `sort` its 1-based position in
/// the file; keys follow the column order of directus_fields (`id`, `validation` and `validation_message`, which
/// neither sets, are null), then `system: true`.
enum SystemFields {
    /// One meta row per system field, collection by collection in the order `fields/index.ts` loads the files.
    static let all: [JSONObject] = [
        access,
        activity,
        collections,
        comments,
        dashboards,
        extensions,
        fields,
        files,
        flows,
        folders,
        migrations,
        notifications,
        operations,
        panels,
        permissions,
        policies,
        presets,
        relations,
        revisions,
        roles,
        sessions,
        settings,
        shares,
        translations,
        users,
        versions,
        deployments,
        deploymentProjects,
        deploymentRuns,
    ].flatMap { $0 }
}
