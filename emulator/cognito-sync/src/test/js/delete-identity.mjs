// A developer's backend deleting an identity with the real AWS SDK for JavaScript v3 against the emulator, then
// describing it. Developer credentials come from DEVELOPER_KEY and DEVELOPER_SECRET. Prints one JSON line with what
// it saw.
// Usage: node delete-identity.mjs <endpoint> <identityPoolId allowing unauthenticated identities>
import {
  CognitoIdentityClient, DeleteIdentitiesCommand, DescribeIdentityCommand, GetIdCommand,
} from "@aws-sdk/client-cognito-identity";

const [endpoint, identityPoolId] = process.argv.slice(2);
const { DEVELOPER_KEY: accessKeyId, DEVELOPER_SECRET: secretAccessKey } = process.env;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint ?? "") || !identityPoolId || !accessKeyId || !secretAccessKey) {
  console.error("usage: DEVELOPER_KEY=… DEVELOPER_SECRET=… node delete-identity.mjs http://127.0.0.1:<port> "
    + "<identityPoolId> (loopback endpoints only)");
  process.exit(2);
}
const developer = new CognitoIdentityClient({
  region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId, secretAccessKey } });

const { IdentityId: identityId } = await developer.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
const deleted = await developer.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [identityId] }));
let describeError = null;
try {
  await developer.send(new DescribeIdentityCommand({ IdentityId: identityId }));
} catch (error) {
  describeError = { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}
console.log(JSON.stringify({ identityId, unprocessed: deleted.UnprocessedIdentityIds, describeError }));
