/**
 * Pipeline function (DynamoDB): deleteDataset as one conditional UpdateItem of the metadata item
 * (SyncStoreLayout, "Generations"): deleted, count + 1, generation = that count, no records, no bytes, and out of the
 * LSI liveDatasets (liveSk removed), so listing and counting the identity's datasets no longer reads it; copiedUpTo
 * (the mark of an unfinished copy-mode import, writePush) goes too. The records
 * of the old generation stay in their partition, which no reader looks at again; a re-created dataset starts in
 * a new partition with counts above the deletion, so devices that synced before it learn of the deletion.
 * Stash in: identityId, datasetName, meta, live, now, by. Stash out: change.
 */
import { util } from '@aws-appsync/utils';

export function request(ctx) {
    const stash = ctx.stash;
    if (!stash.live) {
        util.error(`Dataset ${stash.datasetName} does not exist`, 'ResourceNotFoundException');
    }
    const next = stash.meta.syncCount + 1;
    stash.deletedAt = next;
    return {
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ pk: `I#${stash.identityId}`, sk: `D#${stash.datasetName}` }),
        update: {
            expression: 'SET #deleted = :true, #sc = :next, #generation = :next, #numRecords = :zero, '
                + '#dataStorage = :zero, #lastModifiedDate = :now, #lastModifiedBy = :by REMOVE #liveSk, #copiedUpTo, '
                + '#firstCopyUpTo',
            expressionNames: {
                '#deleted': 'deleted',
                '#sc': 'syncCount',
                '#generation': 'generation',
                '#numRecords': 'numRecords',
                '#dataStorage': 'dataStorage',
                '#lastModifiedDate': 'lastModifiedDate',
                '#lastModifiedBy': 'lastModifiedBy',
                '#liveSk': 'liveSk',
                '#copiedUpTo': 'copiedUpTo',
                '#firstCopyUpTo': 'firstCopyUpTo',
            },
            expressionValues: util.dynamodb.toMapValues({
                ':true': true, ':next': next, ':zero': 0, ':now': stash.now, ':by': stash.by,
            }),
        },
        condition: {
            expression: '#expectedCount = :expected AND #expectedDeleted = :false',
            expressionNames: { '#expectedCount': 'syncCount', '#expectedDeleted': 'deleted' },
            expressionValues: util.dynamodb.toMapValues({ ':expected': stash.meta.syncCount, ':false': false }),
        },
    };
}

export function response(ctx) {
    const stash = ctx.stash;
    if (ctx.error) {
        if (ctx.error.type.indexOf('ConditionalCheckFailed') >= 0) {
            util.error(`Dataset ${stash.datasetName} changed while it was being deleted; try again`,
                'ResourceConflictException');
        }
        util.error(ctx.error.message, ctx.error.type);
    }
    stash.change = {
        identityId: stash.identityId,
        datasetName: stash.datasetName,
        datasetSyncCount: stash.deletedAt,
        deleted: true,
        records: null,
    };
    return stash.change;
}
