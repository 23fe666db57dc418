// The control-plane operations the migrator's `check` uses, called through the AWS SDK for JavaScript v3
// (@aws-sdk/client-appsync), which signs and parses differently from the Java SDK's AppSyncClient: GetGraphqlApi,
// GetIntrospectionSchema (SDL), ListResolvers and EvaluateCode, plus the typed error of an unknown API.
// Run by graphql's AmplifyJsIT, which starts the emulator and passes, in the environment:
//   APPSYNC_CONTROL      the emulator's control-plane endpoint, http://127.0.0.1:<port>
//   APPSYNC_API_ID       the API's id
//   APPSYNC_OPERATOR     {"accessKeyId", "secretAccessKey"} of an IAM caller the emulator knows
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  AppSyncClient,
  EvaluateCodeCommand,
  GetGraphqlApiCommand,
  GetIntrospectionSchemaCommand,
  ListResolversCommand,
} from '@aws-sdk/client-appsync';

const endpoint = process.env.APPSYNC_CONTROL ?? '';
const apiId = process.env.APPSYNC_API_ID ?? '';
const operator = JSON.parse(process.env.APPSYNC_OPERATOR ?? '{}');
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint) || !apiId || !operator.accessKeyId) {
  throw new Error('set APPSYNC_CONTROL (a loopback endpoint), APPSYNC_API_ID and APPSYNC_OPERATOR');
}
const client = new AppSyncClient({ endpoint, region: 'us-east-1', credentials: operator, maxAttempts: 1 });
const schemaFile = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

// The field names of a root type: descriptions and argument lists removed, what is left of each field is "name: Type".
function rootFields(sdl, type) {
  const bare = sdl.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '').replace(/#[^\n]*/g, '');
  const body = bare.match(new RegExp(`type ${type}\\b[^{]*\\{([^}]*)\\}`))?.[1] ?? '';
  return [...body.replace(/\([^)]*\)/g, '').matchAll(/(\w+)\s*:/g)].map((m) => m[1]).sort();
}

const REQUEST_ID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

test('GetGraphqlApi: the API is AWS_IAM, and the answer names its request', async () => {
  const { graphqlApi, $metadata } = await client.send(new GetGraphqlApiCommand({ apiId }));
  assert.equal(graphqlApi.apiId, apiId);
  assert.equal(graphqlApi.authenticationType, 'AWS_IAM');
  assert.match($metadata.requestId ?? '', REQUEST_ID);
});

test('GetIntrospectionSchema: the SDL declares every root field of schema.graphql', async () => {
  const { schema } = await client.send(new GetIntrospectionSchemaCommand({ apiId, format: 'SDL' }));
  const served = new TextDecoder().decode(schema);
  for (const type of ['Query', 'Mutation', 'Subscription']) {
    assert.deepEqual(rootFields(served, type), rootFields(schemaFile, type), type);
  }
});

test('ListResolvers: every root field has an APPSYNC_JS resolver', async () => {
  for (const typeName of ['Query', 'Mutation', 'Subscription']) {
    const names = [];
    let nextToken;
    do {
      const page = await client.send(new ListResolversCommand({ apiId, typeName, nextToken }));
      page.resolvers.forEach((r) => {
        assert.equal(r.runtime?.name, 'APPSYNC_JS', `${typeName}.${r.fieldName}`);
        names.push(r.fieldName);
      });
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(names.sort(), rootFields(schemaFile, typeName), typeName);
  }
});

test('EvaluateCode: a resolver file of the API runs its request handler', async () => {
  const code = readFileSync(new URL('../../resolvers/readIdentity.js', import.meta.url), 'utf8');
  const answer = await client.send(new EvaluateCodeCommand({
    runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
    code,
    function: 'request',
    context: JSON.stringify({ arguments: {}, stash: { identityId: 'us-east-1:js-sdk' } }),
  }));
  assert.equal(answer.error, undefined);
  const request = JSON.parse(answer.evaluationResult);
  assert.equal(request.operation, 'Query');
  assert.equal(request.query.expressionValues[':pk'].S, 'I#us-east-1:js-sdk');
});

test('an unknown API is the SDK\'s typed NotFoundException', async () => {
  await assert.rejects(client.send(new GetGraphqlApiCommand({ apiId: 'nosuchapi0000000000000000' })),
    (e) => e.name === 'NotFoundException' && e.$metadata.httpStatusCode === 404
      && REQUEST_ID.test(e.$metadata.requestId ?? ''));
});
