// Cognito Sync semantics of the API (Cognito Sync API reference; ../README.md, "Operations"), checked by running the template's
// pipelines under node against an in-memory table. The end-to-end proof runs later in the AppSync emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeTable } from './fake-dynamodb.mjs';
import { loadApi, run } from './pipeline.mjs';
import { extensions } from './appsync-stub.mjs';

const api = await loadApi();
const ALICE = { cognitoIdentityId: 'us-east-1:0000aaaa-0000-0000-0000-000000000001' };
const BOB = { cognitoIdentityId: 'us-east-1:0000bbbb-0000-0000-0000-000000000002' };
const MIGRATOR = { userArn: 'arn:aws:sts::123456789012:assumed-role/Migrator/run-1' };
const OUTSIDER = { userArn: 'arn:aws:sts::123456789012:assumed-role/SomeoneElse/x' };
const GRINNING = '\uD83D\uDE00';

function call(table, field, args, identity = ALICE, hooks = {}) {
    return run(api, table, field, args, identity, hooks);
}

function push(table, datasetName, patches, identity = ALICE) {
    return call(table, 'updateRecords', { datasetName, deviceId: 'dev-1', patches }, identity);
}

function replace(key, value, syncCount) {
    return { op: 'replace', key, value, syncCount };
}

function list(table, datasetName, lastSyncCount, identity = ALICE, extra = {}) {
    return call(table, 'listRecords', { datasetName, lastSyncCount, ...extra }, identity).data;
}

test('a push creates the dataset, raises its count by one and stamps it on every record', () => {
    const table = new FakeTable();

    const first = push(table, 'prefs', [replace('color', 'blue', 0), replace('size', 'L', 0)]).data;
    const second = push(table, 'prefs', [replace('color', 'red', 1)]).data;

    assert.equal(first.datasetSyncCount, 1);
    assert.deepEqual(first.records.map((r) => [r.key, r.syncCount]), [['color', 1], ['size', 1]]);
    assert.equal(second.datasetSyncCount, 2);
    const page = list(table, 'prefs', 1);
    assert.deepEqual(page.records.map((r) => [r.key, r.value, r.syncCount]), [['color', 'red', 2]]);
    assert.equal(page.datasetSyncCount, 2);
    assert.equal(page.datasetExists, true);
    const described = call(table, 'describeDataset', { datasetName: 'prefs' }).data;
    assert.deepEqual([described.numRecords, described.dataStorage, described.syncCount], [2, 13, 2]);
});

test('a stale count rejects the whole push with the server records and writes nothing', () => {
    const table = new FakeTable();
    push(table, 'game', [replace('highScore', '100', 0), replace('name', 'ann', 0)]);
    push(table, 'game', [replace('highScore', '120', 1)]);
    const before = table.all();

    const outcome = push(table, 'game', [replace('name', 'bob', 1), replace('highScore', '130', 1)]);

    assert.equal(outcome.error.errorType, 'ResourceConflictException');
    assert.equal(outcome.error.message, 'Current SyncCount for: highScore is: 2 not: 1');
    assert.deepEqual(outcome.error.data.records.map((r) => [r.key, r.value, r.syncCount]), [['highScore', '120', 2]]);
    assert.deepEqual(table.all(), before);
});

// A failed condition in a cancelled transaction: AppSync's TransactWriteItems page shows the reason type
// 'ConditionCheckFailed', DynamoDB's own code is 'ConditionalCheckFailed'; either must read as a lost race.
const CONDITION_FAILED = ['ConditionCheckFailed', 'ConditionalCheckFailed'];

