package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login in one manager of a cache file that another manager (the app started twice) shares, while the other still
 * writes as the guest: the other follows the login at its next synchronize and moves what it wrote since to the
 * guest's merged copy ({@code prefs.<guestId>}) that the login made, merging into it and dropping nothing there.
 */
@ExtendWith(EmulatorsExtension.class)
class SharedLoginTest {

    @TempDir
    Path dir;

    @Test
    void theOtherManagersGuestEditsMergeIntoTheMergedCopyKeepingItsCountAndItsLaterEdit(Emulators emulators) {
        emulators.developerIdentity("dora"); // the login's identity exists: signing in merges the guest into it
        try (CognitoSyncManager first = onTheFile(emulators)) {
            Dataset prefs = first.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            String guest = first.getIdentityId();
            try (CognitoSyncManager second = onTheFile(emulators)) {
                Dataset guestPrefs = second.openOrCreateDataset("prefs");
                first.setLogins(Map.of("login.compat", "dora"));
                sync(prefs);
                Dataset merged = first.openOrCreateDataset("prefs." + guest);
                sync(merged);
                long count = merged.getLastSyncCount();

                guestPrefs.put("size", "12");
                guestPrefs.put("font", "serif");
                merged.put("size", "14");
                second.setLogins(Map.of("login.compat", "dora")); // the app signs its other instance in too
                sync(guestPrefs);

                assertThat(merged.getAll()).isEqualTo(Map.of("theme", "dark", "size", "14", "font", "serif"));
                assertThat(merged.isChanged("size")).isTrue();
                assertThat(merged.getLastSyncCount()).as("the merged copy's count").isEqualTo(count).isPositive();
            }
        }
    }

    /**
     * The user logs out in the other instance (its {@code wipeData}) while this one's login is on its way to Cognito:
     * the wipe is of the guest's identity, and what the app puts after the login, under the signed-in user's
     * identity, is not wiped by it but pushed by the next synchronize; nothing of the guest moves to the user.
     */
    @Test
    void aLogoutElsewhereWhileTheLoginIsOnItsWayLeavesTheSignedInUsersEdits(Emulators emulators) {
        String user = "erin-" + dir.getFileName();
        String owner = emulators.developerIdentity(user);
        try (CognitoSyncManager first = onTheFile(emulators); CognitoSyncManager second = onTheFile(emulators)) {
            Dataset prefs = first.openOrCreateDataset("prefs");
            prefs.put("guest", "1");
            sync(prefs);
            String guest = first.getIdentityId();
            sync(second.openOrCreateDataset("notes"));
            AtomicBoolean loggingOut = new AtomicBoolean(true);
            first.setLoginsProvider(() -> {
                if (loggingOut.getAndSet(false)) {
                    second.wipeData();
                }
                return Map.of("login.compat", user);
            });
            RecordingCallback login = new RecordingCallback();
            prefs.synchronize(login);
            login.await();

            prefs.put("signed-in", "2");
            RecordingCallback after = new RecordingCallback();
            prefs.synchronize(after);

            assertThat(first.getIdentityId()).isEqualTo(owner);
            assertThat(login.ending()).as("the login's synchronize").isNull();
            assertThat(after.ending()).as("the synchronize after the login").isNull();
            assertThat(prefs.getAll()).isEqualTo(Map.of("signed-in", "2"));
            assertThat(prefs.isChanged("signed-in")).as("pushed").isFalse();
            assertThat(first.listDatasets()).extracting(DatasetMetadata::getDatasetName)
                    .as("the signed-in user's datasets").doesNotContain("prefs." + guest);
        }
    }

    private CognitoSyncManager onTheFile(Emulators emulators) {
        return emulators.device(Backend.COGNITO).cacheFile(dir.resolve("cognito_dataset_cache.db")).build();
    }
}
