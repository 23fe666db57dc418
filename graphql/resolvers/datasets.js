/**
 * Resolver (pipeline: authorize, readIdentity) of listDatasets, adminListDatasets and describeDataset.
 * Deleted datasets are not listed and not described (ResourceNotFoundException), as in Cognito Sync. readIdentity
 * reads the identity's live datasets (the sparse index liveDatasets) for the lists and only the dataset's metadata
 * item for describeDataset.
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
        return toDataset(stash.meta, stash.identityId);
    }
    return stash.datasets.filter((d) => !d.deleted).map((d) => toDataset(d, stash.identityId));
}

// The store keeps epoch milliseconds; the API's AWSDateTime is ISO 8601 with milliseconds.
function toDataset(meta, identityId) {
    return {
        ...meta,
        identityId,
        creationDate: util.time.epochMilliSecondsToISO8601(meta.creationDate),
        lastModifiedDate: util.time.epochMilliSecondsToISO8601(meta.lastModifiedDate),
    };
}
