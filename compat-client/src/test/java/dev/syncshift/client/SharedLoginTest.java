package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.sqlite.SqliteLocalCache;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The other manager logs in while this one's synchronize waits for its pull: what the pull brought for the guest
     * is not written into the file, from which the login has just moved the guest's datasets to the signed-in user
     * (as {@code prefs.<guestId>}); the synchronize ends in {@code onFailure}, and the next one follows the login.
     */
    @Test
    void aSynchronizeRunningWhenTheOtherManagerLogsInKeepsNothingItPulled(Emulators emulators) {
        String user = "fay-" + dir.getFileName();
        String owner = emulators.developerIdentity(user);
        AtomicReference<Runnable> afterPull = new AtomicReference<>(() -> { });
        try (CognitoSyncManager first = onTheFile(emulators); CognitoSyncManager second = emulators
                .device(Backend.COGNITO).cacheFile(dir.resolve("cognito_dataset_cache.db"))
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.cognito(credentials), () -> { },
                        () -> afterPull.getAndSet(() -> { }).run())).build()) {
            Dataset prefs = second.openOrCreateDataset("prefs");
            prefs.put("synced", "1");
            sync(prefs);
            String guest = second.getIdentityId();
            Dataset notes = first.openOrCreateDataset("notes");
            sync(notes);
            emulators.writeOnCognito(guest, "prefs", "elsewhere", "pulled");
            afterPull.set(() -> {
                first.setLogins(Map.of("login.compat", user));
                sync(notes);
            });

            RecordingCallback pulling = new RecordingCallback();
            prefs.synchronize(pulling);
            pulling.await();

            try (SqliteLocalCache file = SqliteLocalCache.open(dir.resolve("cognito_dataset_cache.db"))) {
                assertThat(file.datasets(new IdentityId(guest))).as("the guest's datasets in the file").isEmpty();
                assertThat(file.records(new DatasetKey(new IdentityId(guest), new DatasetName("prefs"))))
                        .as("the guest's records in the file").isEmpty();
            }
            assertThat(pulling.failed()).isExactlyInstanceOf(DataStorageException.class)
                    .hasMessageContaining("moved to another identity (a login), here or in another manager");
            second.setLogins(Map.of("login.compat", user)); // the app signs its other instance in too
            sync(prefs);
            assertThat(second.getIdentityId()).isEqualTo(owner);
            assertThat(second.openOrCreateDataset("prefs." + guest).get("synced")).isEqualTo("1");
        }
    }

    private CognitoSyncManager onTheFile(Emulators emulators) {
        return emulators.device(Backend.COGNITO).cacheFile(dir.resolve("cognito_dataset_cache.db")).build();
    }
}
