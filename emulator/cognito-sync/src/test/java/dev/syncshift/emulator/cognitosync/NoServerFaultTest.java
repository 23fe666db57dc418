package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * Nothing a client sends produces a 500: seeded random mutations of a valid UpdateRecords body and of valid
 * Cognito Identity bodies all get 2xx or 4xx answers with an error name.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class NoServerFaultTest {

    private static final String SIGNED_AT = "20261122T000000Z";
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20261122/us-east-1/cognito-sync/"
            + "aws4_request, SignedHeaders=host, Signature=00";
    private static final String VALID_UPDATE = "{\"DeviceId\":\"d\",\"SyncSessionToken\":\"t\",\"RecordPatches\":"
            + "[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":1.5E9}]}";
    private static final String VALID_GET_ID = "{\"IdentityPoolId\":\"%s\",\"Logins\":{\"graph.facebook.com\":\"x\"}}";
    private static final String ALPHABET = "{}[]\":,0123456789.-eE+ntrufalsx\\u\u00e9\u0000 ";
    private static final int MUTATIONS = 400;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void mutatedBodiesNeverCauseAServerFault(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = Pools.newPool(identity);
        String id = Pools.newIdentity(identity, pool);
        URI update = URI.create(emulator.endpoint() + "/identitypools/" + encode(pool) + "/identities/"
                + encode(id) + "/datasets/fuzz");
        Random random = new Random(20261122);

        for (int i = 0; i < MUTATIONS; i++) {
            assertNoServerFault(send(update, null, mutate(VALID_UPDATE, random)));
            assertNoServerFault(send(emulator.endpoint(), "AWSCognitoIdentityService.GetId",
                    mutate(String.format(VALID_GET_ID, pool), random)));
        }
    }

    private HttpResponse<String> send(URI uri, String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", SIGNED)
                .header("X-Amz-Date", SIGNED_AT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoServerFault(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.body()).contains("\"message\"");
        }
    }

    private static String mutate(String valid, Random random) {
        StringBuilder body = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && body.length() > 0; e++) {
            int at = random.nextInt(body.length());
            switch (random.nextInt(3)) {
                case 0 -> body.deleteCharAt(at);
                case 1 -> body.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> body.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return body.toString();
    }

    private static String encode(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8);
    }
}
