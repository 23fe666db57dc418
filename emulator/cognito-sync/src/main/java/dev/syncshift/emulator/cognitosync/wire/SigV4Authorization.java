package dev.syncshift.emulator.cognitosync.wire;

import java.util.List;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/cognito-sync/aws4_request, SignedHeaders=..,
 * Signature=..}.
 *
 * @param accessKeyId the access key id of the credential scope
 * @param date the scope's date ({@code yyyyMMdd})
 * @param region the scope's region
 * @param service the scope's signing name
 * @param signedHeaders the signed header names, lower case
 * @param signature the hex signature
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
        List<String> signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256 ";

    /**
     * Parses the request's Authorization header.
     *
     * @throws WireException MissingAuthenticationTokenException (403) when it is absent or not SigV4
     */
    public static SigV4Authorization of(SignedRequest request) {
        String header = request.header("Authorization");
        if (header == null || !header.startsWith(ALGORITHM)) {
            throw new WireException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        }
        String credential = "";
        String signedHeaders = "";
        String signature = "";
        for (String part : header.substring(ALGORITHM.length()).split(",")) {
            String item = part.trim();
            if (item.startsWith("Credential=")) {
                credential = item.substring("Credential=".length());
            } else if (item.startsWith("SignedHeaders=")) {
                signedHeaders = item.substring("SignedHeaders=".length());
            } else if (item.startsWith("Signature=")) {
                signature = item.substring("Signature=".length());
            }
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || signature.isEmpty()) {
            throw new WireException("IncompleteSignatureException", 403,
                    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")),
                signature);
    }
}
