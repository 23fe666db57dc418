/**
 * Pipeline function (DynamoDB): the all-or-nothing write of updateRecords, syncDataset, adminImportDataset and
 * importDataset as one TransactWriteItems (SyncStoreLayout, "Atomic writes"):
 *   - the dataset metadata item, conditioned on the count read by readRecords (syncCount = :expected, or absent):
 *     the optimistic lock that serializes writers of a dataset, so no update is lost and no count skipped (with
 *     copiedUpTo, below, which parts of a copy-mode import change instead of the count); being live, it carries
 *     liveSk (its sort key), which puts it in the LSI liveDatasets;
 *   - per record a head Put conditioned on its stored count (or absence), a Put per value chunk, and a Delete per
 *     chunk the previous value had beyond the new piece count.
 * Push: each patch's count must equal the stored one (0 for a new key), else ResourceConflictException with the
 * server's records; a syncDataset push whose lastSyncCount predates the dataset's last deletion is stale too
 * (reason DatasetDeleted); the dataset count rises by one (from copiedUpTo when an unfinished copy-mode import set
 * it, which the push takes off; it keeps firstCopyUpTo, a first copy's mark) and is stamped on every patched record,
 * and the dataset is marked renumbered (its counts are the store's own from now on, never again taken for Cognito's).
 * 1,024 live records, 1 MB and 20 datasets are enforced
 * (LimitExceededException) on every write but the operator's adminImportDataset: a device's importDataset writes
 * what the device sends. Import (admin): records keep their Cognito counts; records the store has at an equal or
 * newer count are skipped; the dataset count becomes the largest of both and copiedUpTo.
 * Creating a dataset also bumps the identity's creation lock (L#datasets, also in liveDatasets), conditioned on the
 * version readIdentity read with the identity's live datasets (it reads them only for such a push).
 * Cutover import (importDataset, the caller's own identity; docs/compat-client.md "Cutover"): Cognito changes
 * (W, C'] applied under the source-watermark condition, in copy mode (store count T = W: Cognito counts kept in
 * every part, earlier parts leaving the count at W and marking copiedUpTo) or revision mode (T > W: one new
 * revision T+1, two-sided changes settled by the later lastModifiedDate, ties to the store); content-equal records
 * are skipped, so a repeated import changes nothing but what it must. A key is two-sided when its stored count is
 * above importedAt, the dataset count right after the import that last moved the watermark (which every such import
 * sets and every other write keeps): once the store renumbered, its counts and Cognito's are different spaces. Every
 * import marks the heads it writes imported (Cognito's changes, for the migrator: both versions dated by Cognito, the
 * later-date rule here needs no mark); a push writes heads without it (docs/store-layout.md).
 * While a write-back mark stands (writeBackFrom, writeBackOver: SyncStoreLayout, WriteBackMark; every write here
 * keeps it and is conditioned on it), a Cognito record above writeBackFrom written by someone other than the identity
 * (developer credentials) is not applied over a store record above writeBackOver, in either mode: it may be the
 * write-back's own copy, dated at that write, of a value a device pushed since.
 * Stash in: identityId, datasetName, meta, live, datasets, creations, baseSyncCount, deletionBoundary, partition,
 * writes, stored, now, by. Stash out: change (the DatasetChange), live, datasetSyncCount; for syncDataset, pushed
 * (the count the push was conditioned on and the head items it wrote, for queryChanges).
 */
import { util, runtime } from '@aws-appsync/utils';

// A head is copied whole into the LSI (projection ALL) and DynamoDB's 400 KB covers an item plus its LSI entries,
// so a piece holds at most 65,536 UTF-16 units: 192 KB of UTF-8 (SyncStoreLayout.CHUNK_UNITS).
const CHUNK_UNITS = 65536;
const PIECE_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const MAX_RECORDS = 1024;
const MAX_BYTES = 1048576;
const MAX_DATASETS = 20;
const MAX_ACTIONS = 100;
// The API's counts are GraphQL Ints (32-bit; Cognito Sync's are 64-bit): a count above 2^31 - 1 would fail every read
// of the dataset, listDatasets too. Writes stop one below it, so that the dataset's deletion (count + 1) still fits.
const MAX_SYNC_COUNT = 2147483646;
// Cancellation reason types (ctx.result.cancellationReasons[i].type) meaning another writer got there first: a failed
// condition, which AppSync's TransactWriteItems reference shows as ConditionCheckFailed while DynamoDB's own code is
// ConditionalCheckFailed (both are taken), and DynamoDB's TransactionConflict.
const CONCURRENT = ['ConditionCheckFailed', 'ConditionalCheckFailed', 'TransactionConflict'];

