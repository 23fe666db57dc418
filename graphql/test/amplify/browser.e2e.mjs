// The AppSync emulator called from a web page of another origin, through jsdom's XMLHttpRequest, which runs the
// browser's CORS algorithm: the preflight for a SigV4-signed POST (content-type, x-amz-date, x-amz-security-token
// and authorization are not simple headers), the Access-Control-Allow-Origin check of the answer, and response
// headers readable by the page only when exposed. Run by graphql's AmplifyJsIT with APPSYNC_GRAPHQL and
// APPSYNC_USERS (see amplify.e2e.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { JSDOM } from 'jsdom';

const endpoint = process.env.APPSYNC_GRAPHQL ?? '';
const users = JSON.parse(process.env.APPSYNC_USERS ?? '[]');
if (!/^http:\/\/127\.0\.0\.1:\d+\/graphql$/.test(endpoint) || users.length < 1) {
  throw new Error('set APPSYNC_GRAPHQL (a loopback emulator endpoint) and APPSYNC_USERS (an identity)');
}
const PAGE = 'http://localhost:5173/';
const { window } = new JSDOM('<!doctype html><title>app</title>', { url: PAGE });

/** Sends from the page; resolves with what the page can see, or rejects when the browser blocks the call. */
function fromThePage(headers, body) {
  return new Promise((resolve, reject) => {
    const xhr = new window.XMLHttpRequest();
    xhr.open('POST', endpoint);
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText,
      errorType: xhr.getResponseHeader('x-amzn-ErrorType') });
    xhr.onerror = () => reject(new Error('the browser blocked the call'));
    xhr.send(body);
  });
}

test('a page of another origin calls the API with a SigV4-signed request', async () => {
  const [user] = users;
  const url = new URL(endpoint);
  const body = JSON.stringify({ query: 'query L($d: String!) { listRecords(datasetName: $d) { datasetSyncCount } }',
    variables: { d: 'from-a-page' } });
  const signer = new SignatureV4({ service: 'appsync', region: 'us-east-1', sha256: Sha256, applyChecksum: false,
    credentials: { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey,
      sessionToken: user.sessionToken } });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port),
    path: url.pathname, headers: { host: url.host, 'content-type': 'application/json' }, body });
  const { host, ...headers } = signed.headers;

  const answer = await fromThePage(headers, body);

  assert.equal(answer.status, 200, answer.body);
  assert.equal(JSON.parse(answer.body).data.listRecords.datasetSyncCount, 0);
});

test('a refused call is readable by the page, its error type exposed', async () => {
  const answer = await fromThePage({ 'content-type': 'application/json' }, JSON.stringify({ query: '{ x }' }));

  assert.equal(answer.status, 401);
  assert.equal(answer.errorType, 'UnauthorizedException');
});
