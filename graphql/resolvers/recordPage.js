/**
 * Resolver (pipeline: authorize, readIdentity, queryChanges, completePage) of listRecords and adminListRecords.
 */
export function request() {
    return {};
}

export function response(ctx) {
    return ctx.stash.page;
}
