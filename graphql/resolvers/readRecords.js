/**
 * Pipeline function (DynamoDB): validates the records a mutation writes (updateRecords/syncDataset patches, or
 * the records of adminImportDataset and importDataset), computes their sort keys, and reads their current heads
 * with one TransactGetItems (a consistent, serializable read). The only place in JS that computes record sort
 * keys; it must agree with dev.syncshift.core.layout.SyncStoreLayout#recordSortKey (pinned by
 * test/layout-vectors.json):
 *   K#<key> when the key's UTF-8 is at most 1,000 bytes, otherwise H#<hex SHA-256 of the key's UTF-8>.
 * UTF-8 bytes come from util.base64Encode, which encodes the string's UTF-8 (APPSYNC_JS has no TextEncoder and
 * the eslint plugin forbids charCodeAt); every key's byte count is cross-checked from its UTF-16 units.
 * The same TransactGetItems reads, last, the dataset's metadata item (I#<identityId>, D#<datasetName>), so a push
 * to an existing dataset needs no other read. The heads come first: the migrator's `check` (AppSyncCheck) runs this
 * request handler through EvaluateCode and reads the first item's sort key as the probe key's.
 * The heads' partition depends on the metadata's generation, unknown until this read: the heads are read in
 * generation 0's partition (a dataset never deleted), and readHeads reads them again in the right one when the
 * metadata says otherwise. A push of 100 records leaves no slot for the metadata next to its heads
 * (TransactGetItems reads at most 100 items): readHeads reads those heads.
 * Stash in: identityId, datasetName. Stash out: writes [{key, value, syncCount, bytes, sk, device, date, by}],
 * meta (the metadata item or null), stored [head item or null, aligned with writes] and headsPartition (the
 * partition they were read from), or stored null and headsPartition null when the heads were not read.
 */
import { util } from '@aws-appsync/utils';

const MAX_KEY_CHARACTERS = 1024;
const MAX_VALUE_CHARACTERS = 1048575;
const MAX_INLINE_KEY_BYTES = 1000;
const MAX_TRANSACTION_ITEMS = 100;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';
const NIBBLE_SHIFTS = [28, 24, 20, 16, 12, 8, 4, 0];
const K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const ROUND_INDEXES = K.map((k, i) => i);
const SCHEDULE_INDEXES = ROUND_INDEXES.slice(16);
const ZEROS = K.map(() => 0);

export function request(ctx) {
    const writes = ctx.args.input ? importedRecords(ctx.args.input) : patches(ctx.args.patches, ctx.stash);
    checkDistinctKeys(writes);
    const stash = ctx.stash;
    stash.writes = writes;
    if (writes.length > MAX_TRANSACTION_ITEMS) {
        util.error(`A push may change at most 100 records; this one has ${writes.length}. Split it.`,
            'LimitExceededException');
    }
    const table = ctx.env.SYNCSHIFT_TABLE;
    const guess = `D#${stash.identityId}#${stash.datasetName}#0`;
    stash.headsPartition = writes.length < MAX_TRANSACTION_ITEMS ? guess : null;
    const keys = stash.headsPartition === null ? [] : writes.map((write) => ({ pk: guess, sk: write.sk }));
    keys.push({ pk: `I#${stash.identityId}`, sk: `D#${stash.datasetName}` });
    return {
        operation: 'TransactGetItems',
        transactItems: keys.map((key) => ({ table, key: util.dynamodb.toMapValues(key) })),
    };
}

export function response(ctx) {
    if (ctx.error) {
        util.error(ctx.error.message, ctx.error.type);
    }
    const stash = ctx.stash;
    const items = ctx.result.items.map((item) => item ?? null);
    stash.meta = items[items.length - 1];
    stash.stored = stash.headsPartition === null ? null : items.slice(0, items.length - 1);
    return stash.stored;
}

function patches(list, stash) {
    return list.map((patch) => {
        if (patch.op === 'replace' && (patch.value === undefined || patch.value === null)) {
            util.error('1 validation error detected: Value null at \'value\' failed to satisfy constraint: '
                + 'Member must not be null', 'InvalidParameterException');
        }
        const value = patch.op === 'replace' ? patch.value : null;
        return write(patch.key, value, patch.syncCount, epochMillisOrNull(patch.deviceLastModifiedDate), stash.now,
            stash.by);
    });
}

function importedRecords(input) {
    return input.records.map((record) => write(record.key, record.value ?? null, record.syncCount,
        epochMillisOrNull(record.deviceLastModifiedDate), epochMillisOrNull(record.lastModifiedDate),
        record.lastModifiedBy));
}

// The API's AWSDateTime (ISO 8601) as the store's epoch milliseconds.
function epochMillisOrNull(isoDate) {
    return isoDate === undefined || isoDate === null ? null : util.time.parseISO8601ToEpochMilliSeconds(isoDate);
}