for (const conditionFailedType of CONDITION_FAILED) {
test(`a concurrent writer never causes a lost update or a skipped count (${conditionFailedType})`, () => {
    const table = new FakeTable({ conditionFailedType });
    push(table, 'shared', [replace('a', '1', 0)]);
    let interleaved;
    const hooks = {
        before: (name) => {
            if (name === 'writePush' && !interleaved) {
                interleaved = push(table, 'shared', [replace('b', '2', 0)], ALICE);
            }
        },
    };

    const loser = call(table, 'updateRecords', { datasetName: 'shared', patches: [replace('c', '3', 0)] }, ALICE, hooks);

    assert.equal(interleaved.data.datasetSyncCount, 2);
    assert.equal(loser.error.errorType, 'ResourceConflictException');
    assert.equal(loser.error.errorInfo.reason, 'ConcurrentUpdate');
    const retried = push(table, 'shared', [replace('c', '3', 0)]).data;
    assert.equal(retried.datasetSyncCount, 3);
    assert.deepEqual(list(table, 'shared', 0).records.map((r) => [r.key, r.syncCount]),
        [['a', 1], ['b', 2], ['c', 3]]);
});

test(`a dataset created while another of the identity is: the loser may push the same again at once (${
    conditionFailedType})`, () => {
    const table = new FakeTable({ conditionFailedType });
    let interleaved;
    const hooks = {
        before: (name) => {
            if (name === 'writePush' && !interleaved) {
                interleaved = push(table, 'first', [replace('a', '1', 0)]);
            }
        },
    };

    const loser = call(table, 'updateRecords', { datasetName: 'second', patches: [replace('b', '2', 0)] }, ALICE, hooks);

    assert.equal(interleaved.data.datasetSyncCount, 1);
    assert.equal(loser.error.errorType, 'ResourceConflictException');
    assert.equal(loser.error.errorInfo.reason, 'ConcurrentCreation');
    assert.equal(loser.error.message, 'Another dataset of this identity was created while second was; push again');
    assert.equal(push(table, 'second', [replace('b', '2', 0)]).data.datasetSyncCount, 1);
});
}

test('a removal leaves a tombstone that later pulls return and that counts toward nothing', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('k', 'v', 0), replace('keep', 'x', 0)]);

    push(table, 'ds', [{ op: 'remove', key: 'k', syncCount: 1 }]);

    const page = list(table, 'ds', 1);
    assert.deepEqual(page.records, [{
        key: 'k', value: null, syncCount: 2, deleted: true, lastModifiedDate: '2025-11-22T08:26:40.000Z',
        lastModifiedBy: 'dev-1', deviceLastModifiedDate: null,
    }]);
    const described = call(table, 'describeDataset', { datasetName: 'ds' }).data;
    assert.deepEqual([described.numRecords, described.dataStorage], [1, 5]);
    assert.equal(push(table, 'ds', [replace('k', 'back', 2)]).data.datasetSyncCount, 3);
});

test('every value Cognito accepts round-trips through the resolvers, chunked where it must be', () => {
    const table = new FakeTable();
    const big = 'v'.repeat(1048575 - 8);
    const longKey = GRINNING.repeat(1024);
    const straddling = 'a'.repeat(65535) + GRINNING.repeat(3) + 'b';
    push(table, 'edge', [replace('big', big, 0)]);
    push(table, 'odd', [replace('empty', '', 0), replace(longKey, 'u\u00fc\u4e16' + GRINNING, 0)]);
    push(table, 'pair', [replace('straddling', straddling, 0)]);

    const bigPage = list(table, 'edge', 0);
    const oddPage = list(table, 'odd', 0);

    assert.equal(bigPage.records[0].value, big);
    assert.equal(table.all().filter((i) => i.pk.includes('#edge#') && i.sk.startsWith('C#')).length, 15);
    assert.deepEqual(oddPage.records.map((r) => [r.key, r.value]).sort(),
        [['empty', ''], [longKey, 'u\u00fc\u4e16' + GRINNING]].sort());
    assert.ok(table.all().some((i) => i.sk.startsWith('H#') && i.key === longKey));
    assert.equal(list(table, 'pair', 0).records[0].value, straddling);
    assert.equal(table.get({ pk: table.all().find((i) => i.key === 'straddling').pk, sk: 'K#straddling' }).value.length,
        65535);
});

test('shrinking a chunked value deletes its stale chunks in the same transaction', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('big', 'x'.repeat(400000), 0)]);
    assert.equal(table.all().filter((i) => i.sk.startsWith('C#')).length, 6);

    push(table, 'ds', [replace('big', 'small', 1)]);

    assert.equal(table.all().filter((i) => i.sk.startsWith('C#')).length, 0);
    assert.equal(list(table, 'ds', 0).records[0].value, 'small');
});

