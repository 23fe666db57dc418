/**
 * Pipeline function (DynamoDB): reads the identity partition I#<identityId> (SyncStoreLayout, "Dataset metadata":
 * a metadata item D#<datasetName> per dataset and the dataset-creation lock L#datasets), only as much of it as the
 * field needs. The LSI liveDatasets holds only the items that carry liveSk (live datasets' metadata and the lock),
 * so what it answers is bounded by the 20-datasets limit however many datasets were deleted:
 *   listDatasets, adminListDatasets  the live datasets and the lock, one consistent Query of liveDatasets;
 *   describeDataset, deleteDataset   the dataset's metadata item, one consistent GetItem;
 *   listRecords, adminListRecords    the live part of the dataset's name range, liveSk D#<name> to D#<name>/, one
 *                                    consistent Query of liveDatasets: its metadata item when it is live, and the
 *                                    datasets named <name>.<identityId> that completePage reports as merged ('/' is
 *                                    no name character, so the range holds only <name> and the names that go on
 *                                    with '-' or '.'); when the dataset is not live, queryChanges reads its metadata
 *                                    item (stash.metaUnread) for the deletion boundary instead of querying records;
 *   pushes, after readRecords (which read the metadata item with the heads): the live datasets and the lock only
 *                                    when an updateRecords or syncDataset with patches, or an importDataset, creates
 *                                    the dataset (none or a deleted metadata item: the 20-datasets limit and the
 *                                    creation lock's version), else the live datasets of the name range for
 *                                    syncDataset (its page reports merged datasets), else no request
 *                                    (runtime.earlyReturn). adminImportDataset, the operator's, never counts
 *                                    datasets nor takes the lock.
 * A pipeline function makes one request and cannot page: a Query whose answer does not fit one DynamoDB page (1 MB)
 * is refused (InternalFailureException) rather than judged on part of it. Every Query here is of liveDatasets, so
 * that takes thousands of live datasets, which the limit forbids.
 * Stash in: identityId, datasetName (optional); pushes: writes, meta. Stash out:
 *   datasets          the metadata items read (the live ones, the name range's, or none)
 *   creations         the creation lock's version, 0 when it was never written or not read
 *   meta              the metadata item of datasetName, or null
 *   metaUnread        listRecords: true when the dataset is not live, so its metadata item (if any) is still unread
 *   live              whether datasetName exists now
 *   baseSyncCount     its stored count (the optimistic lock of the next write), 0 when never written
 *   datasetSyncCount  its count as ListRecords reports it: 0 unless live
 *   deletionBoundary  its generation: devices whose count is above 0 and below it synced before its last
 *                     deletion (0 if never deleted)
 *   partition         the record partition of its current generation (where the next write goes)
 */
import { util, runtime } from '@aws-appsync/utils';

const ONE_ITEM = ['describeDataset', 'deleteDataset'];
const NAME_RANGE = ['listRecords', 'adminListRecords'];
const LIVE_INDEX = 'liveDatasets';

export function request(ctx) {
    const stash = ctx.stash;
    const field = ctx.info?.fieldName;
    stash.datasets = [];
    stash.creations = 0;
    if (stash.writes !== undefined) {
        settle(ctx, stash.meta);
        if (!stash.live && !stash.admin && (ctx.args.input || stash.writes.length > 0)) {
            return partitionQuery(stash, null);
        }
        if (field !== 'syncDataset') {
            runtime.earlyReturn([]);
        }
        return partitionQuery(stash, stash.datasetName);
    }
    if (ONE_ITEM.indexOf(field) >= 0) {
        return {
            operation: 'GetItem',
            key: util.dynamodb.toMapValues({ pk: `I#${stash.identityId}`, sk: `D#${stash.datasetName}` }),
            consistentRead: true,
        };
    }
    return partitionQuery(stash, NAME_RANGE.indexOf(field) >= 0 ? stash.datasetName : null);
}

export function response(ctx) {
    if (ctx.error) {
        util.error(ctx.error.message, ctx.error.type);
    }
    const stash = ctx.stash;
    const oneItem = ONE_ITEM.indexOf(ctx.info?.fieldName) >= 0;
    if (!oneItem && ctx.result.nextToken) {
        util.error('The identity has more dataset metadata than one DynamoDB page holds', 'InternalFailureException');
    }
    const items = oneItem ? [ctx.result].filter((item) => item) : ctx.result.items;
    const datasets = items.filter((item) => item.sk.indexOf('D#') === 0);
    const lock = items.find((item) => item.sk === 'L#datasets');
    stash.datasets = datasets;
    stash.creations = lock === undefined ? 0 : lock.version;
    if (stash.writes === undefined) {
        settle(ctx, datasets.find((item) => item.datasetName === stash.datasetName) ?? null);
        stash.metaUnread = NAME_RANGE.indexOf(ctx.info?.fieldName) >= 0 && !stash.live;
    }
    return datasets;
}

// The identity's live items in liveDatasets (name null), or those of the name's range: D#<name> and the names that go
// on with '-' or '.' (liveSk is the table's sort key of the items that carry it).
function partitionQuery(stash, name) {
    const values = { ':pk': `I#${stash.identityId}` };
    const query = { expression: '#pk = :pk', expressionNames: { '#pk': 'pk' } };
    if (name !== null) {
        query.expression = '#pk = :pk AND #sk BETWEEN :from AND :to';
        query.expressionNames['#sk'] = 'liveSk';
        values[':from'] = `D#${name}`;
        values[':to'] = `D#${name}/`;
    }
    query.expressionValues = util.dynamodb.toMapValues(values);
    return { operation: 'Query', index: LIVE_INDEX, query, consistentRead: true };
}

function settle(ctx, meta) {
    const stash = ctx.stash;
    const live = meta !== null && !meta.deleted;
    // A deletion on AppSync sets generation = the new count; an import from Cognito sets it one above Cognito's
    // count at deletion (Cognito keeps that count), so the generation is the boundary in both cases.
    const deletionBoundary = meta === null ? 0 : meta.generation;
    stash.meta = meta;
    stash.live = live;
    stash.baseSyncCount = meta === null ? 0 : meta.syncCount;
    stash.datasetSyncCount = live ? meta.syncCount : 0;
    stash.deletionBoundary = deletionBoundary;
    stash.partition = `D#${stash.identityId}#${stash.datasetName}#${live ? meta.generation : deletionBoundary}`;
    checkLastSyncCount(ctx.args.lastSyncCount, stash);
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
