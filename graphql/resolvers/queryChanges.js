/**
 * Pipeline function (DynamoDB): "records of this dataset with sync count > lastSyncCount", tombstones included,
 * as one strongly consistent Query of the LSI bySyncCount over the current generation's partition. Chunk items
 * carry no syncCount, so only record heads come back. A dataset that does not exist has no records to list; when
 * readIdentity did not read its metadata item (listRecords reads only live datasets: stash.metaUnread), this function
 * reads that item instead, by a consistent GetItem, for its deletion boundary (its generation, 0 when never written).
 * That read is here rather than in a function of its own because a dataset that is not live leaves this function's
 * one request unused, and every listRecords is spared a step.
 * After a syncDataset push from a caller whose lastSyncCount was the dataset's count, the records above it are
 * exactly the heads the push wrote (stash.pushed): they are the page, and no request is made.
 * Stash in: live, partition, metaUnread, pushed. Stash out (when metaUnread): meta, deletionBoundary.
 * Result: { items, nextToken } for completePage.
 */
import { util, runtime } from '@aws-appsync/utils';

const MAX_PAGE = 1024;

export function request(ctx) {
    if (!ctx.stash.live) {
        if (ctx.stash.metaUnread) {
            return {
                operation: 'GetItem',
                key: util.dynamodb.toMapValues({ pk: `I#${ctx.stash.identityId}`, sk: `D#${ctx.stash.datasetName}` }),
                consistentRead: true,
            };
        }
        runtime.earlyReturn({ items: [], nextToken: null });
    }
    const pushed = ctx.stash.pushed;
    if (pushed && ctx.args.lastSyncCount === pushed.over) {
        // syncDataset (no limit, no nextToken; a push holds at most 99 records) from a caller that was up to date:
        // the only records above its count are those this push just wrote, all at the new count (the write was
        // conditioned on the count the caller had). The index orders records of one count in no documented way;
        // these come in the patches' order.
        runtime.earlyReturn({ items: pushed.items, nextToken: null });
    }
    const query = {
        operation: 'Query',
        index: 'bySyncCount',
        query: {
            expression: '#pk = :pk AND #sc > :lastSyncCount',
            expressionNames: { '#pk': 'pk', '#sc': 'syncCount' },
            expressionValues: util.dynamodb.toMapValues({
                ':pk': ctx.stash.partition,
                ':lastSyncCount': ctx.args.lastSyncCount ?? 0,
            }),
        },
        consistentRead: true,
        scanIndexForward: true,
        limit: Math.min(ctx.args.limit ?? MAX_PAGE, MAX_PAGE),
    };
    if (ctx.args.nextToken) {
        query.nextToken = ctx.args.nextToken;
    }
    return query;
}

export function response(ctx) {
    if (ctx.error) {
        const message = (ctx.error.message ?? '').toLowerCase();
        const startKey = ctx.error.type === 'DynamoDB:ValidationException' && message.indexOf('start') >= 0
            && message.indexOf('key') >= 0;
        if (ctx.args.nextToken && (startKey || ctx.error.type === 'MappingTemplate')) {
            // A token of another dataset, identity or generation (the dataset deleted and re-created between two
            // pages): DynamoDB refuses a start key outside the partition queried, so nothing else is read. A token
            // that is none at all fails the request itself (MappingTemplate), which without it is a valid Query.
            util.error(`1 validation error detected: Value '${ctx.args.nextToken}' at 'nextToken' failed to satisfy `
                + 'constraint: Member must be a token returned by this API', 'InvalidParameterException');
        }
        util.error(ctx.error.message, ctx.error.type);
    }
    const stash = ctx.stash;
    if (!stash.live) {
        // As readIdentity's settle: a deleted dataset's generation is its deletion boundary.
        stash.meta = ctx.result ?? null;
        stash.deletionBoundary = stash.meta === null ? 0 : stash.meta.generation;
        stash.metaUnread = false;
        return { items: [], nextToken: null };
    }
    return { items: ctx.result.items, nextToken: ctx.result.nextToken ?? null };
}
