/// The Directus migrations Plinth implements: every one after Directus 9's 20220826A up to Directus 11.17.
///
/// Each does to the schema and the data what Directus's own migration does on SQLite and PostgreSQL
/// (branches for other vendors are left out), expressed as dialect-free plans. Each reads what it
/// needs first and then makes all its changes in one batch, so a failure leaves the database at the
/// previous version. A database at any version in between is brought forward by the ones it has
/// not recorded, in this order.
enum Migrations {
    /// In version order; `DirectusMigrations.all` names them.
    static let all: [Migration] = [
        updateMaterialIcons,            // 20230401A
        addPreviewSettings,             // 20230525A
        migrateTranslationStrings,      // 20230526A
        requireSharesFields,            // 20230721A
        addContentVersioning,           // 20230823A
        themes,                         // 20230927A
        updateCSVFieldsToText,          // 20231009A
        updatePanelOptions,             // 20231009B
        addExtensions,                  // 20231010A
        addFocalpoints,                 // 20231215A
        addReportURLFields,             // 20240122A
        marketplace,                    // 20240204A
        changeUseragentType,            // 20240305A
        deprecateWebhooks,              // 20240311A
        publicRegistration,             // 20240422A
        addSessionWindow,               // 20240515A
        addTusData,                     // 20240701A
        updateFilesDateFields,          // 20240716A
        permissionsPolicies,            // 20240806A
        updateIconFieldsLength,         // 20240817A
        separateComments,               // 20240909A
        consolidateContentVersioning,   // 20240909B
        migrateLegacyComments,          // 20240924A
        populateVersioningDeltas,       // 20240924B
        visualEditor,                   // 20250224A
        licenseBanner,                  // 20250609A
        addProjectID,                   // 20250613A
        addDirection,                   // 20250718A
        addMCP,                         // 20250813A
        addFieldSearchable,             // 20251012A
        addProjectOwner,                // 20251014A
        addRetentionIndexes,            // 20251028A
        addAISettings,                  // 20251103A
        removeWebhooks,                 // 20251224A
        addAIProviderSettings,          // 20260110A
        addRevisionsIndex,              // 20260113A
        addCollaborativeEditing,        // 20260128A
        addDeployment,                  // 20260204A
        addDeploymentWebhooks,          // 20260211A
    ]
}
