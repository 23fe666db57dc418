/**
 * Pipeline function (DynamoDB): one consistent Query of the identity partition I#<identityId>, which holds the
 * metadata item of every dataset of the identity (SyncStoreLayout, "Dataset metadata") and the identity's
 * dataset-creation lock L#datasets. The Query reads DynamoDB's own page (1 MB, thousands of metadata items); a
 * partition that does not fit is refused rather than judged on part of its datasets (limits, generations), since a
 * pipeline function makes one request and cannot page.
 * Stash in: identityId, datasetName (optional). Stash out:
 *   datasets          every metadata item, deleted ones included
 *   creations         the creation lock's version, 0 when it was never written
 *   meta              the metadata item of datasetName, or null
 *   live              whether datasetName exists now
 *   baseSyncCount     its stored count (the optimistic lock of the next write), 0 when never written
 *   datasetSyncCount  its count as ListRecords reports it: 0 unless live
 *   deletionBoundary  its generation: devices whose count is above 0 and below it synced before its last
 *                     deletion (0 if never deleted)
 *   partition         the record partition of its current generation (where the next write goes)
 */
import { util } from '@aws-appsync/utils';

export function request(ctx) {
    return {
        operation: 'Query',
        query: {
            expression: '#pk = :pk',
            expressionNames: { '#pk': 'pk' },
            expressionValues: util.dynamodb.toMapValues({ ':pk': `I#${ctx.stash.identityId}` }),
        },
        consistentRead: true,
    };
}

export function response(ctx) {
    if (ctx.error) {
        util.error(ctx.error.message, ctx.error.type);
    }
    if (ctx.result.nextToken) {
        util.error('The identity has more dataset metadata than one DynamoDB page holds', 'InternalFailureException');
    }
    const stash = ctx.stash;
    const datasets = ctx.result.items.filter((item) => item.sk.indexOf('D#') === 0);
    const lock = ctx.result.items.find((item) => item.sk === 'L#datasets');
    const meta = datasets.find((item) => item.datasetName === stash.datasetName) ?? null;
    const live = meta !== null && !meta.deleted;
    // A deletion on AppSync sets generation = the new count; an import from Cognito sets it one above Cognito's
    // count at deletion (Cognito keeps that count), so the generation is the boundary in both cases.
    const deletionBoundary = meta === null ? 0 : meta.generation;
    stash.datasets = datasets;
    stash.creations = lock === undefined ? 0 : lock.version;
    stash.meta = meta;
    stash.live = live;
    stash.baseSyncCount = meta === null ? 0 : meta.syncCount;
    stash.datasetSyncCount = live ? meta.syncCount : 0;
    stash.deletionBoundary = deletionBoundary;
    stash.partition = `D#${stash.identityId}#${stash.datasetName}#${live ? meta.generation : deletionBoundary}`;
    checkLastSyncCount(ctx.args.lastSyncCount, stash);
    return datasets;
}

function checkLastSyncCount(lastSyncCount, stash) {
    if (lastSyncCount === undefined || lastSyncCount === null) {
        return;
    }
    if (lastSyncCount < 0) {
        util.error(`1 validation error detected: Value '${lastSyncCount}' at 'lastSyncCount' failed to satisfy `
            + 'constraint: Member must have value greater than or equal to 0', 'InvalidParameterException');
    }
    if (stash.live && lastSyncCount > stash.datasetSyncCount) {
        util.error(`No such SyncCount: ${lastSyncCount} exists for this Dataset`, 'InvalidParameterException');
    }
}