test('limits give LimitExceededException; a push is at most 99 records (98 when it creates the dataset)', () => {
    const table = new FakeTable();
    const many = [...Array(1024).keys()].map((i) => replace(`k${i}`, 'v', 0));
    assert.equal(push(table, 'full', many.slice(0, 98)).error, undefined);
    for (let start = 98; start < 1024; start += 99) {
        assert.equal(push(table, 'full', many.slice(start, start + 99)).error, undefined);
    }
    for (let i = 0; i < 19; i += 1) {
        push(table, `ds${i}`, [replace('k', 'v', 0)]);
    }

    assert.equal(push(table, 'full', [replace('one-more', 'v', 0)]).error.errorType, 'LimitExceededException');
    assert.equal(push(table, 'ds0', [replace('huge', 'x'.repeat(1048575), 0)]).error.errorType,
        'LimitExceededException');
    assert.equal(push(table, 'the21st', [replace('k', 'v', 0)]).error.message,
        'Number of datasets exceeds the limit of 20 per identity');
    assert.equal(push(table, 'ds1', many.slice(0, 100).map((p) => ({ ...p, key: `n${p.key}` }))).error.errorType,
        'LimitExceededException');
});

test('listRecords on a never-written dataset reports it missing, like Cognito Sync', () => {
    const page = list(new FakeTable(), 'nothing', 0);

    assert.deepEqual(page, {
        identityId: ALICE.cognitoIdentityId, datasetName: 'nothing', records: [], nextToken: null,
        datasetSyncCount: 0, datasetExists: false, datasetDeletedAfterRequestedSyncCount: false,
        mergedDatasetNames: null,
    });
});

test('a count above the dataset count is refused, as "No such SyncCount"', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('k', 'v', 0)]);

    const outcome = call(table, 'listRecords', { datasetName: 'ds', lastSyncCount: 37 });

    assert.equal(outcome.error.errorType, 'InvalidParameterException');
    assert.equal(outcome.error.message, 'No such SyncCount: 37 exists for this Dataset');
});

test('deleting a dataset hides it; re-creating starts empty and older devices learn of the deletion', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('old', 'v', 0)]);
    push(table, 'ds', [replace('old', 'w', 1)]);

    const deleted = call(table, 'deleteDataset', { datasetName: 'ds' }).data;
    const whileDeleted = list(table, 'ds', 2);
    const recreated = push(table, 'ds', [replace('new', 'x', 0)]).data;
    const stale = list(table, 'ds', 2);
    const fresh = list(table, 'ds', 0);

    assert.deepEqual([deleted.deleted, deleted.datasetSyncCount], [true, 3]);
    assert.deepEqual([whileDeleted.datasetExists, whileDeleted.datasetDeletedAfterRequestedSyncCount], [false, true]);
    assert.equal(call(table, 'listDatasets', {}).data.length, 1);
    assert.equal(recreated.datasetSyncCount, 4);
    assert.deepEqual([stale.datasetExists, stale.datasetDeletedAfterRequestedSyncCount], [true, true]);
    assert.deepEqual(fresh.records.map((r) => r.key), ['new']);
    assert.equal(fresh.datasetDeletedAfterRequestedSyncCount, false);
    assert.equal(call(table, 'deleteDataset', { datasetName: 'gone' }).error.errorType, 'ResourceNotFoundException');
});

test('a syncDataset push from a device that synced before a deletion is refused as stale, new keys too', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('old', 'v', 0)]);
    push(table, 'ds', [replace('old', 'w', 1)]);
    call(table, 'deleteDataset', { datasetName: 'ds' });
    const before = table.all();
    const sync = (lastSyncCount, patches) => call(table, 'syncDataset', { datasetName: 'ds', lastSyncCount, patches });

    const stale = sync(2, [replace('new', 'x', 0)]);

    assert.equal(stale.error.errorType, 'ResourceConflictException');
    assert.equal(stale.error.errorInfo.reason, 'DatasetDeleted');
    assert.equal(stale.error.message, 'Dataset ds was deleted after SyncCount 2; list its records before pushing');
    assert.deepEqual(table.all(), before);
    assert.equal(sync(2, []).data.changes.datasetDeletedAfterRequestedSyncCount, true);
    assert.equal(push(table, 'ds', [replace('new', 'x', 0)]).data.datasetSyncCount, 4);
    assert.equal(sync(1, [replace('newer', 'y', 0)]).error.errorInfo.reason, 'DatasetDeleted');
    assert.equal(sync(4, [replace('newer', 'y', 0)]).data.datasetSyncCount, 5);
    assert.equal(sync(0, [replace('fresh', 'z', 0)]).data.datasetSyncCount, 6);
});