export function request(ctx) {
    const stash = ctx.stash;
    const plan = planFor(ctx);
    checkSyncCount(stash, plan);
    if (plan.records.length === 0 && !plan.input) {
        stash.change = change(stash, stash.datasetSyncCount, []);
        runtime.earlyReturn(stash.change);
    }
    const totals = totalsAfter(stash, plan.records);
    if (!stash.admin) {
        // An import's earlier part may pass a limit on the way to a last part within it (a value shrunk or a record
        // removed in a later part): it is held to twice the limits, which no import from a state within them to
        // another can pass (each part adds at most what its keys hold at the end), and the last part to the limits.
        const earlier = plan.input && plan.input.final === false;
        checkLimits(stash, totals, earlier ? 2 : 1);
        if (earlier && plan.input.later) {
            // What the later parts change, as the caller computed it against the store: the import's end state is held
            // to the limits now, so an import that would end over them is refused before any of its parts is written.
            const later = plan.input.later;
            checkLimits(stash, { numRecords: totals.numRecords + later.records,
                dataStorage: totals.dataStorage + later.bytes }, 1);
        }
    }
    const table = ctx.env.SYNCSHIFT_TABLE;
    const actions = [metaAction(table, stash, plan, totals)];
    stash.createsDataset = !stash.live && !stash.admin;
    if (stash.createsDataset) {
        actions.push(creationLockAction(table, stash));
    }
    const heads = plan.records.map(headOf);
    plan.records.forEach((record, i) => recordActions(table, stash.partition, record, heads[i])
        .forEach((action) => actions.push(action)));
    if (actions.length > MAX_ACTIONS) {
        util.error(`This push needs ${actions.length} DynamoDB writes, more than the ${MAX_ACTIONS} one transaction `
            + 'allows; push fewer records at a time', 'LimitExceededException');
    }
    stash.plan = { syncCount: plan.syncCount, records: plan.records.map(recordOut) };
    if (ctx.info.fieldName === 'syncDataset' && (stash.live || stash.meta === null) && copiedUpTo(stash.meta) === 0) {
        // What queryChanges would read back for a caller that was up to date: the heads written here (whole items,
        // as the write replaces them) with their whole values, so that neither it nor completePage need ask DynamoDB
        // (a value in pieces read after the write could be another device's already). Not while an unfinished
        // copy-mode import left records above the count.
        stash.pushed = {
            over: stash.baseSyncCount,
            items: plan.records.map((record, i) => ({
                pk: stash.partition, sk: record.sk, ...heads[i].attributes, value: record.value, chunks: 1,
            })),
        };
    }
    return { operation: 'TransactWriteItems', transactItems: actions };
}

export function response(ctx) {
    const stash = ctx.stash;
    if (ctx.error) {
        const lost = (ctx.result?.cancellationReasons ?? [])
            .map((r) => CONCURRENT.indexOf(r?.type) >= 0);
        if (lost.some((failed) => failed)) {
            // Only the creation lock (the second action) moved: another dataset of the identity was created at the
            // same moment, this one is as it was read, and the same push sent again holds.
            if (stash.createsDataset && lost.every((failed, i) => failed === (i === 1))) {
                util.error(`Another dataset of this identity was created while ${stash.datasetName} was; push again`,
                    'ResourceConflictException', change(stash, stash.datasetSyncCount, []),
                    { reason: 'ConcurrentCreation' });
            }
            util.error(`Dataset ${stash.datasetName} changed while this push was applied; list its records and `
                + 'push again', 'ResourceConflictException', change(stash, stash.datasetSyncCount, []),
            { reason: 'ConcurrentUpdate' });
        }
        util.error(ctx.error.message, ctx.error.type);
    }
    stash.change = change(stash, stash.plan.syncCount, stash.plan.records);
    stash.live = true;
    stash.datasetSyncCount = stash.plan.syncCount;
    return stash.change;
}

function planFor(ctx) {
    if (ctx.info.fieldName === 'importDataset') {
        return cutoverPlan(ctx.stash, ctx.args.input);
    }
    return ctx.stash.admin ? importPlan(ctx.stash, ctx.args.input) : pushPlan(ctx.stash, ctx.args.lastSyncCount);
}

