package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * One device's credentials sign both backends, as on AWS: the temporary credentials a device gets from the Cognito
 * Sync emulator's GetCredentialsForIdentity call Cognito Sync and, through {@code --cognito-endpoint}, the AppSync
 * emulator running the real template, where {@code ctx.identity} is that identity.
 */
class SharedCredentialsTest {

    private static final String DATASET = "prefs";

    @Test
    void aDeviceSignsCognitoSyncAndAppSyncWithTheSameCredentials() {
        try (CognitoSyncEmulator cognito = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder().build());
                AppSyncEmulator appSync = AppSyncEmulator.start(
                        SyncshiftApi.CONFIG.withCognitoEndpoint(cognito.endpoint()))) {
            CognitoIdentityClient identity = CognitoIdentityClient.builder().endpointOverride(cognito.endpoint())
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                    .build();
            String pool = identity.createIdentityPool(p -> p.identityPoolName("shared")
                    .allowUnauthenticatedIdentities(true)).identityPoolId();
            String identityId = identity.getId(r -> r.identityPoolId(pool)).identityId();
            Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
            Caller device = new Caller("device", issued.accessKeyId(), issued.secretKey(), issued.sessionToken(),
                    identityId);
            SyncOperations api = new SyncOperations(new SignedGraphQlClient(appSync.endpoint()));

            Answer pushed = api.updateRecords(device, DATASET, Patch.put("theme", "dark", 0));

            assertThat(pushed.ok()).as(pushed.body().toString()).isTrue();
            assertThat(pushed.data("updateRecords").path("identityId").asText()).isEqualTo(identityId);
            assertThat(cognitoSync(cognito, issued).listDatasets(r -> r.identityPoolId(pool).identityId(identityId))
                    .datasets()).isEmpty();
            assertThat(api.listDatasets(device.withWrongSecret()).status()).isEqualTo(401);
            assertThat(api.listDatasets(device.withoutSessionToken()).status()).isEqualTo(401);
        }
    }

    private static CognitoSyncClient cognitoSync(CognitoSyncEmulator cognito, Credentials issued) {
        return CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretKey(), issued.sessionToken())))
                .build();
    }
}