function write(key, value, syncCount, device, date, by) {
    checkLength('key', key, 1, MAX_KEY_CHARACTERS);
    if (value !== null) {
        checkLength('value', value, 0, MAX_VALUE_CHARACTERS);
    }
    if (syncCount < 0) {
        util.error(`1 validation error detected: Value '${syncCount}' at 'syncCount' failed to satisfy constraint: `
            + 'Member must have value greater than or equal to 0', 'InvalidParameterException');
    }
    const keyBytes = utf8Length(key);
    if (keyBytes !== utf8LengthOfUnits(key)) {
        // Only then is the key walked for an unpaired surrogate (UTF-8 writes it as "?"): the common path pays nothing.
        checkUnicode('key', key);
        util.error('util.base64Encode does not encode UTF-8 in this runtime; record keys cannot be computed',
            'InternalFailureException');
    }
    const bytes = value === null ? 0 : keyBytes + utf8Length(value);
    const sk = keyBytes <= MAX_INLINE_KEY_BYTES ? `K#${key}` : `H#${sha256Hex(utf8Bytes(key))}`;
    return { key, value, syncCount, bytes, sk, device: device ?? null, date, by };
}

function checkLength(member, text, min, max) {
    const length = text.length <= max || text.length > 2 * max ? text.length : codePoints(text);
    if (length < min || length > max) {
        const bound = length < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
        util.error(`1 validation error detected: Value at '${member}' failed to satisfy constraint: `
            + `Member must have length ${bound}`, 'InvalidParameterException');
    }
}

// Code points, as the service model's length constraints count them: UTF-16 units less the low surrogates.
function codePoints(text) {
    return text.length - text.split('').filter((c) => c >= '\uDC00' && c <= '\uDFFF').length;
}

// UTF-8, and so DynamoDB, cannot carry an unpaired surrogate, which JSON's \u escapes can: bad input, as the client
// refuses it before sending, where it would fail the key's byte count. Keys only, and only once their byte counts
// disagree: a walk of every value, up to a million interpreted steps a record, would cost every push; a value's
// unpaired surrogate is stored as '?'.
function checkUnicode(member, text) {
    // A string's for-of yields code points: a surrogate alone is an unpaired one.
    let unpaired = false;
    for (const c of text) {
        unpaired = unpaired || (c.length === 1 && c >= '\uD800' && c <= '\uDFFF');
    }
    if (unpaired) {
        util.error(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be `
            + 'valid Unicode, without an unpaired surrogate', 'InvalidParameterException');
    }
}

function checkDistinctKeys(writes) {
    // Prefixed, so that no key ("__proto__") is an object's special property.
    const seen = {};
    writes.forEach((write) => {
        if (Object.hasOwn(seen, `k${write.key}`)) {
            util.error(`Duplicate key in RecordPatches: ${write.key}`, 'InvalidParameterException');
        }
        seen[`k${write.key}`] = true;
    });
}

function utf8Length(text) {
    const encoded = util.base64Encode(text);
    const padding = encoded.endsWith('==') ? 2 : (encoded.endsWith('=') ? 1 : 0);
    return encoded.length / 4 * 3 - padding;
}

// The same count from the UTF-16 units themselves (a surrogate unit is half of a 4-byte character): a check that
// util.base64Encode really encodes UTF-8, on every key, since hashes and sizes depend on it.
function utf8LengthOfUnits(text) {
    let bytes = 0;
    text.split('').forEach((c) => {
        const surrogate = c >= '\uD800' && c <= '\uDFFF';
        bytes = bytes + (c < '\u0080' ? 1 : (c < '\u0800' || surrogate ? 2 : 3));
    });
    return bytes;
}

function utf8Bytes(text) {
    const bytes = [];
    let buffer = 0;
    let bits = 0;
    for (const c of util.base64Encode(text).split('')) {
        if (c !== '=') {
            buffer = ((buffer << 6) | BASE64.indexOf(c)) & 0xffffff;
            bits = bits + 6;
            if (bits >= 8) {
                bits = bits - 8;
                bytes.push((buffer >> bits) & 0xff);
            }
        }
    }
    return bytes;
}

function sha256Hex(bytes) {
    const bitLength = bytes.length * 8;
    const padded = bytes.concat([0x80], ZEROS.slice(0, (119 - (bytes.length % 64)) % 64), [0, 0, 0, 0,
        (bitLength >>> 24) & 0xff, (bitLength >>> 16) & 0xff, (bitLength >>> 8) & 0xff, bitLength & 0xff]);
    const words = [];
    padded.forEach((b, i) => {
        words[i >> 2] = (((words[i >> 2] ?? 0) << 8) | b) | 0;
    });
    let hash = H0.slice();
    let block = [];
    for (const word of words) {
        block.push(word);
        if (block.length === 16) {
            hash = compress(hash, block);
            block = [];
        }
    }
    return hash.map((word) => NIBBLE_SHIFTS.map((shift) => HEX.charAt((word >>> shift) & 15)).join('')).join('');
}

function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
}

function compress(hash, block) {
    const w = block.slice();
    for (const i of SCHEDULE_INDEXES) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w.push((w[i - 16] + s0 + w[i - 7] + s1) | 0);
    }
    const v = hash.slice();
    for (const t of ROUND_INDEXES) {
        const s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
        const choice = (v[4] & v[5]) ^ ((v[4] ^ 0xffffffff) & v[6]);
        const t1 = (v[7] + s1 + choice + K[t] + w[t]) | 0;
        const s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
        const majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        v.unshift((t1 + ((s0 + majority) | 0)) | 0);
        v.pop();
        v[4] = (v[4] + t1) | 0;
    }
    return hash.map((h, i) => (h + v[i]) | 0);
}
