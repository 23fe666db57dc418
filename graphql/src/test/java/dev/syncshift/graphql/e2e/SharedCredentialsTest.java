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
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One device's credentials sign both backends, as on AWS: the temporary credentials a device gets from the Cognito
 * Sync emulator's GetCredentialsForIdentity call Cognito Sync and, through {@code --cognito-endpoint}, the AppSync
 * emulator running the real template, where {@code ctx.identity} is that identity; and a role session of its STS is
 * that role's assumed-role user there, so an operator who assumes the migrator role calls the admin fields.
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

    @Test
    void anOperatorWhoAssumesTheMigratorRoleThroughStsCallsTheAdminFieldsAndAnotherRoleCannot() {
        try (CognitoSyncEmulator cognito = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder().build());
                AppSyncEmulator appSync = AppSyncEmulator.start(
                        SyncshiftApi.CONFIG.withCognitoEndpoint(cognito.endpoint()));
                StsClient sts = StsClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIASYNCSHIFTLOCAL01", "syncshift-local-developer-secret")))
                        .build()) {
            SyncOperations api = new SyncOperations(new SignedGraphQlClient(appSync.endpoint()));
            Caller user = SyncshiftApi.freshUser();
            assertThat(api.updateRecords(user, DATASET, Patch.put("theme", "dark", 0)).ok()).isTrue();
            Caller migrator = session(sts, SyncshiftApi.MIGRATOR_ROLE_ARN, "operator-1");
            Caller other = session(sts, "arn:aws:iam::" + SyncshiftApi.ACCOUNT + ":role/Operator", "operator-2");

            Answer listed = api.adminListDatasets(migrator, user.identityId());
            Answer refused = api.adminListDatasets(other, user.identityId());

            assertThat(listed.ok()).as(listed.body().toString()).isTrue();
            assertThat(listed.data("adminListDatasets").path(0).path("datasetName").asText()).isEqualTo(DATASET);
            assertThat(refused.error().path("message").asText())
                    .isEqualTo("Not Authorized to access adminListDatasets on type Query");
            assertThat(api.adminListDatasets(migrator.withWrongSecret(), user.identityId()).status()).isEqualTo(401);
        }
    }

    private static Caller session(StsClient sts, String roleArn, String sessionName) {
        var assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)).credentials();
        return new Caller(sessionName, assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken(),
                null);
    }

    private static CognitoSyncClient cognitoSync(CognitoSyncEmulator cognito, Credentials issued) {
        return CognitoSyncClient.builder().endpointOverride(cognito.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretKey(), issued.sessionToken())))
                .build();
    }
}