test('syncDataset pushes and pulls in one round trip', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('theirs', '1', 0)]);

    const synced = call(table, 'syncDataset',
        { datasetName: 'ds', lastSyncCount: 0, deviceId: 'dev-2', patches: [replace('mine', '2', 0)] }).data;

    assert.equal(synced.datasetSyncCount, 2);
    assert.deepEqual(synced.records.map((r) => r.key), ['mine']);
    assert.deepEqual(synced.changes.records.map((r) => [r.key, r.syncCount]), [['theirs', 1], ['mine', 2]]);
    assert.equal(synced.changes.datasetSyncCount, 2);
});

test('syncDataset from a caller that was up to date returns the page a pull would read, without reading it', () => {
    const table = new FakeTable();
    const long = 'k'.repeat(1010);
    const big = 'v'.repeat(70000);
    push(table, 'ds', [replace('gone', '1', 0), replace('\uFFFD', '1', 0)]);
    const patches = [replace('\uD83D\uDE00', 'emoji', 0), replace(long, 'long', 0), replace('big', big, 0),
        { op: 'remove', key: 'gone', syncCount: 1 }, replace('\uFFFD', '2', 1), replace('a', '1', 0)];
    table.requests.length = 0;

    const outcome = call(table, 'syncDataset', { datasetName: 'ds', lastSyncCount: 1, deviceId: 'd', patches });
    assert.equal(outcome.error, undefined, JSON.stringify(outcome.error));
    const synced = outcome.data;

    assert.ok(!table.requests.includes('Query bySyncCount'), table.requests.join());
    const pulled = list(table, 'ds', 1);
    const byKey = (a, b) => (a.key < b.key ? -1 : 1);
    assert.deepEqual({ ...synced.changes, records: null }, { ...pulled, records: null });
    assert.deepEqual(synced.changes.records.slice().sort(byKey), pulled.records.slice().sort(byKey));
    assert.deepEqual(synced.changes.records.map((r) => r.key.slice(0, 5)),
        ['\uD83D\uDE00', 'kkkkk', 'big', 'gone', '\uFFFD', 'a']);
    assert.equal(synced.changes.records[2].value, big);
});

test('pages follow nextToken and merged datasets are reported', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('a', '1', 0), replace('b', '2', 0), replace('c', '3', 0)]);
    push(table, `ds.${BOB.cognitoIdentityId}`, [replace('m', '1', 0)]);

    for (const limit of [0, -1]) {
        assert.equal(call(table, 'listRecords', { datasetName: 'ds', lastSyncCount: 0, limit }, ALICE).error.errorType,
            'InvalidParameterException');
    }
    const first = list(table, 'ds', 0, ALICE, { limit: 2 });
    const second = list(table, 'ds', 0, ALICE, { limit: 2, nextToken: first.nextToken });

    assert.deepEqual(first.records.map((r) => r.key).concat(second.records.map((r) => r.key)), ['a', 'b', 'c']);
    assert.equal(second.nextToken, null);
    assert.deepEqual(first.mergedDatasetNames, [`ds.${BOB.cognitoIdentityId}`]);
});

test('users reach only their own identity; admin fields only the migrator role', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('k', 'secret', 0)], ALICE);

    assert.equal(list(table, 'ds', 0, BOB).datasetExists, false);
    assert.equal(call(table, 'listRecords', { datasetName: 'ds' }, {}).error.errorType, 'Unauthorized');
    const asAdmin = { identityId: ALICE.cognitoIdentityId, datasetName: 'ds', lastSyncCount: 0 };
    assert.equal(call(table, 'adminListRecords', asAdmin, ALICE).error.errorType, 'Unauthorized');
    assert.equal(call(table, 'adminListRecords', asAdmin, OUTSIDER).error.errorType, 'Unauthorized');
    assert.equal(call(table, 'adminListRecords', asAdmin, MIGRATOR).data.records[0].value, 'secret');
    assert.equal(call(table, 'adminListRecords', { ...asAdmin, identityId: 'us-east-1:00#ds#0' }, MIGRATOR)
        .error.errorType, 'InvalidParameterException');
    assert.equal(call(table, 'onDatasetChanged', { identityId: BOB.cognitoIdentityId }, ALICE).error.errorType,
        'Unauthorized');
    assert.equal(call(table, 'onDatasetChanged', { identityId: ALICE.cognitoIdentityId }, ALICE).error, undefined);
    assert.deepEqual(extensions.lastFilter, { filterGroup: { identityId: { eq: ALICE.cognitoIdentityId } } });
    assert.equal(call(table, 'updateRecords', { datasetName: 'bad/name', patches: [] }).error.errorType,
        'InvalidParameterException');
});

