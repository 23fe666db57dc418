/**
 * Resolver (pipeline: authorize, readIdentity) of listDatasets, adminListDatasets and describeDataset.
 * Deleted datasets are not listed and not described (ResourceNotFoundException), as in Cognito Sync.
 */
import { util } from '@aws-appsync/utils';

export function request() {
    return {};
}

export function response(ctx) {
    const stash = ctx.stash;
    if (ctx.info.fieldName === 'describeDataset') {
        if (!stash.live) {
            util.error(`Dataset ${stash.datasetName} does not exist`, 'ResourceNotFoundException');
        }
        return { ...stash.meta, identityId: stash.identityId };
    }
    return stash.datasets.filter((d) => !d.deleted).map((d) => ({ ...d, identityId: stash.identityId }));
}