// lastSyncCount: syncDataset's (the count the caller last synchronized at), undefined for updateRecords.
function pushPlan(stash, lastSyncCount) {
    refuseDeletedSince(stash, lastSyncCount);
    const conflicts = stash.writes.filter((write, i) => countOf(stash.stored[i]) !== write.syncCount);
    if (conflicts.length > 0) {
        const first = conflicts[0];
        const server = countOf(stash.stored[stash.writes.indexOf(first)]);
        const records = stash.stored.filter((item, i) => conflicts.indexOf(stash.writes[i]) >= 0 && item !== null);
        util.error(`Current SyncCount for: ${first.key} is: ${server} not: ${first.syncCount}`,
            'ResourceConflictException', change(stash, stash.datasetSyncCount, records.map(recordOut)),
            { conflictingKeys: conflicts.map((c) => c.key) });
    }
    // Above any record an unfinished copy-mode import stored above the count, so no count handed out can hide one.
    const next = Math.max(stash.baseSyncCount, copiedUpTo(stash.meta)) + 1;
    return {
        syncCount: next,
        records: stash.writes.map((write, i) => planned(write, stash.stored[i], next)),
        renumbered: true,
    };
}

// A syncDataset push from a caller that synchronized before the dataset's last deletion (the rule of listRecords'
// datasetDeletedAfterRequestedSyncCount, re-created since or not) is stale, new keys included: the caller must learn
// of the deletion first, as Cognito Sync's clients do by pulling before they push. updateRecords carries no count
// and keeps UpdateRecords' semantics (new keys re-create the dataset).
function refuseDeletedSince(stash, lastSyncCount) {
    const since = lastSyncCount ?? 0;
    if (stash.writes.length > 0 && since > 0 && since < stash.deletionBoundary) {
        util.error(`Dataset ${stash.datasetName} was deleted after SyncCount ${since}; list its records before `
            + 'pushing', 'ResourceConflictException', change(stash, stash.datasetSyncCount, []),
        { reason: 'DatasetDeleted' });
    }
}

function importPlan(stash, input) {
    const records = [];
    stash.writes.forEach((write, i) => {
        const stored = stash.stored[i];
        if (stored === null || stored.syncCount < write.syncCount) {
            records.push({ ...planned(write, stored, write.syncCount), imported: true });
        }
    });
    const watermark = Math.max(stash.meta?.sourceWatermark ?? 0, input.datasetSyncCount);
    const syncCount = Math.max(stash.baseSyncCount, input.datasetSyncCount, copiedUpTo(stash.meta));
    const moved = watermark !== (stash.meta?.sourceWatermark ?? null);
    return { syncCount, records, watermark, input, importedAt: moved ? syncCount : undefined };
}

// importDataset: the metadata Put is conditioned on the state the caller's import starts from (cutoverCondition), so
// nobody applies a Cognito change twice. Copy mode keeps Cognito's counts in every part: an earlier part leaves the
// count at W (the next part is still in copy mode) and records copiedUpTo; the last part sets count and watermark.
function cutoverPlan(stash, input) {
    const from = input.sourceWatermark;
    checkImportInput(input, from);
    const meta = stash.meta;
    const gone = meta?.deleted || deletedHere(meta);
    if ((meta === null && from !== 0) || (meta !== null && (gone || (meta.sourceWatermark ?? 0) !== from))) {
        util.error(`Dataset ${stash.datasetName} is not at source watermark ${from}; read it again`,
            'ResourceConflictException', null, { reason: gone ? 'DatasetDeleted' : 'WatermarkMoved' });
    }
    const count = stash.baseSyncCount;
    const copy = count === from && meta?.renumbered !== true;
    const records = [];
    stash.writes.forEach((write, i) => {
        const stored = stash.stored[i];
        if ((stored !== null && sameVersion(stored, write)) || writtenBackOver(meta, stored, write, stash.identityId)) {
            return;
        }
        if (copy) {
            // A newer Cognito version stored by another copy of a later read is kept.
            if (stored === null || stored.syncCount <= write.syncCount) {
                records.push({ ...planned(write, stored, write.syncCount), imported: true });
            }
            return;
        }
        // Written on AppSync since the import that last moved the watermark: above importedAt. Without it (an older
        // store) the counts are taken for Cognito's, as before.
        const changedHere = stored !== null && stored.syncCount > (meta?.importedAt ?? from);
        if (!changedHere || write.date > stored.lastModifiedDate) {
            records.push({ ...planned(write, stored, count + 1), imported: true });
        }
    });
    const last = input.final !== false;
    const plan = {
        syncCount: count + (records.length > 0 ? 1 : 0),
        records,
        watermark: last ? input.datasetSyncCount : from,
        input,
        condition: cutoverCondition(meta, count, from),
        renumbered: !copy,
    };
    if (copy) {
        const highest = records.reduce((max, r) => Math.max(max, r.syncCount), copiedUpTo(meta));
        plan.syncCount = last ? Math.max(input.datasetSyncCount, highest) : count;
        plan.copiedUpTo = !last && highest > count ? highest : undefined;
        // A first copy's mark that no push takes off (firstCopyUpTo, below): the highest count it stored.
        plan.firstCopyUpTo = !last && from === 0 ? Math.max(highest, firstCopyUpTo(meta)) : undefined;
        // Every part of a copy-mode import heads for Cognito's count: one the last part could not store, none may.
        plan.endsAt = input.datasetSyncCount;
    }
    // The last part moves the watermark: the store has caught up with Cognito at this count.
    plan.importedAt = last ? plan.syncCount : undefined;
    return plan;
}