const COGNITO_DATE = '2023-11-14T22:13:20.000Z';

// A device's cutover import (importDataset) of Cognito records [key, syncCount, value (v-<key> if left out, null for a
// removal)], from watermark `from` to `to`; `extra` adds input fields (later).
function importPart(table, from, to, records, final = true, extra = {}) {
    const input = {
        datasetName: 'ds', sourceWatermark: from, datasetSyncCount: to, creationDate: COGNITO_DATE,
        lastModifiedDate: COGNITO_DATE, lastModifiedBy: 'cognito-device', final, ...extra,
        records: records.map(([key, syncCount, value]) => ({
            key, value: value === undefined ? `v-${key}` : value, syncCount, lastModifiedDate: COGNITO_DATE,
            lastModifiedBy: 'cognito-device',
        })),
    };
    return call(table, 'importDataset', { input });
}

function counts(table) {
    const page = list(table, 'ds', 0);
    return { count: page.datasetSyncCount, records: page.records.map((r) => [r.key, r.syncCount]) };
}

function metaItem(table) {
    return table.get({ pk: `I#${ALICE.cognitoIdentityId}`, sk: 'D#ds' });
}

test('a copy-mode import in parts keeps every Cognito count, with many records at one count', () => {
    const table = new FakeTable();
    const records = [...Array(250).keys()].map((i) => [`r${i}`, 1]);

    assert.equal(importPart(table, 0, 1, records.slice(0, 98), false).error, undefined);
    assert.deepEqual([metaItem(table).syncCount, metaItem(table).sourceWatermark, metaItem(table).copiedUpTo],
        [0, 0, 1]);
    assert.equal(importPart(table, 0, 1, records.slice(98, 196), false).error, undefined);
    const last = importPart(table, 0, 1, records.slice(196)).data;

    assert.equal(last.datasetSyncCount, 1);
    assert.deepEqual(counts(table), { count: 1, records: records.slice().sort() });
    const meta = metaItem(table);
    assert.deepEqual([meta.sourceWatermark, meta.numRecords, meta.copiedUpTo], [1, 250, undefined]);
});

test('a push between the parts of a copy is counted above every copied record; the rest becomes a revision', () => {
    const table = new FakeTable();
    importPart(table, 0, 9, [['a', 2], ['b', 4]], false);

    const synced = call(table, 'syncDataset', { datasetName: 'ds', lastSyncCount: 0, patches: [replace('x', '1', 0)] });
    const rest = importPart(table, 0, 9, [['a', 2], ['b', 4], ['c', 9]]).data;

    assert.equal(synced.data.datasetSyncCount, 5);
    assert.deepEqual(synced.data.changes.records.map((r) => [r.key, r.syncCount]), [['a', 2], ['b', 4], ['x', 5]]);
    assert.equal(metaItem(table).copiedUpTo, undefined);
    assert.deepEqual(rest.records.map((r) => [r.key, r.syncCount]), [['c', 6]]);
    assert.deepEqual([metaItem(table).syncCount, metaItem(table).sourceWatermark], [6, 9]);
});

test('a first copy\'s firstCopyUpTo stays through pushes and later earlier parts; its last part drops it', () => {
    const table = new FakeTable();
    const marks = () => [metaItem(table).copiedUpTo, metaItem(table).firstCopyUpTo];
    importPart(table, 0, 9, [['a', 2], ['b', 4]], false);
    assert.deepEqual(marks(), [4, 4]);

    push(table, 'ds', [replace('x', '1', 0)]);
    assert.deepEqual(marks(), [undefined, 4]);
    call(table, 'syncDataset', { datasetName: 'ds', lastSyncCount: 5, patches: [replace('y', '1', 0)] });
    assert.deepEqual(call(table, 'describeDataset', { datasetName: 'ds' }).data.firstCopyUpTo, 4);
    importPart(table, 0, 9, [['c', 9]], false);
    assert.deepEqual([metaItem(table).syncCount, ...marks()], [7, undefined, 4]);

    importPart(table, 0, 9, [['d', 9]]);
    assert.deepEqual([metaItem(table).sourceWatermark, ...marks()], [9, undefined, undefined]);
});

