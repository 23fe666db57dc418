package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.ClockedSigV4;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;

/** Strict auth refuses a signature scoped to another region than the emulator's (us-east-1), as AWS does. */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class SigningRegionTest {

    @Test
    void aSignatureForAnotherRegionIsRefusedNamingIt(CognitoSyncEmulator emulator, MutableClock clock) {
        CognitoSyncClient elsewhere = CognitoSyncClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.EU_WEST_1).putAuthScheme(new ClockedSigV4(clock))
                .credentialsProvider(StaticCredentialsProvider.create(CognitoSyncEmulatorExtension.DEVELOPER))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))).build();

        assertThatThrownBy(() -> elsewhere.listIdentityPoolUsage(r -> r.maxResults(5)))
                .isInstanceOfSatisfying(CognitoSyncException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'. ");
                });
    }
}