// Deleted on AppSync since the last import (its generation began above the count that import left): left, as a
// deletion on Cognito is, to the migrator, which settles it against Cognito's changes by its policy.
function deletedHere(meta) {
    const since = meta?.importedAt ?? null;
    return since !== null && meta.generation > Math.max(since, firstCopyUpTo(meta));
}

function checkImportInput(input, from) {
    if (from < 0 || input.datasetSyncCount <= from) {
        util.error(`1 validation error detected: datasetSyncCount ${input.datasetSyncCount} must be greater than `
            + `sourceWatermark ${from}, which must not be negative`, 'InvalidParameterException');
    }
    const outside = input.records.filter((r) => r.syncCount <= from || r.syncCount > input.datasetSyncCount);
    if (outside.length > 0) {
        util.error(`Record ${outside[0].key} has SyncCount ${outside[0].syncCount}, outside (${from}, `
            + `${input.datasetSyncCount}]`, 'InvalidParameterException');
    }
}

// The same change: value (or removal), server date and writer agree. A chunked head holds piece 0 only.
function sameVersion(stored, write) {
    const storedValue = stored.deleted ? null : stored.value;
    const writtenValue = write.value === null || (stored.chunks ?? 1) <= 1 ? write.value
        : write.value.slice(0, CHUNK_UNITS);
    return storedValue === writtenValue && stored.lastModifiedDate === write.date
        && stored.lastModifiedBy === write.by && (stored.bytes ?? 0) === write.bytes;
}

// A Cognito record above writeBackFrom, not written by the identity itself, may be a migrator write-back's copy of an
// older value (it looks like a newer Cognito change): over a store record pushed after the write-back read the store
// (above writeBackOver), or a key a deletion since removed (the generation says), it must not undo the push.
function writtenBackOver(meta, stored, write, identityId) {
    const mark = writeBackMark(meta);
    const since = stored === null ? (meta?.generation ?? 0) : stored.syncCount;
    return mark !== null && write.syncCount > mark.from && write.by !== identityId && since > mark.over;
}

// The metadata item's write-back mark (SyncStoreLayout, WriteBackMark): both numbers, or null when it carries none.
function writeBackMark(meta) {
    const from = meta?.writeBackFrom;
    const over = meta?.writeBackOver;
    if (from === undefined || from === null || over === undefined || over === null) {
        return null;
    }
    return { from, over };
}

function cutoverCondition(meta, count, from) {
    if (meta === null) {
        return { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } };
    }
    const watermark = from === 0 ? '(attribute_not_exists(#wm) OR #wm = :w)' : '#wm = :w';
    return withCopyState(meta, {
        expression: `#sc = :t AND #gen = :g AND #del = :false AND ${watermark}`,
        expressionNames: { '#sc': 'syncCount', '#gen': 'generation', '#del': 'deleted', '#wm': 'sourceWatermark' },
        expressionValues: { ':t': count, ':g': meta.generation, ':false': false, ':w': from },
    });
}

// The highest count an unfinished copy-mode import stored above the dataset's count; 0 when none is unfinished.
function copiedUpTo(meta) {
    return meta?.copiedUpTo ?? 0;
}