// A dataset of `size` records on AppSync, imported at Cognito count 1 (seed) and grown by pushes since (revision mode).
function grownOnAppSync(table, size) {
    importPart(table, 0, 1, [['seed', 1]]);
    const pushed = [...Array(size - 1).keys()].map((i) => replace(`k${i}`, 'v', 0));
    for (let start = 0; start < pushed.length; start += 99) {
        assert.equal(push(table, 'ds', pushed.slice(start, start + 99)).error, undefined);
    }
    return metaItem(table).syncCount;
}

test('an import in parts that would end over the limits is refused at its first part and writes nothing', () => {
    const table = new FakeTable();
    const count = grownOnAppSync(table, 930);
    const added = [...Array(100).keys()].map((i) => [`n${i}`, i + 2]);
    const bytes = (record) => `${record[0]}v-${record[0]}`.length;

    const first = importPart(table, 1, 101, added.slice(0, 98), false,
        { later: { records: 2, bytes: added.slice(98).map(bytes).reduce((a, b) => a + b) } });

    assert.equal(first.error.errorType, 'LimitExceededException');
    assert.equal(first.error.message, 'Number of records exceeds the limit of 1024 per dataset');
    assert.deepEqual([metaItem(table).syncCount, metaItem(table).numRecords], [count, 930]);
    // Without what the later parts change, an earlier part is held to twice the limits only, as before.
    assert.equal(importPart(table, 1, 101, added.slice(0, 98), false).error, undefined);
});

test('an earlier part over the limits passes when the later parts bring the import\'s end state within them', () => {
    const table = new FakeTable();
    grownOnAppSync(table, 927);
    const added = [...Array(98).keys()].map((i) => [`n${i}`, i + 2]);

    assert.equal(importPart(table, 1, 100, added, false, { later: { records: -1, bytes: -'seedv-seed'.length } })
        .error, undefined);
    assert.equal(metaItem(table).numRecords, 1025);
    assert.equal(importPart(table, 1, 100, [['seed', 100, null]]).error, undefined);

    assert.deepEqual([metaItem(table).numRecords, metaItem(table).sourceWatermark], [1024, 100]);
});

test('an import left unfinished is completed by a re-run from the watermark, still in copy mode', () => {
    const table = new FakeTable();
    importPart(table, 0, 9, [['a', 2], ['b', 4]], false);

    const rerun = importPart(table, 0, 10, [['a', 2], ['b', 4], ['c', 9], ['d', 10]]).data;

    assert.deepEqual(rerun.records.map((r) => [r.key, r.syncCount]), [['c', 9], ['d', 10]]);
    assert.deepEqual(counts(table), { count: 10, records: [['a', 2], ['b', 4], ['c', 9], ['d', 10]] });
    assert.equal(metaItem(table).sourceWatermark, 10);
});

test('a copy from an older read than another device\'s unfinished copy keeps the newer records and ends above them', () => {
    const table = new FakeTable();
    importPart(table, 0, 2, [['k0', 2]], false);

    const older = importPart(table, 0, 1, [['k0', 1], ['k1', 1]]).data;

    assert.deepEqual(older.records.map((r) => [r.key, r.syncCount]), [['k1', 1]]);
    assert.deepEqual(counts(table), { count: 2, records: [['k1', 1], ['k0', 2]] });
    assert.deepEqual([metaItem(table).sourceWatermark, metaItem(table).copiedUpTo], [1, undefined]);
});

