package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limits are the service's, on what it holds after a push: a device's local copy over them may be behind another
 * device's change that makes room. It pulls that change first, then pushes what fits, as the service would take it;
 * once checked before the pull, it failed with {@code DataLimitExceededException} at every synchronize, never pulling
 * what would have brought it under. What does not fit still fails, after the pull, and sends nothing.
 */
@ExtendWith(EmulatorsExtension.class)
class StaleLimitsTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEditThatFitsOnceAnotherDevicesShrinkingIsPulledIsPushed(Backend backend, Emulators emulators) {
        try (CognitoSyncManager mine = emulators.device(backend).build();
                CognitoSyncManager other = emulators.device(backend).identityId(mine.getIdentityId()).build()) {
            Devices both = bigValueOnBoth(mine, other);
            Dataset photos = both.mine();
            Dataset theirs = both.theirs();
            theirs.put("big", "small");
            sync(theirs);

            photos.put("other", "y".repeat(500_000)); // 1.2 MB here, about 500 KB on the service once pushed
            sync(photos);

            assertThat(photos.get("big")).isEqualTo("small");
            sync(theirs);
            assertThat(theirs.get("other")).hasSize(500_000);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void aRecordAnotherDeviceRemovedLeavesRoomForANewOne(Backend backend, Emulators emulators) {
        try (CognitoSyncManager mine = emulators.device(backend).build();
                CognitoSyncManager other = emulators.device(backend).identityId(mine.getIdentityId()).build()) {
            Dataset full = mine.openOrCreateDataset("full");
            Map<String, String> records = new HashMap<>();
            for (int i = 0; i < 1024; i++) {
                records.put("k" + i, "v");
            }
            full.putAll(records);
            sync(full);
            Dataset theirs = other.openOrCreateDataset("full");
            sync(theirs);
            theirs.remove("k0");
            sync(theirs);

            full.put("new", "v");
            sync(full);

            assertThat(full.getAll()).hasSize(1024).containsKey("new").doesNotContainKey("k0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void anEditThatDoesNotFitAfterThePullFailsAndSendsNothing(Backend backend, Emulators emulators) {
        try (CognitoSyncManager mine = emulators.device(backend).build();
                CognitoSyncManager other = emulators.device(backend).identityId(mine.getIdentityId()).build()) {
            Devices both = bigValueOnBoth(mine, other);
            Dataset photos = both.mine();
            Dataset theirs = both.theirs();
            theirs.put("note", "pulled before the check");
            sync(theirs);

            photos.put("other", "y".repeat(500_000));

            assertThat(syncFailure(photos)).isInstanceOf(DataLimitExceededException.class)
                    .hasMessageStartingWith("Dataset size of ");
            assertThat(photos.get("note")).isEqualTo("pulled before the check");
            sync(theirs);
            assertThat(theirs.get("other")).isNull();
        }
    }

    /** A dataset holding a 700 KB value, synchronized by {@code mine}, then by {@code other}. */
    private static Devices bigValueOnBoth(CognitoSyncManager mine, CognitoSyncManager other) {
        Dataset photos = mine.openOrCreateDataset("photos");
        photos.put("big", "x".repeat(700_000));
        sync(photos);
        Dataset theirs = other.openOrCreateDataset("photos");
        sync(theirs);
        return new Devices(photos, theirs);
    }

    private record Devices(Dataset mine, Dataset theirs) {
    }
}