// The highest count a first copy (a copy-mode import from watermark 0) stored while it is unfinished; 0 when none is.
// Unlike copiedUpTo, which a push takes off, it stays until the copy is completed (docs/compat-client.md, "Why
// firstCopyUpTo"). An item written before it existed has only copiedUpTo, which at watermark 0 is a first copy's mark.
function firstCopyUpTo(meta) {
    if (meta === null || meta === undefined || meta.deleted || (meta.sourceWatermark ?? 0) !== 0) {
        return 0;
    }
    return Math.max(meta.firstCopyUpTo ?? 0, copiedUpTo(meta));
}

// The mark the metadata item keeps after this write: set by a first copy's earlier part, carried by every other write
// to a live dataset (a push, an import's earlier part, an operator's import that leaves the watermark at 0), dropped
// by an import's last part (the copy is complete) and by a new generation (firstCopyUpTo(meta) is 0 for a deleted
// dataset; deleteDataset removes it).
function firstCopyAfter(stash, plan) {
    if (plan.firstCopyUpTo !== undefined) {
        return plan.firstCopyUpTo;
    }
    const moved = plan.watermark !== undefined && plan.watermark !== null && plan.watermark > 0;
    if ((plan.condition !== undefined && plan.input.final !== false) || moved || !stash.live) {
        return 0;
    }
    return firstCopyUpTo(stash.meta);
}

// A part of a copy-mode import writes records without moving the count: a write computed from the metadata read
// (the count to stamp, the totals) holds only if no such part came since, so its condition covers copiedUpTo and,
// while one is set, the totals that each part changes. It covers the write-back mark too: a write computed from the
// item as it was before a write-back marked it would take the mark off (metaAction carries the mark it read).
function withCopyState(meta, condition) {
    const names = { ...condition.expressionNames, '#copied': 'copiedUpTo', '#markFrom': 'writeBackFrom' };
    const values = { ...condition.expressionValues };
    let expression = `${condition.expression} AND attribute_not_exists(#copied)`;
    if (copiedUpTo(meta) > 0) {
        expression = `${condition.expression} AND #copied = :copied AND #records = :records AND #storage = :storage`;
        Object.assign(names, { '#records': 'numRecords', '#storage': 'dataStorage' });
        Object.assign(values,
            { ':copied': meta.copiedUpTo, ':records': meta.numRecords, ':storage': meta.dataStorage });
    }
    const mark = writeBackMark(meta);
    if (mark === null) {
        expression = `${expression} AND attribute_not_exists(#markFrom)`;
    } else {
        expression = `${expression} AND #markFrom = :markFrom AND #markOver = :markOver`;
        names['#markOver'] = 'writeBackOver';
        Object.assign(values, { ':markFrom': mark.from, ':markOver': mark.over });
    }
    return { expression, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) };
}

function planned(write, stored, syncCount) {
    return {
        key: write.key, sk: write.sk, value: write.value, bytes: write.bytes, syncCount,
        deleted: write.value === null, lastModifiedDate: write.date, lastModifiedBy: write.by,
        deviceLastModifiedDate: write.device, stored,
    };
}

function countOf(stored) {
    return stored === null ? 0 : stored.syncCount;
}

function isLive(stored) {
    return stored !== null && !stored.deleted;
}

function totalsAfter(stash, records) {
    let numRecords = stash.live ? stash.meta.numRecords : 0;
    let dataStorage = stash.live ? stash.meta.dataStorage : 0;
    records.forEach((record) => {
        numRecords = numRecords + (record.deleted ? 0 : 1) - (isLive(record.stored) ? 1 : 0);
        dataStorage = dataStorage + record.bytes - (isLive(record.stored) ? record.stored.bytes : 0);
    });
    return { numRecords, dataStorage };
}

// Refuses, before anything is written, a write whose plan takes the dataset's count (or the count an import heads for)
// past MAX_SYNC_COUNT. A push without patches writes nothing and is let through.
function checkSyncCount(stash, plan) {
    const highest = Math.max(plan.syncCount, plan.copiedUpTo ?? 0, plan.endsAt ?? 0);
    if (highest > MAX_SYNC_COUNT && (plan.records.length > 0 || plan.input)) {
        util.error(`SyncCount ${highest} of dataset ${stash.datasetName} exceeds the limit of ${MAX_SYNC_COUNT}, `
            + 'the largest this API\'s 32-bit counts leave a dataset before its deletion', 'LimitExceededException');
    }
}

