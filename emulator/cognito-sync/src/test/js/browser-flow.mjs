// A browser app's flow, run with the real AWS SDK for JavaScript v3
// against the emulator: sign in with a user-pool token, get credentials from the identity pool, then store and
// read a dataset record with ListRecords + UpdateRecords. Prints one JSON line with what it saw.
// Usage: node browser-flow.mjs <endpoint> <identityPoolId>
import { CognitoIdentityClient, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from "@aws-sdk/client-cognito-sync";

const [endpoint, identityPoolId] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint ?? "") || !identityPoolId) {
  console.error("usage: node browser-flow.mjs http://127.0.0.1:<port> <identityPoolId> (loopback endpoints only)");
  process.exit(2);
}
const REGION = "us-east-1";
const DATASET = "preference";
const DATASET_KEY = "background-color";
const logins = { [`cognito-idp.${REGION}.amazonaws.com/${REGION}_Seed`]: "id-token-of-seed-user" };

const cognitoIdentityClient = new CognitoIdentityClient({ region: REGION, endpoint });
const { IdentityId: identityId } = await cognitoIdentityClient.send(
  new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }));
const deviceClient = () => new CognitoSyncClient({
  region: REGION,
  endpoint,
  maxAttempts: 1,
  credentials: fromCognitoIdentityPool({ client: cognitoIdentityClient, identityPoolId, logins }),
});

const key = { DatasetName: DATASET, IdentityId: identityId, IdentityPoolId: identityPoolId };

async function setBackgroundColor(client, color) {
  const listed = await client.send(new ListRecordsCommand(key));
  const current = listed.Records.find((record) => record.Key === DATASET_KEY);
  const response = await client.send(new UpdateRecordsCommand({
    ...key,
    RecordPatches: [{ Key: DATASET_KEY, Op: "replace", SyncCount: current ? current.SyncCount : 0, Value: color }],
    SyncSessionToken: listed.SyncSessionToken,
  }));
  return response.Records[0];
}

async function getBackgroundColor(client) {
  const listed = await client.send(new ListRecordsCommand(key));
  return { listed, value: listed.Records.find((record) => record.Key === DATASET_KEY)?.Value };
}

const firstDevice = deviceClient();
const written = await setBackgroundColor(firstDevice, "red");
const rewritten = await setBackgroundColor(firstDevice, "blue");
const { listed, value } = await getBackgroundColor(deviceClient());
let conflict = null;
try {
  await firstDevice.send(new UpdateRecordsCommand({
    ...key,
    RecordPatches: [{ Key: DATASET_KEY, Op: "replace", SyncCount: 1, Value: "stale" }],
    SyncSessionToken: listed.SyncSessionToken,
  }));
} catch (error) {
  conflict = { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}
// An Identity error: its type is in the x-amzn-ErrorType header (with the service's trailing colon) and the body.
let identityError = null;
try {
  await cognitoIdentityClient.send(new GetIdCommand({
    IdentityPoolId: "us-east-1:00000000-0000-4000-8000-0000000000ff", Logins: logins }));
} catch (error) {
  identityError = { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}
console.log(JSON.stringify({
  identityId,
  firstSyncCount: written.SyncCount,
  secondSyncCount: rewritten.SyncCount,
  secondDeviceValue: value,
  datasetSyncCount: listed.DatasetSyncCount,
  datasetExists: listed.DatasetExists,
  lastModifiedDateIsDate: written.LastModifiedDate instanceof Date,
  conflict,
  identityError,
}));