test('a writer that read the dataset before a copy part came loses the race and reads again', () => {
    const table = new FakeTable();
    importPart(table, 0, 9, [['a', 2]], false);
    const racing = (key, field, args) => {
        let part;
        const hooks = {
            before: (name) => {
                if (name === 'writePush' && !part) {
                    part = importPart(table, 0, 9, [[key, 4]], false);
                }
            },
        };
        return call(table, field, args, ALICE, hooks);
    };
    const copyPart = importPart(new FakeTable(), 0, 9, [['c', 5]], false).ctx.args;

    const pushed = racing('b', 'updateRecords', { datasetName: 'ds', patches: [replace('x', '1', 0)] });
    const copied = racing('d', 'importDataset', copyPart);

    assert.equal(pushed.error.errorInfo.reason, 'ConcurrentUpdate');
    assert.equal(copied.error.errorInfo.reason, 'ConcurrentUpdate');
    assert.deepEqual(counts(table), { count: 0, records: [['a', 2], ['b', 4], ['d', 4]] });
    assert.equal(push(table, 'ds', [replace('x', '1', 0)]).data.datasetSyncCount, 5);
    assert.equal(metaItem(table).numRecords, 4);
});

test('deleting a dataset in the middle of a copy drops its mark', () => {
    const table = new FakeTable();
    importPart(table, 0, 9, [['a', 2]], false);

    call(table, 'deleteDataset', { datasetName: 'ds' });

    const meta = metaItem(table);
    assert.deepEqual([meta.deleted, meta.copiedUpTo, meta.firstCopyUpTo], [true, undefined, undefined]);
});

// A migrator's write-back mark (SyncStoreLayout, WriteBackMark), set on the metadata item as the migrator sets it.
function markWriteBack(table, from, over) {
    const meta = metaItem(table);
    table.items.set(FakeTable.key(meta.pk, meta.sk), { ...meta, writeBackFrom: from, writeBackOver: over });
}

test('a write-back mark holds in copy mode too, and every write keeps it, a deletion and a re-creation too', () => {
    const table = new FakeTable();
    importPart(table, 0, 9, [['a', 6]], false);
    markWriteBack(table, 5, 5);

    const rest = importPart(table, 0, 9, [['a', 6, 'written back'], ['b', 6]]).data;
    call(table, 'deleteDataset', { datasetName: 'ds' });
    push(table, 'ds', [replace('x', '1', 0)]);

    assert.deepEqual(rest.records.map((r) => [r.key, r.syncCount]), [['b', 6]]);
    assert.deepEqual([metaItem(table).writeBackFrom, metaItem(table).writeBackOver], [5, 5]);
});

test('the migrator imports with Cognito counts, and a re-run writes nothing new', () => {
    const table = new FakeTable();
    const input = {
        identityId: ALICE.cognitoIdentityId, datasetName: 'imported', datasetSyncCount: 42,
        creationDate: '2023-11-14T22:13:20.000Z', lastModifiedDate: '2023-11-14T22:21:40.000Z', lastModifiedBy: 'device-x',
        records: [
            { key: 'a', value: 'x', syncCount: 40, lastModifiedDate: '2023-11-14T22:20:00.000Z', lastModifiedBy: 'device-x' },
            { key: 'gone', value: null, syncCount: 42, lastModifiedDate: '2023-11-14T22:21:40.000Z',
                lastModifiedBy: 'device-x' },
        ],
    };

    const first = call(table, 'adminImportDataset', { input }, MIGRATOR).data;
    const snapshot = table.all();
    const again = call(table, 'adminImportDataset', { input }, MIGRATOR).data;
    const afterRerun = table.all();
    const pulled = list(table, 'imported', 41);
    const next = push(table, 'imported', [replace('a', 'y', 40)]).data;

    assert.equal(first.datasetSyncCount, 42);
    assert.deepEqual(again.records, []);
    assert.deepEqual(afterRerun.filter((i) => i.sk !== 'D#imported'), snapshot.filter((i) => i.sk !== 'D#imported'));
    assert.deepEqual(pulled.records.map((r) => [r.key, r.deleted]), [['gone', true]]);
    assert.equal(next.datasetSyncCount, 43);
    const described = call(table, 'describeDataset', { datasetName: 'imported' }).data;
    assert.deepEqual([described.sourceWatermark, described.numRecords, described.creationDate],
        [42, 1, '2023-11-14T22:13:20.000Z']);
    assert.equal(call(table, 'adminImportDataset', { input }, ALICE).error.errorType, 'Unauthorized');
});

