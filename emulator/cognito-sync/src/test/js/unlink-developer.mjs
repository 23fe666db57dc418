// A developer's backend with the real AWS SDK for JavaScript v3 against the emulator: it finds a developer user's
// identity (LookupDeveloperIdentity), unlinks the user from it (UnlinkDeveloperIdentity), then looks the user up
// again. Developer credentials come from DEVELOPER_KEY and DEVELOPER_SECRET. Prints one JSON line with what it saw.
// Usage: node unlink-developer.mjs <endpoint> <identityPoolId> <developer provider name of that pool>
import {
  CognitoIdentityClient, GetOpenIdTokenForDeveloperIdentityCommand, LookupDeveloperIdentityCommand,
  UnlinkDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";

const [endpoint, identityPoolId, provider] = process.argv.slice(2);
const { DEVELOPER_KEY: accessKeyId, DEVELOPER_SECRET: secretAccessKey } = process.env;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint ?? "") || !identityPoolId || !provider || !accessKeyId
    || !secretAccessKey) {
  console.error("usage: DEVELOPER_KEY=… DEVELOPER_SECRET=… node unlink-developer.mjs http://127.0.0.1:<port> "
    + "<identityPoolId> <developer provider> (loopback endpoints only)");
  process.exit(2);
}
const developer = new CognitoIdentityClient({
  region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId, secretAccessKey } });
const user = "js-user";

const { IdentityId: identityId } = await developer.send(new GetOpenIdTokenForDeveloperIdentityCommand({
  IdentityPoolId: identityPoolId, Logins: { [provider]: user } }));
const found = await developer.send(new LookupDeveloperIdentityCommand({
  IdentityPoolId: identityPoolId, DeveloperUserIdentifier: user }));
await developer.send(new UnlinkDeveloperIdentityCommand({
  IdentityPoolId: identityPoolId, IdentityId: identityId, DeveloperProviderName: provider,
  DeveloperUserIdentifier: user }));
let lookupError = null;
try {
  await developer.send(new LookupDeveloperIdentityCommand({
    IdentityPoolId: identityPoolId, DeveloperUserIdentifier: user }));
} catch (error) {
  lookupError = { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
}
console.log(JSON.stringify({
  identityId, found: found.IdentityId, users: found.DeveloperUserIdentifierList, lookupError }));
