package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * An AppSync API in another region than the identity pool, as a team may deploy it: Cognito Identity and Cognito
 * Sync are called in the pool's region (the only one that has the pool), AppSync's requests are signed for the API's.
 * Both emulators refuse a signature scoped to another region than theirs, as AWS does (the Cognito emulator with
 * strict auth): the pool's is us-east-1, the API's eu-west-1.
 */
class CrossRegionTest {

    private static final String API_REGION = "eu-west-1";

    @Test
    void cognitoIsCalledInThePoolsRegionAndAppSyncSignedForTheApis() {
        try (Emulators emulators = Emulators.start(
                cognito -> cognito.strictAuth(true).developerKey("AKIDDEVELOPER", "developer-secret"),
                CrossRegionTest::inTheApiRegion)) {
            CognitoSyncManager device = emulators.device(Backend.CUTOVER).region(API_REGION).build();
            Dataset mine = device.openOrCreateDataset("prefs");
            mine.put("color", "teal");

            sync(mine);

            CognitoSyncManager other = emulators.device(Backend.APPSYNC).region(API_REGION)
                    .identityId(device.getIdentityId()).build();
            Dataset theirs = other.openOrCreateDataset("prefs");
            sync(theirs);
            assertThat(theirs.get("color")).isEqualTo("teal");
            device.close();
            other.close();
        }
    }

    @Test
    void withoutARegionInTheHostOrTheSettingsAppSyncIsSignedForThePoolsRegion() {
        try (Emulators emulators = Emulators.start(cognito -> { }, CrossRegionTest::inTheApiRegion);
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).build()) {
            Dataset mine = device.openOrCreateDataset("prefs");
            mine.put("color", "teal");

            assertThat(syncFailure(mine)).isInstanceOf(DataAccessNotAuthorizedException.class)
                    .hasMessageContaining("Credential should be scoped to a valid region, not 'us-east-1'.");
        }
    }

    private static AppSyncEmulatorConfig inTheApiRegion(AppSyncEmulatorConfig config) {
        return new AppSyncEmulatorConfig(config.template(), config.host(), config.port(), config.credentials(),
                config.dynamoDbEndpoint(), API_REGION, config.keepAlive(), config.cognitoEndpoint(), config.faults(),
                config.connectionTimeout());
    }
}
