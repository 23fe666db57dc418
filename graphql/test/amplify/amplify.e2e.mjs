// End-to-end checks of the AppSync emulator serving the real template, through clients written for AppSync:
// Amplify JS v6 (generateClient with authMode 'iam': a query, a mutation, and a subscription that receives the
// mutation over the real-time WebSocket, authorized by the header-<base64url> subprotocol; credentials the emulator
// refuses, which Amplify must take for a refusal it does not try again; a nextToken of another identity, whose
// errorType Amplify passes on) and a request signed by hand with the JS SDK's SigV4 signer (signed headers without
// x-amz-content-sha256).
// Run by graphql's AmplifyJsIT, which starts the emulator and passes, in the environment:
//   APPSYNC_GRAPHQL  the emulator's GraphQL endpoint, http://127.0.0.1:<port>/graphql
//   APPSYNC_USERS    a JSON array of Cognito identities with temporary credentials:
//                    [{ "accessKeyId", "secretAccessKey", "sessionToken", "identityId" }, ...] (two of them)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import WebSocket from 'ws';

const endpoint = process.env.APPSYNC_GRAPHQL ?? '';
const users = JSON.parse(process.env.APPSYNC_USERS ?? '[]');
if (!/^http:\/\/127\.0\.0\.1:\d+\/graphql$/.test(endpoint) || users.length < 2) {
  throw new Error('set APPSYNC_GRAPHQL (a loopback emulator endpoint) and APPSYNC_USERS (two identities)');
}
const REGION = 'us-east-1';

// Amplify always opens wss:// (AppSync serves TLS); the emulator serves plain ws:// on loopback. Connections are
// counted, to see whether Amplify tries again after a refusal.
let connectionsOpened = 0;
globalThis.WebSocket = class LoopbackWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(String(url).replace(/^wss:\/\/127\.0\.0\.1:/, 'ws://127.0.0.1:'), protocols);
    connectionsOpened++;
  }
};

const CHANGE = 'identityId datasetName datasetSyncCount deleted';
const UPDATE_RECORDS = `mutation UpdateRecords($datasetName: String!, $patches: [RecordPatchInput!]!) {
  updateRecords(datasetName: $datasetName, patches: $patches) { ${CHANGE} records { key value syncCount } } }`;
const LIST_RECORDS = `query ListRecords($datasetName: String!) {
  listRecords(datasetName: $datasetName) { datasetSyncCount records { key value syncCount } } }`;
const PAGE = 'datasetSyncCount records { key value syncCount deleted }';
const SYNC_DATASET = `mutation SyncDataset($datasetName: String!, $lastSyncCount: Int!,
  $patches: [RecordPatchInput!]!) {
  syncDataset(datasetName: $datasetName, lastSyncCount: $lastSyncCount, patches: $patches) {
    ${CHANGE} changes { ${PAGE} } } }`;
const LIST_SINCE = `query ListSince($datasetName: String!, $lastSyncCount: Int) {
  listRecords(datasetName: $datasetName, lastSyncCount: $lastSyncCount) { ${PAGE} } }`;
const LIST_PAGE = `query ListPage($datasetName: String!, $limit: Int, $nextToken: String) {
  listRecords(datasetName: $datasetName, lastSyncCount: 0, limit: $limit, nextToken: $nextToken) {
    nextToken records { key } } }`;
const ON_DATASET_CHANGED = `subscription OnDatasetChanged($identityId: ID!, $datasetName: String) {
  onDatasetChanged(identityId: $identityId, datasetName: $datasetName) { ${CHANGE} } }`;

const [device, other] = users;
// The credentials Amplify signs with: the device's, or (for the tests of a refusal) the device's with a wrong secret.
let signingAs = device;
Amplify.configure(
  { API: { GraphQL: { endpoint, region: REGION, defaultAuthMode: 'iam' } } },
  {
    Auth: {
      credentialsProvider: {
        getCredentialsAndIdentityId: async () => ({
          credentials: {
            accessKeyId: signingAs.accessKeyId,
            secretAccessKey: signingAs.secretAccessKey,
            sessionToken: signingAs.sessionToken,
          },
          identityId: signingAs.identityId,
        }),
        clearCredentialsAndIdentityId: () => {},
      },
    },
  });
const client = generateClient({ authMode: 'iam' });

function push(datasetName, key, value, syncCount) {
  return client.graphql({ query: UPDATE_RECORDS,
    variables: { datasetName, patches: [{ op: 'replace', key, value, syncCount }] } });
}

