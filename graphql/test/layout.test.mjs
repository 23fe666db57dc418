// The resolvers compute the same sort keys as dev.syncshift.core.layout.SyncStoreLayout (Java), pinned by
// layout-vectors.json, which LayoutVectorsTest checks on the Java side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadResolver } from './appsync-stub.mjs';

const vectors = JSON.parse(readFileSync(new URL('./layout-vectors.json', import.meta.url), 'utf8')).vectors;
const readRecords = await loadResolver(new URL('../resolvers/readRecords.js', import.meta.url));

function context(patches) {
    return {
        args: { patches },
        env: { SYNCSHIFT_TABLE: 'SyncStore' },
        stash: { admin: false, identityId: 'us-east-1:0f1e', datasetName: 'ds', now: 1, by: 'dev' },
    };
}

test('every vector key gets the Java sort key and UTF-8 size', () => {
    const patches = vectors.map((v) => ({ op: 'replace', key: v.key, value: '', syncCount: 0 }));
    const ctx = context(patches);

    const request = readRecords.request(ctx);

    const keys = request.transactItems.map((item) => item.key);
    assert.deepEqual(keys.map((key) => key.sk), vectors.map((v) => v.sortKey).concat(['D#ds']));
    const partitions = vectors.map(() => 'D#us-east-1:0f1e#ds#0');
    assert.deepEqual(keys.map((key) => key.pk), partitions.concat(['I#us-east-1:0f1e']));
    assert.deepEqual(ctx.stash.writes.map((w) => w.bytes), vectors.map((v) => v.utf8Bytes));
});

test('a tombstone counts no bytes and an empty patch list reads only the metadata', () => {
    const ctx = context([{ op: 'remove', key: 'gone', syncCount: 3 }]);
    readRecords.request(ctx);
    assert.equal(ctx.stash.writes[0].bytes, 0);
    assert.equal(ctx.stash.writes[0].value, null);

    assert.deepEqual(readRecords.request(context([])).transactItems.map((item) => item.key),
        [{ pk: 'I#us-east-1:0f1e', sk: 'D#ds' }]);
});

test('invalid patches are refused before anything is read', () => {
    const cases = [
        [[{ op: 'replace', key: 'a', syncCount: 0 }], /Member must not be null/],
        [[{ op: 'replace', key: '', value: 'x', syncCount: 0 }], /length greater than or equal to 1/],
        [[{ op: 'replace', key: 'x'.repeat(1025), value: 'x', syncCount: 0 }], /less than or equal to 1024/],
        [[{ op: 'remove', key: 'a', syncCount: 0 }, { op: 'remove', key: 'a', syncCount: 0 }],
            /Duplicate key in RecordPatches: a/],
    ];
    for (const [patches, message] of cases) {
        assert.throws(() => readRecords.request(context(patches)),
            (e) => e.errorType === 'InvalidParameterException' && message.test(e.message));
    }
});

test('lengths count code points: a key of 1,024 four-byte characters is legal, one more is not', () => {
    const grinning = '\uD83D\uDE00';
    const legal = readRecords.request(context([{ op: 'replace', key: grinning.repeat(1024), value: '', syncCount: 0 }]));
    assert.equal(legal.transactItems.length, 2);

    assert.throws(() => readRecords.request(context([
        { op: 'replace', key: grinning.repeat(1025), value: '', syncCount: 0 }])),
    (e) => e.errorType === 'InvalidParameterException');
});

test('a runtime whose base64Encode is not UTF-8 is refused instead of hashing wrong', async () => {
    const { util } = globalThis.__appsyncStub;
    const utf8 = util.base64Encode;
    util.base64Encode = (text) => Buffer.from(text, 'latin1').toString('base64');
    try {
        assert.throws(() => readRecords.request(context([{ op: 'replace', key: 'schlüssel', value: '', syncCount: 0 }])),
            (e) => e.errorType === 'InternalFailureException');
    } finally {
        util.base64Encode = utf8;
    }
});

test('the first item read is the first record\'s head, which the migrator\'s check reads through EvaluateCode', () => {
    const ctx = {
        args: { patches: [{ op: 'replace', key: 'Grüße', value: 'v', syncCount: 0 }] },
        env: { SYNCSHIFT_TABLE: 'check' },
        stash: { partition: 'D#check', admin: false, now: 0, by: 'check' },
    };

    assert.equal(readRecords.request(ctx).transactItems[0].key.sk, 'K#Grüße');
});