function checkLimits(stash, totals, slack) {
    // The identity's datasets were read after this one's metadata: should a rival have created it since, it is not
    // counted here, and the metadata's condition fails the write as a concurrent update.
    const others = stash.live ? [] : stash.datasets.filter((d) => !d.deleted && d.datasetName !== stash.datasetName);
    if (others.length >= MAX_DATASETS) {
        util.error(`Number of datasets exceeds the limit of ${MAX_DATASETS} per identity`, 'LimitExceededException');
    }
    if (totals.numRecords > MAX_RECORDS * slack) {
        util.error(`Number of records exceeds the limit of ${MAX_RECORDS} per dataset`, 'LimitExceededException');
    }
    if (totals.dataStorage > MAX_BYTES * slack) {
        util.error(`Dataset size of ${totals.dataStorage} bytes exceeds the limit of ${MAX_BYTES}`,
            'LimitExceededException');
    }
}

function metaAction(table, stash, plan, totals) {
    const meta = stash.meta;
    const live = stash.live;
    const input = plan.input;
    const imported = input ? epochMillis(input.lastModifiedDate) : stash.now;
    // A cutover import into a dataset already written on AppSync keeps its later date and writer.
    const keepStored = plan.condition !== undefined && live && meta.lastModifiedDate > imported;
    const item = {
        datasetName: stash.datasetName,
        syncCount: plan.syncCount,
        numRecords: totals.numRecords,
        dataStorage: totals.dataStorage,
        creationDate: live ? meta.creationDate : (input ? epochMillis(input.creationDate) : stash.now),
        lastModifiedDate: keepStored ? meta.lastModifiedDate : imported,
        lastModifiedBy: keepStored ? meta.lastModifiedBy : (input?.lastModifiedBy ?? stash.by),
        deleted: false,
        generation: live ? meta.generation : stash.deletionBoundary,
        liveSk: `D#${stash.datasetName}`,
    };
    const watermark = plan.watermark ?? meta?.sourceWatermark;
    if (watermark !== undefined && watermark !== null) {
        item.sourceWatermark = watermark;
    }
    // The import bookkeeping of docs/store-layout.md: once the store numbers revisions itself (a push, an import
    // applied as revisions) its counts are no longer Cognito's; a Cognito deletion an import settled stays settled.
    if (plan.renumbered === true || meta?.renumbered === true) {
        item.renumbered = true;
    }
    if (meta?.sourceDeletedAt !== undefined && meta?.sourceDeletedAt !== null) {
        item.sourceDeletedAt = meta.sourceDeletedAt;
    }
    // Only the migrator, once its watermark covers the write-back's write, takes the mark off.
    const mark = writeBackMark(meta);
    if (mark !== null) {
        item.writeBackFrom = mark.from;
        item.writeBackOver = mark.over;
    }
    // importedAt: the count right after the import that last moved the watermark; every other write keeps it.
    const importedAt = plan.importedAt ?? meta?.importedAt;
    if (importedAt !== undefined && importedAt !== null) {
        item.importedAt = importedAt;
    }
    if (plan.copiedUpTo !== undefined) {
        item.copiedUpTo = plan.copiedUpTo;
    }
    const firstCopy = firstCopyAfter(stash, plan);
    if (firstCopy > 0) {
        item.firstCopyUpTo = firstCopy;
    }
    return {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ pk: `I#${stash.identityId}`, sk: `D#${stash.datasetName}` }),
        attributeValues: util.dynamodb.toMapValues(item),
        condition: plan.condition ?? metaCondition(meta),
    };
}

// Creating a dataset bumps the identity's creation lock, so concurrent creations cannot both pass the 20-dataset
// check: the loser's transaction fails on the lock and it retries with the new count of datasets.
function creationLockAction(table, stash) {
    return {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ pk: `I#${stash.identityId}`, sk: 'L#datasets' }),
        attributeValues: util.dynamodb.toMapValues({ version: stash.creations + 1, liveSk: 'L#datasets' }),
        condition: stash.creations === 0
            ? { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } }
            : {
                expression: '#version = :version',
                expressionNames: { '#version': 'version' },
                expressionValues: util.dynamodb.toMapValues({ ':version': stash.creations }),
            },
    };
}