// First in the file, so that Amplify has no WebSocket open yet: the refused subscription opens the connection.
test('credentials the emulator refuses reach Amplify JS v6 as a refusal, and its subscription gives up at once',
  { timeout: 20_000 }, async () => {
    signingAs = { ...device, secretAccessKey: `${device.secretAccessKey}-wrong` };
    try {
      const query = await client.graphql({ query: LIST_RECORDS, variables: { datasetName: 'refused' } })
        .then(() => null, (e) => e);
      // Amplify knows the refusal by its type (the x-amzn-ErrorType header) and words it for the app as 'Unauthorized'
      assert.match(query?.errors?.[0]?.originalError?.name ?? '', /^UnauthorizedException/);
      assert.equal(query.errors[0].message, 'Unauthorized');

      const before = connectionsOpened;
      const refusal = await new Promise((resolve, reject) => {
        client.graphql({ query: ON_DATASET_CHANGED, variables: { identityId: device.identityId } }).subscribe({
          next: (value) => reject(new Error(`refused credentials heard a change: ${JSON.stringify(value)}`)),
          error: resolve,
        });
      });
      // connection_error with errorCode 401 is one Amplify does not try again (it would for minutes otherwise)
      assert.match(refusal.errors?.[0]?.message ?? '', /^Connection failed: UnauthorizedException/);
      assert.equal(connectionsOpened - before, 1, 'one connection, not tried again');
    } finally {
      signingAs = device;
    }
  });

test('a mutation and a query through Amplify JS v6 with IAM credentials', async () => {
  const pushed = await push('amplify-query', 'colour', 'blue', 0);
  const listed = await client.graphql({ query: LIST_RECORDS, variables: { datasetName: 'amplify-query' } });

  assert.equal(pushed.data.updateRecords.identityId, device.identityId);
  assert.equal(pushed.data.updateRecords.datasetSyncCount, 1);
  assert.deepEqual(listed.data.listRecords.records.map((r) => [r.key, r.value, r.syncCount]), [['colour', 'blue', 1]]);
});

test('a query outside the schema reaches Amplify JS v6 worded as AppSync words validation errors', async () => {
  // Amplify rejects with the GraphQL result; apps read (and some match) errors[].message
  const refused = await client.graphql({ query: 'query { nosuchField }' }).then(() => null, (e) => e);

  assert.ok(refused, 'a query with an unknown field must be refused');
  assert.equal(refused.errors?.[0]?.message, "Validation error of type FieldUndefined: Field 'nosuchField' in type "
    + "'Query' is undefined @ 'nosuchField'");
});

test('syncDataset through Amplify JS v6 returns the changes a listRecords from the same count reads', async () => {
  const datasetName = 'amplify-sync';
  const sync = async (lastSyncCount, key) => (await client.graphql({ query: SYNC_DATASET,
    variables: { datasetName, lastSyncCount, patches: [{ op: 'replace', key, value: key, syncCount: 0 }] } }))
    .data.syncDataset.changes;
  const since = async (lastSyncCount) => (await client.graphql({ query: LIST_SINCE,
    variables: { datasetName, lastSyncCount } })).data.listRecords;
  await push(datasetName, 'theirs', 'theirs', 0);

  const upToDate = await sync(1, 'mine');
  assert.deepEqual(upToDate, await since(1));
  const behind = await sync(0, 'later');
  assert.deepEqual(behind, await since(0));

  assert.deepEqual(upToDate.records.map((r) => [r.key, r.syncCount]), [['mine', 2]]);
  assert.deepEqual(behind.records.map((r) => [r.key, r.syncCount]), [['theirs', 1], ['mine', 2], ['later', 3]]);
});

test('a nextToken of another identity reaches Amplify JS v6 as InvalidParameterException and reads nothing',
  async () => {
    const datasetName = 'amplify-token';
    const firstPage = () => client.graphql({ query: LIST_PAGE, variables: { datasetName, limit: 1 } });
    let token;
    signingAs = other;
    try {
      await client.graphql({ query: UPDATE_RECORDS, variables: { datasetName, patches: ['s1', 's2']
        .map((key) => ({ op: 'replace', key, value: 'secret', syncCount: 0 })) } });
      token = (await firstPage()).data.listRecords.nextToken;
    } finally {
      signingAs = device;
    }
    await push(datasetName, 'mine', 'v', 0);

    const refused = await client.graphql({ query: LIST_PAGE, variables: { datasetName, limit: 1, nextToken: token } })
      .then((answer) => assert.fail(`another identity's token read ${JSON.stringify(answer)}`), (e) => e);

    assert.equal(refused.data ?? null, null);
    assert.equal(refused.errors?.[0]?.errorType, 'InvalidParameterException');
    assert.equal(refused.errors[0].message, `1 validation error detected: Value '${token}' at 'nextToken' failed to `
      + 'satisfy constraint: Member must be a token returned by this API');
  });