test('two concurrent creations cannot both take the 20th dataset slot', () => {
    const table = new FakeTable();
    for (let i = 0; i < 19; i += 1) {
        push(table, `ds${i}`, [replace('k', 'v', 0)]);
    }
    let rival;
    const hooks = {
        before: (name) => {
            if (name === 'writePush' && !rival) {
                rival = push(table, 'rival', [replace('k', 'v', 0)]);
            }
        },
    };

    const loser = call(table, 'updateRecords', { datasetName: 'late', patches: [replace('k', 'v', 0)] }, ALICE, hooks);

    assert.equal(rival.data.datasetSyncCount, 1);
    assert.equal(loser.error.errorType, 'ResourceConflictException');
    assert.equal(push(table, 'late', [replace('k', 'v', 0)]).error.errorType, 'LimitExceededException');
    assert.equal(call(table, 'listDatasets', {}).data.length, 20);
});

test('DynamoDB requests per field: every read of the identity partition is of the live datasets; a deleted one is read by its key', () => {
    const table = new FakeTable();
    const requests = (outcome) => {
        assert.equal(outcome.error, undefined, JSON.stringify(outcome.error));
        const made = table.requests.slice();
        table.requests.length = 0;
        return made;
    };
    const sync = (datasetName, patches) => call(table, 'syncDataset', { datasetName, lastSyncCount: 0, patches });

    assert.deepEqual(requests(push(table, 'ds', [replace('a', '1', 0)])),
        ['TransactGetItems', 'Query liveDatasets', 'TransactWriteItems']);
    assert.deepEqual(requests(push(table, 'ds', [replace('a', '2', 1)])), ['TransactGetItems', 'TransactWriteItems']);
    assert.deepEqual(requests(sync('ds', [replace('b', '1', 0)])),
        ['TransactGetItems', 'Query liveDatasets', 'TransactWriteItems', 'Query bySyncCount']);
    assert.deepEqual(requests(sync('new', [replace('b', '1', 0)])),
        ['TransactGetItems', 'Query liveDatasets', 'TransactWriteItems']);
    assert.deepEqual(requests(call(table, 'syncDataset', { datasetName: 'new', lastSyncCount: 1,
        patches: [replace('b', '2', 1)] })), ['TransactGetItems', 'Query liveDatasets', 'TransactWriteItems']);
    assert.deepEqual(requests(call(table, 'listRecords', { datasetName: 'ds', lastSyncCount: 0 })),
        ['Query liveDatasets', 'Query bySyncCount']);
    assert.deepEqual(requests(call(table, 'listRecords', { datasetName: 'missing', lastSyncCount: 0 })),
        ['Query liveDatasets', 'GetItem']);
    assert.deepEqual(requests(call(table, 'describeDataset', { datasetName: 'ds' })), ['GetItem']);
    assert.deepEqual(requests(call(table, 'listDatasets', {})), ['Query liveDatasets']);
    assert.deepEqual(requests(call(table, 'deleteDataset', { datasetName: 'ds' })), ['GetItem', 'UpdateItem']);
    assert.deepEqual(requests(push(table, 'ds', [replace('a', '3', 0)])),
        ['TransactGetItems', 'Query liveDatasets', 'TransactGetItems', 'TransactWriteItems']);
    assert.deepEqual(requests(push(table, 'ds', [replace('a', '4', 5)])),
        ['TransactGetItems', 'TransactGetItems', 'TransactWriteItems']);
    assert.deepEqual(requests(push(table, 'ds', [])), ['TransactGetItems']);
});

test('a push to a dataset re-created after a deletion reads and conditions its heads in the new generation', () => {
    const table = new FakeTable();
    push(table, 'ds', [replace('k', 'old', 0)]);
    call(table, 'deleteDataset', { datasetName: 'ds' });
    push(table, 'ds', [replace('k', 'new', 0)]);

    const stale = push(table, 'ds', [replace('k', 'stale', 0)]);
    const next = push(table, 'ds', [replace('k', 'newer', 3)]).data;

    assert.equal(stale.error.message, 'Current SyncCount for: k is: 3 not: 0');
    assert.deepEqual(stale.error.data.records.map((r) => [r.key, r.value]), [['k', 'new']]);
    assert.equal(next.datasetSyncCount, 4);
    assert.deepEqual(list(table, 'ds', 0).records.map((r) => [r.key, r.value, r.syncCount]), [['k', 'newer', 4]]);
});
