/**
 * Resolver of the mutations, all returning a DatasetChange (the onDatasetChanged payload):
 *   updateRecords, adminImportDataset,  authorize, readRecords, readIdentity, readHeads, writePush
 *   importDataset
 *   syncDataset                         authorize, readRecords, readIdentity, readHeads, writePush, queryChanges,
 *                                       completePage
 *   deleteDataset                       authorize, readIdentity, writeDelete
 */
export function request() {
    return {};
}

export function response(ctx) {
    return { ...ctx.stash.change, changes: ctx.stash.page ?? null };
}
