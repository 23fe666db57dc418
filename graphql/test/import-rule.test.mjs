// Whether importDataset applies a Cognito record over the store's version of its key: the resolver's rule
// (writePush.js, cutoverPlan) against import-rule-vectors.json, which ImportRuleVectorsTest (compat-client) checks
// against the client's copy of the rule (ImportState.applies). Each case runs the whole importDataset pipeline over a
// table holding the case's dataset state and stored record, and reads the record's head back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FakeTable } from './fake-dynamodb.mjs';
import { loadApi, run } from './pipeline.mjs';

const cases = JSON.parse(readFileSync(new URL('./import-rule-vectors.json', import.meta.url), 'utf8')).cases;
const api = await loadApi();
const DATASET = 'ds';

function bytesOf(record) {
    return record.value === null ? 0 : Buffer.byteLength(record.key + record.value, 'utf8');
}

// The metadata item of a live dataset in the case's state, as the resolvers write it.
function metaItem(identityId, dataset, stored) {
    const live = stored !== null && stored.value !== null;
    const item = {
        pk: `I#${identityId}`, sk: `D#${DATASET}`, datasetName: DATASET, syncCount: dataset.syncCount,
        numRecords: live ? 1 : 0, dataStorage: live ? bytesOf(stored) : 0, creationDate: 0, lastModifiedDate: 0,
        lastModifiedBy: 'device-2', deleted: false, generation: dataset.generation, liveSk: `D#${DATASET}`,
        sourceWatermark: dataset.sourceWatermark,
    };
    const optional = {
        renumbered: dataset.renumbered ? true : null, importedAt: dataset.importedAt,
        copiedUpTo: dataset.copiedUpTo > 0 ? dataset.copiedUpTo : null,
        writeBackFrom: dataset.writeBackFrom, writeBackOver: dataset.writeBackOver,
    };
    Object.entries(optional).filter(([, value]) => value !== null).forEach(([name, value]) => {
        item[name] = value;
    });
    return item;
}

// A record's head item in the partition of the dataset's generation.
function headItem(identityId, generation, record) {
    const item = {
        pk: `D#${identityId}#${DATASET}#${generation}`, sk: `K#${record.key}`, key: record.key,
        syncCount: record.syncCount, deleted: record.value === null, bytes: bytesOf(record),
        lastModifiedDate: record.lastModifiedDate, lastModifiedBy: record.lastModifiedBy,
    };
    if (record.value !== null) {
        Object.assign(item, { value: record.value, chunks: 1 });
    }
    return item;
}

function tableFor(vector) {
    const table = new FakeTable();
    if (vector.dataset !== null) {
        const meta = metaItem(vector.identity, vector.dataset, vector.stored);
        table.items.set(FakeTable.key(meta.pk, meta.sk), meta);
    }
    if (vector.stored !== null) {
        const head = headItem(vector.identity, vector.dataset?.generation ?? 0, vector.stored);
        table.items.set(FakeTable.key(head.pk, head.sk), head);
    }
    return table;
}

function importOne(table, vector) {
    const record = vector.record;
    const date = new Date(record.lastModifiedDate).toISOString();
    const input = {
        datasetName: DATASET, sourceWatermark: vector.watermark, datasetSyncCount: record.syncCount,
        creationDate: date, lastModifiedDate: date, lastModifiedBy: record.lastModifiedBy, final: true,
        records: [{ key: record.key, value: record.value, syncCount: record.syncCount, lastModifiedDate: date,
            lastModifiedBy: record.lastModifiedBy }],
    };
    return run(api, table, 'importDataset', { input }, { cognitoIdentityId: vector.identity });
}

for (const vector of cases) {
    test(vector.why, () => {
        const table = tableFor(vector);
        const generation = vector.dataset?.generation ?? 0;
        const key = { pk: `D#${vector.identity}#${DATASET}#${generation}`, sk: `K#${vector.record.key}` };
        const before = table.get(key);

        const outcome = importOne(table, vector);

        assert.equal(outcome.error, undefined, JSON.stringify(outcome.error));
        const head = table.get(key);
        const incoming = vector.record;
        const applied = head !== null && (head.deleted ? null : head.value) === incoming.value
            && head.lastModifiedDate === incoming.lastModifiedDate && head.lastModifiedBy === incoming.lastModifiedBy;
        assert.equal(applied, vector.applies, `head after the import: ${JSON.stringify(head)}`);
        if (!vector.applies) {
            assert.deepEqual(head, before);
        }
    });
}
