/**
 * Pipeline function (DynamoDB): completes a page of queryChanges into a RecordPage. Record heads whose value is
 * chunked carry only piece 0, so their heads and chunks are read again together in one TransactGetItems (a
 * serializable snapshot: the value and the count belong to the same revision, possibly newer than the query saw,
 * which only means the record changed after lastSyncCount too). No request is made when no value is chunked. A value
 * another device replaced between the query and this read fails a listRecords (read the page again); a syncDataset,
 * whose write is stored by then, has no page instead (changes null: the caller reads the records), so that it
 * succeeds and its change is published.
 * Stash in: identityId, datasetName, datasets (at least the dataset's name range: readIdentity), live,
 * datasetSyncCount (read before the query), deletionBoundary.
 * Stash out: page (the RecordPage).
 */
import { util, runtime } from '@aws-appsync/utils';

const PIECE_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

export function request(ctx) {
    const page = ctx.prev.result;
    ctx.stash.pageItems = page.items;
    ctx.stash.pageNextToken = page.nextToken;
    const keys = [];
    page.items.filter(isChunked).forEach((head) => {
        keys.push({ pk: head.pk, sk: head.sk });
        piecesAfterFirst(head).forEach((p) => keys.push({ pk: head.pk, sk: `C#${p}#${head.sk}` }));
    });
    if (keys.length === 0) {
        ctx.stash.page = assemble(ctx, page.items);
        runtime.earlyReturn(ctx.stash.page);
    }
    if (keys.length > 100) {
        util.error('Too many large values on one page; ask for a smaller limit', 'LimitExceededException');
    }
    return {
        operation: 'TransactGetItems',
        transactItems: keys.map((key) => ({ table: ctx.env.SYNCSHIFT_TABLE, key: util.dynamodb.toMapValues(key) })),
    };
}

export function response(ctx) {
    if (ctx.error) {
        util.error(ctx.error.message, ctx.error.type);
    }
    const fetched = {};
    ctx.result.items.filter((item) => item).forEach((item) => {
        fetched[item.sk] = item;
    });
    const items = ctx.stash.pageItems.map((item) => (isChunked(item) ? joined(fetched, item.sk) : item));
    if (items.filter((item) => item === null).length > 0) {
        if (ctx.stash.change) {
            ctx.stash.page = null;
            return null;
        }
        const changed = ctx.stash.pageItems.find((item, i) => items[i] === null);
        util.error(`Record ${changed.key} changed while it was read; read the page again`,
            'ConcurrentModificationException');
    }
    ctx.stash.page = assemble(ctx, items);
    return ctx.stash.page;
}

function isChunked(item) {
    return !item.deleted && (item.chunks ?? 1) > 1;
}

function piecesAfterFirst(head) {
    return PIECE_SLOTS.filter((p) => p < head.chunks);
}

function joined(fetched, sk) {
    const head = fetched[sk];
    if (!isChunked(head)) {
        return head;
    }
    const pieces = [head.value];
    const chunks = piecesAfterFirst(head).map((p) => fetched[`C#${p}#${sk}`]);
    if (chunks.filter((chunk) => !chunk || chunk.revision !== head.syncCount).length > 0) {
        return null; // changed while it was read
    }
    chunks.forEach((chunk) => pieces.push(chunk.value));
    return { ...head, value: pieces.join(''), chunks: 1 };
}

function assemble(ctx, items) {
    const stash = ctx.stash;
    const lastSyncCount = ctx.args.lastSyncCount ?? 0;
    const merged = stash.datasets
        .filter((d) => !d.deleted && isMergedCopy(stash.datasetName, d.datasetName))
        .map((d) => d.datasetName);
    return {
        identityId: stash.identityId,
        datasetName: stash.datasetName,
        records: items.map(toRecord),
        nextToken: stash.pageNextToken,
        datasetSyncCount: stash.datasetSyncCount,
        datasetExists: stash.live,
        datasetDeletedAfterRequestedSyncCount: lastSyncCount > 0 && lastSyncCount < stash.deletionBoundary,
        mergedDatasetNames: merged.length > 0 ? merged : null,
    };
}

// <datasetName>.<identityId>: identity ids ([\w-]+:[0-9a-f-]+) have a colon and no dot.
function isMergedCopy(name, other) {
    const rest = other.slice(name.length + 1);
    return other.indexOf(`${name}.`) === 0 && rest.indexOf(':') > 0 && rest.indexOf('.') < 0;
}

function toRecord(item) {
    return {
        key: item.key,
        value: item.deleted ? null : item.value,
        syncCount: item.syncCount,
        deleted: item.deleted === true,
        lastModifiedDate: util.time.epochMilliSecondsToISO8601(item.lastModifiedDate),
        lastModifiedBy: item.lastModifiedBy,
        deviceLastModifiedDate: isoOrNull(item.deviceLastModifiedDate),
    };
}

// The store keeps epoch milliseconds; the API's AWSDateTime is ISO 8601 with milliseconds.
function isoOrNull(epochMillis) {
    return epochMillis === undefined || epochMillis === null ? null : util.time.epochMilliSecondsToISO8601(epochMillis);
}
