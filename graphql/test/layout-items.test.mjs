// The resolvers write exactly the items dev.syncshift.core.layout (Java) writes for the same dataset state:
// layout-items.json holds them, LayoutItemsTest checks the Java side. Strings over 100 characters are summarized on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { FakeTable } from './fake-dynamodb.mjs';
import { loadApi, run } from './pipeline.mjs';

const GOLDEN = new URL('./layout-items.json', import.meta.url);
const api = await loadApi();

export function summarize(item) {
    return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => [
        name, typeof value === 'string' && value.length > 100 ? `~${value.length}:${value.slice(0, 8)}` : value]));
}

function order(a, b) {
    return a.pk === b.pk ? (a.sk < b.sk ? -1 : 1) : (a.pk < b.pk ? -1 : 1);
}

test('two pushes leave the items the Java layout describes', () => {
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    const identity = { cognitoIdentityId: golden.identityId };
    const table = new FakeTable();
    const records = golden.records.map((r) => ({
        op: 'replace', key: r.key, value: r.valueCharacter.repeat(r.valueLength), syncCount: 0,
        deviceLastModifiedDate: r.deviceLastModifiedDate === undefined ? undefined
            : new Date(r.deviceLastModifiedDate).toISOString(),
    }));

    run(api, table, 'updateRecords', { datasetName: golden.datasetName, deviceId: golden.by, patches: records },
        identity);
    run(api, table, 'updateRecords', { datasetName: golden.datasetName, deviceId: golden.by,
        patches: [{ op: 'remove', key: golden.removedKey, syncCount: 1 }] }, identity);

    // The creation lock guards the 20-dataset limit of pushes; the migrator, which copies, never writes it.
    const items = table.all().filter((item) => item.sk !== 'L#datasets').sort(order).map(summarize);
    if (process.env.WRITE_GOLDEN) {
        writeFileSync(GOLDEN, `${JSON.stringify({ ...golden, items }, null, 2)}\n`);
    }
    assert.deepEqual(items, golden.items);
});
