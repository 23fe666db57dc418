package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/** Credentials of a Cognito identity from the Cognito emulator: GetId once, renewed before they expire. */
@ExtendWith(EmulatorsExtension.class)
class CognitoIdentityCredentialsTest {

    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void credentialsAreKeptThenRenewedFiveMinutesBeforeTheyExpire(Emulators emulators) {
        List<IdentityId> learned = new ArrayList<>();
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId(emulators.poolId()), null, Map::of, clock, (old, id) -> learned.add(id));

        AwsCredentials first = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(50));
        AwsCredentials stillValid = credentials.resolveCredentials();
        now = now.plus(Duration.ofMinutes(6));
        AwsCredentials renewed = credentials.resolveCredentials();

        assertThat(learned).singleElement().isEqualTo(credentials.identityId());
        assertThat(stillValid.accessKeyId()).isEqualTo(first.accessKeyId());
        assertThat(renewed.accessKeyId()).isNotEqualTo(first.accessKeyId());
    }

    @Test
    void aPoolThatDoesNotExistIsARefusalWithTheServicesWords(Emulators emulators) {
        CognitoIdentityCredentials credentials = new CognitoIdentityCredentials(identity(emulators),
                new IdentityPoolId("us-east-1:99999999-0000-4000-8000-000000000000"), null, Map::of, clock,
                (old, id) -> { });

        assertThatThrownBy(credentials::identityId).isInstanceOf(DataStorageException.class)
                .hasMessageStartingWith("Failed to get credentials from Cognito Identity: ");
    }

    private static CognitoIdentityClient identity(Emulators emulators) {
        return CognitoIdentityClient.builder().endpointOverride(emulators.cognito().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
