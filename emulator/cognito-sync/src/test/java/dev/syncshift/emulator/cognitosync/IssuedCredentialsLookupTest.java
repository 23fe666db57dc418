package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;

/**
 * The emulator-only lookup {@code GET /_syncshift/credentials/{AccessKeyId}} through which the local AppSync
 * emulator accepts credentials issued here.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class IssuedCredentialsLookupTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuedCredentialsAreDescribedWithTheirIdentity(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = Pools.newPool(identity);
        String id = Pools.newIdentity(identity, pool);
        Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(id)).credentials();

        HttpResponse<String> response = lookup(emulator, issued.accessKeyId());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode found = new ObjectMapper().readTree(response.body());
        assertThat(found.get("SecretKey").asText()).isEqualTo(issued.secretKey());
        assertThat(found.get("SessionToken").asText()).isEqualTo(issued.sessionToken());
        assertThat(found.get("IdentityId").asText()).isEqualTo(id);
        assertThat(found.get("IdentityPoolId").asText()).isEqualTo(pool);
        assertThat(found.get("AuthType").asText()).isEqualTo("unauthenticated");
        assertThat(found.get("Expiration").asDouble()).isEqualTo(issued.expiration().toEpochMilli() / 1000.0);
    }

    @Test
    void anUnknownKeyIsNotFound(CognitoSyncEmulator emulator) throws Exception {
        HttpResponse<String> response = lookup(emulator, "ASIAUNKNOWN0000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
    }

    @Test
    void injectedFaultsNeverTouchTheLookup() throws Exception {
        CognitoSyncEmulatorConfig.Builder throttled = CognitoSyncEmulatorConfig.builder().throttleRps(0.001);
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.start(throttled.build());
                CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                        CognitoSyncEmulatorExtension.DEVELOPER)) {
            String id = Pools.newIdentity(identity, Pools.newPool(identity));
            Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(id)).credentials();

            for (int i = 0; i < 3; i++) {
                assertThat(lookup(emulator, issued.accessKeyId()).statusCode()).isEqualTo(200);
            }
            assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(id)))
                    .isInstanceOf(TooManyRequestsException.class);
        }
        CognitoSyncEmulatorConfig.Builder failing = CognitoSyncEmulatorConfig.builder().faultRate(1);
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.start(failing.build())) {
            assertThat(lookup(emulator, "ASIAUNKNOWN0000000").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> lookup(CognitoSyncEmulator emulator, String accessKeyId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(emulator.endpoint().resolve("/_syncshift/credentials/"
                + accessKeyId)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
