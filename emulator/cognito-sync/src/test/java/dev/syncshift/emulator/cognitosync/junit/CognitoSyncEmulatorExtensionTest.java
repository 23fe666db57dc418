package dev.syncshift.emulator.cognitosync.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;

/** The configured form, as another module's test uses it: a generated pool, a throttle and strict auth. */
@StrictAuth
class CognitoSyncEmulatorExtensionTest {

    private static final String POOL = "us-east-1:00000000-0000-4000-8000-000000000001";

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = new CognitoSyncEmulatorExtension(() ->
            CognitoSyncEmulatorConfig.builder().generate(3).identityPoolId(POOL).seed(7)
                    .throttleRps("ListIdentities", 0.001));

    @Test
    void injectsTheConfiguredEmulatorItsEndpointAndClientsThatSignWithItsDeveloperKey(CognitoSyncEmulator emulator,
            URI endpoint, CognitoIdentityClient identity, CognitoSyncClient sync) {
        assertThat(endpoint).isEqualTo(emulator.endpoint());

        assertThat(identity.listIdentities(r -> r.identityPoolId(POOL).maxResults(60)).identities()).hasSize(3);
        assertThat(sync.listIdentityPoolUsage(r -> r.maxResults(10)).identityPoolUsages()).hasSize(1);
        assertThatThrownBy(() -> identity.listIdentities(r -> r.identityPoolId(POOL).maxResults(60)))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void strictAuthRefusesOtherKeysAndRunsOnTheInjectedClock(URI endpoint, MutableClock clock) {
        Instant before = clock.instant();
        AwsBasicCredentials stranger = AwsBasicCredentials.create("AKIDSTRANGER0000000", "secret");

        try (CognitoSyncClient sync = CognitoSyncEmulatorExtension.syncClient(endpoint, stranger)) {
            assertThatThrownBy(() -> sync.listIdentityPoolUsage(r -> r.maxResults(10)))
                    .isInstanceOfSatisfying(CognitoSyncException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofHours(1)));
    }
}
