/**
 * Pipeline function (DynamoDB), after readRecords and readIdentity in the pushes: reads the written records' heads
 * in the dataset's current generation (one TransactGetItems) when readRecords could not read them next to the
 * metadata item: the dataset's generation is not 0 (it was deleted once), or the push writes 100 records and
 * leaves no slot for the metadata. Otherwise no request (runtime.earlyReturn).
 * Stash in: writes, partition, headsPartition, stored. Stash out: stored [head item or null, aligned with writes].
 */
import { util, runtime } from '@aws-appsync/utils';

export function request(ctx) {
    const stash = ctx.stash;
    if (stash.writes.length === 0 || stash.headsPartition === stash.partition) {
        stash.stored = stash.stored ?? [];
        runtime.earlyReturn(stash.stored);
    }
    return {
        operation: 'TransactGetItems',
        transactItems: stash.writes.map((write) => ({
            table: ctx.env.SYNCSHIFT_TABLE,
            key: util.dynamodb.toMapValues({ pk: stash.partition, sk: write.sk }),
        })),
    };
}

export function response(ctx) {
    if (ctx.error) {
        util.error(ctx.error.message, ctx.error.type);
    }
    ctx.stash.stored = ctx.result.items.map((item) => item ?? null);
    ctx.stash.headsPartition = ctx.stash.partition;
    return ctx.stash.stored;
}
