// Cognito Identity and Cognito Sync called from a web page of another origin, through jsdom's XMLHttpRequest,
// which runs the browser's CORS algorithm: preflights for the AWS JSON 1.1 POSTs (content-type and x-amz-target are
// not simple headers) and for a signed Cognito Sync call (authorization, x-amz-date), the
// Access-Control-Allow-Origin check of each answer, and response headers readable only when exposed.
// Prints one JSON line with what the page saw.
// Usage: node page-calls.mjs <endpoint> <identityPoolId allowing unauthenticated identities>
import { JSDOM } from "jsdom";

const [endpoint, identityPoolId] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint ?? "") || !identityPoolId) {
  console.error("usage: node page-calls.mjs http://127.0.0.1:<port> <identityPoolId> (loopback endpoints only)");
  process.exit(2);
}
const { window } = new JSDOM("<!doctype html><title>app</title>", { url: "http://localhost:5173/" });

/** Sends from the page; resolves with what the page can see, or rejects when the browser blocks the call. */
function fromThePage(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const xhr = new window.XMLHttpRequest();
    xhr.open(method, endpoint + path);
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText,
      errorType: xhr.getResponseHeader("x-amzn-ErrorType") });
    xhr.onerror = () => reject(new Error(`the browser blocked ${method} ${path}`));
    xhr.send(body ?? null);
  });
}

const identity = (operation, input) => fromThePage("POST", "/", {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": `AWSCognitoIdentityService.${operation}`,
}, JSON.stringify(input));

const id = await identity("GetId", { IdentityPoolId: identityPoolId });
const identityId = JSON.parse(id.body).IdentityId;
const credentials = await identity("GetCredentialsForIdentity", { IdentityId: identityId });
const refused = await fromThePage("GET", `/identitypools/${encodeURIComponent(identityPoolId)}/identities/`
  + `${encodeURIComponent(identityId)}/datasets`, {
  authorization: "AWS4-HMAC-SHA256 Credential=AKIDPAGE/20260101/us-east-1/cognito-sync/aws4_request, "
    + "SignedHeaders=host;x-amz-date, Signature=0000",
  "x-amz-date": "20260101T000000Z",
});

console.log(JSON.stringify({
  getIdStatus: id.status,
  identityId,
  credentialsStatus: credentials.status,
  accessKeyId: JSON.parse(credentials.body).Credentials?.AccessKeyId ?? null,
  refusedStatus: refused.status,
  refusedErrorType: refused.errorType,
}));