// A push's (or an admin import's) metadata condition: the count read, and no copy-mode import part since.
function metaCondition(meta) {
    if (meta === null) {
        return expectCount(null);
    }
    const condition = withCopyState(meta, {
        expression: '#sc = :expected', expressionNames: { '#sc': 'syncCount' }, expressionValues: {
            ':expected': meta.syncCount,
        },
    });
    return { ...condition, returnValuesOnConditionCheckFailure: false };
}

// The API's AWSDateTime (ISO 8601) as the store's epoch milliseconds.
function epochMillis(isoDate) {
    return util.time.parseISO8601ToEpochMilliSeconds(isoDate);
}

function expectCount(expected) {
    if (expected === null) {
        return { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } };
    }
    return {
        expression: '#sc = :expected',
        expressionNames: { '#sc': 'syncCount' },
        expressionValues: util.dynamodb.toMapValues({ ':expected': expected }),
        returnValuesOnConditionCheckFailure: false,
    };
}

// A record's head as written (but for its keys), with piece 0 of a chunked value; and all the value's pieces.
function headOf(record) {
    const pieces = record.deleted ? [] : split(record.value);
    const attributes = {
        key: record.key, syncCount: record.syncCount, deleted: record.deleted, bytes: record.bytes,
        lastModifiedDate: record.lastModifiedDate, lastModifiedBy: record.lastModifiedBy,
    };
    if (record.deviceLastModifiedDate !== null) {
        attributes.deviceLastModifiedDate = record.deviceLastModifiedDate;
    }
    if (pieces.length > 0) {
        attributes.value = pieces[0];
        attributes.chunks = pieces.length;
    }
    if (record.imported === true) {
        attributes.imported = true;
    }
    return { attributes, pieces };
}

function recordActions(table, partition, record, written) {
    const pieces = written.pieces;
    const put = (sk, attributes, condition) => ({
        table, operation: 'PutItem', key: util.dynamodb.toMapValues({ pk: partition, sk }),
        attributeValues: util.dynamodb.toMapValues(attributes), condition,
    });
    const stored = record.stored === null ? null : record.stored.syncCount;
    const actions = [put(record.sk, written.attributes, expectCount(stored))];
    pieces.slice(1).forEach((piece, i) => actions.push(
        put(`C#${i + 1}#${record.sk}`, { value: piece, revision: record.syncCount }, undefined)));
    const previousPieces = isLive(record.stored) ? (record.stored.chunks ?? 1) : 0;
    if (previousPieces <= Math.max(1, pieces.length)) {
        return actions;
    }
    PIECE_SLOTS.filter((p) => p >= Math.max(1, pieces.length) && p < previousPieces).forEach((p) => actions.push({
        table, operation: 'DeleteItem', key: util.dynamodb.toMapValues({ pk: partition, sk: `C#${p}#${record.sk}` }),
    }));
    return actions;
}

// Pieces of at most CHUNK_UNITS UTF-16 code units, one fewer where the cut would split a surrogate pair.
function split(value) {
    if (value.length <= CHUNK_UNITS) {
        return [value];
    }
    const pieces = [];
    let start = 0;
    PIECE_SLOTS.forEach((slot) => {
        if (slot === 0 || start < value.length) {
            let end = Math.min(start + CHUNK_UNITS, value.length);
            const last = value.charAt(end - 1);
            if (end < value.length && last >= '\uD800' && last <= '\uDBFF') {
                end = end - 1;
            }
            pieces.push(value.slice(start, end));
            start = end;
        }
    });
    if (start < value.length) {
        util.error('Value too long to store', 'LimitExceededException');
    }
    return pieces;
}

// A stored head of a chunked value carries only piece 0: its value is left out (the client pulls it).
function recordOut(item) {
    const chunked = (item.chunks ?? 1) > 1;
    return {
        key: item.key,
        value: item.deleted || chunked ? null : item.value,
        syncCount: item.syncCount,
        deleted: item.deleted,
        lastModifiedDate: util.time.epochMilliSecondsToISO8601(item.lastModifiedDate),
        lastModifiedBy: item.lastModifiedBy,
        deviceLastModifiedDate: item.deviceLastModifiedDate === undefined || item.deviceLastModifiedDate === null
            ? null : util.time.epochMilliSecondsToISO8601(item.deviceLastModifiedDate),
    };
}

function change(stash, datasetSyncCount, records) {
    return {
        identityId: stash.identityId,
        datasetName: stash.datasetName,
        datasetSyncCount,
        deleted: false,
        records,
    };
}