/** Subscribes with `variables`, runs `pushes` once acknowledged, and returns the first `count` changes heard. */
async function changesHeard(variables, count, pushes) {
  const acknowledged = new Promise((resolve) => {
    const stop = Hub.listen('api', ({ payload }) => {
      if (payload.event === 'Subscription ack') {
        stop();
        resolve();
      }
    });
  });
  const received = [];
  let delivered;
  const arrived = new Promise((resolve, reject) => { delivered = { resolve, reject }; });
  const subscription = client.graphql({ query: ON_DATASET_CHANGED, variables }).subscribe({
    next: ({ data }) => {
      received.push(data.onDatasetChanged);
      if (received.length === count) {
        delivered.resolve();
      }
    },
    error: (e) => delivered.reject(new Error(JSON.stringify(e))),
  });
  try {
    await acknowledged;
    await pushes();
    await arrived;
  } finally {
    subscription.unsubscribe();
  }
  return received;
}

test('a subscription through Amplify JS v6 receives the mutation', async () => {
  const received = await changesHeard({ identityId: device.identityId, datasetName: 'amplify-live' }, 1,
    () => push('amplify-live', 'k', 'v', 0));

  assert.deepEqual(received, [{ identityId: device.identityId, datasetName: 'amplify-live', datasetSyncCount: 1,
    deleted: false }]);
});

test('a subscription without a dataset name receives the changes of every dataset of the identity', async () => {
  const received = await changesHeard({ identityId: device.identityId }, 2, async () => {
    await push('amplify-any-one', 'k', 'v', 0);
    await push('amplify-any-two', 'k', 'v', 0);
  });

  assert.deepEqual(received.map((change) => change.datasetName), ['amplify-any-one', 'amplify-any-two']);
  assert.ok(received.every((change) => change.identityId === device.identityId));
});

// Amplify keeps one WebSocket and starts each subscription on it with an id of its own, as the syncshift client does.
test('two subscriptions at once on Amplify JS v6\'s one WebSocket each hear only their own dataset', async () => {
  let acks = 0;
  let bothAcknowledged;
  const acknowledged = new Promise((resolve) => { bothAcknowledged = resolve; });
  const stop = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack' && ++acks === 2) {
      bothAcknowledged();
    }
  });
  const heard = { one: [], two: [] };
  let delivered;
  const arrived = new Promise((resolve, reject) => { delivered = { resolve, reject }; });
  const listen = (datasetName, into) => client.graphql({ query: ON_DATASET_CHANGED,
    variables: { identityId: device.identityId, datasetName } }).subscribe({
    next: ({ data }) => {
      into.push(data.onDatasetChanged.datasetName);
      if (heard.one.length + heard.two.length === 2) {
        delivered.resolve();
      }
    },
    error: (e) => delivered.reject(new Error(JSON.stringify(e))),
  });
  const one = listen('amplify-both-one', heard.one);
  const two = listen('amplify-both-two', heard.two);
  try {
    await acknowledged;
    await push('amplify-both-two', 'k', 'v', 0);
    await push('amplify-both-one', 'k', 'v', 0);
    await arrived;
  } finally {
    stop();
    one.unsubscribe();
    two.unsubscribe();
  }

  assert.deepEqual(heard, { one: ['amplify-both-one'], two: ['amplify-both-two'] });
});

test('a request signed with the JS SDK signer over content-type, host, x-amz-date and the session token', async () => {
  const url = new URL(endpoint);
  const body = JSON.stringify({ query: UPDATE_RECORDS,
    variables: { datasetName: 'hand-signed', patches: [{ op: 'replace', key: 'k', value: 'v', syncCount: 0 }] } });
  const credentials = { accessKeyId: other.accessKeyId, secretAccessKey: other.secretAccessKey,
    sessionToken: other.sessionToken };
  const signer = new SignatureV4({ service: 'appsync', region: REGION, sha256: Sha256, applyChecksum: false,
    credentials });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port),
    path: url.pathname, headers: { host: url.host, 'content-type': 'application/json' }, body });

  const { host, ...headers } = signed.headers;
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const answer = await response.json();

  assert.match(signed.headers.authorization, /SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,/);
  assert.equal(response.status, 200, JSON.stringify(answer));
  assert.equal(answer.data.updateRecords.identityId, other.identityId);
  assert.equal(answer.data.updateRecords.datasetSyncCount, 1);
});
