package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity changes on the cognito backend: a login that joins the device's unauthenticated identity to the
 * identity that owns the login. The service moves the old identity's datasets to {@code <name>.<oldId>}; the client
 * renames its local copies the same way and reports them through onDatasetsMerged, without looping or crashing.
 */
@ExtendWith(EmulatorsExtension.class)
class IdentityChangeTest {

    @Test
    void aLoginThatMergesIdentitiesRenamesLocalDatasetsAndReportsThem(Emulators emulators) {
        String owner = emulators.developerIdentity("alice");
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            prefs.put("font", "serif");
            sync(prefs);
            String guest = device.getIdentityId();
            prefs.put("unsynced", "kept");

            device.setLogins(Map.of("login.compat", "alice"));
            RecordingCallback callback = new RecordingCallback();
            prefs.synchronize(callback);

            callback.succeeded();
            assertThat(device.getIdentityId()).isEqualTo(owner);
            String merged = "prefs." + guest;
            assertThat(callback.merged()).containsExactly(merged);
            Dataset old = device.openOrCreateDataset(merged);
            assertThat(old.getAll()).isEqualTo(Map.of("theme", "dark", "font", "serif", "unsynced", "kept"));
            assertThat(old.isChanged("unsynced")).isTrue();
            assertThat(device.listDatasets()).extracting(DatasetMetadata::getDatasetName).contains("prefs", merged);
            // The service's copy counts from 1 again, below the count the renamed local copy last synced at (2).
            sync(old);
            assertThat(old.isChanged("unsynced")).isFalse();
            assertThat(old.getLastSyncCount()).isEqualTo(2);
        }
    }

    /**
     * A merge the device did not make disables its identity: here its unauthenticated identity, restored on a second
     * device (from a backup, say), logs in there and is joined to the login's identity. Cognito Sync then refuses the
     * first device's credentials, issued before ("Access to Identity '…' is forbidden."), and Cognito Identity refuses
     * it new ones. The device asks for its identity again (a new unauthenticated one, having no logins), moves its
     * local data as for any identity change and reports it as merged; no unsynced edit is lost and nothing loops.
     */
    @Test
    void anIdentityAMergeElsewhereDisabledIsReplacedAndItsUnsyncedEditsKept(Emulators emulators) {
        String owner = emulators.developerIdentity("frank");
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            prefs.put("unsynced", "kept");
            String guest = device.getIdentityId();
            try (CognitoSyncManager restored = emulators.device(Backend.COGNITO).identityId(guest)
                    .logins(Map.of("login.compat", "frank")).build()) {
                sync(restored.openOrCreateDataset("scores"));
                assertThat(restored.getIdentityId()).isEqualTo(owner);
            }

            RecordingCallback callback = new RecordingCallback();
            prefs.synchronize(callback);

            callback.succeeded();
            String replacement = device.getIdentityId();
            assertThat(replacement).isNotIn(guest, owner);
            String moved = "prefs." + guest;
            assertThat(callback.merged()).containsExactly(moved);
            Dataset old = device.openOrCreateDataset(moved);
            assertThat(old.getAll()).isEqualTo(Map.of("theme", "dark", "unsynced", "kept"));
            sync(old);
            assertThat(old.isChanged("unsynced")).isFalse();
        }
    }

    /**
     * The app's backend unlinks the device's only login (UnlinkDeveloperIdentity), which leaves its identity with
     * nothing linked and so disabled: the device's next synchronize is refused, it gets the identity Cognito now gives
     * that login (a new one), and its data, unsynced edits included, moves to {@code <name>.<old identity>}.
     */
    @Test
    void anIdentityAnUnlinkDisabledIsReplacedAndItsDataKept(Emulators emulators) {
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).logins(Map.of("login.compat", "gina"))
                .build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            prefs.put("unsynced", "kept");
            String unlinked = device.getIdentityId();
            emulators.unlinkDeveloperUser(unlinked, "gina");

            RecordingCallback callback = new RecordingCallback();
            prefs.synchronize(callback);

            callback.succeeded();
            assertThat(device.getIdentityId()).isNotEqualTo(unlinked);
            assertThat(callback.merged()).containsExactly("prefs." + unlinked);
            Dataset old = device.openOrCreateDataset("prefs." + unlinked);
            assertThat(old.getAll()).isEqualTo(Map.of("theme", "dark", "unsynced", "kept"));
            sync(old);
            assertThat(old.isChanged("unsynced")).isFalse();
        }
    }

    /**
     * A pull of several pages names each merged dataset once, although every page of ListRecords lists them: here on
     * another device of the identity the merge joined, behind by more than a page.
     */
    @Test
    void aMergedDatasetIsReportedOnceWhenThePullTakesSeveralPages(Emulators emulators) {
        try (CognitoSyncManager carol = emulators.device(Backend.COGNITO).build();
                CognitoSyncManager carolBehind = emulators.device(Backend.COGNITO).build();
                CognitoSyncManager guest = emulators.device(Backend.COGNITO).build()) {
            carol.setLogins(Map.of("login.compat", "carol"));
            Dataset full = carol.openOrCreateDataset("prefs");
            full.put("first", "v");
            sync(full);
            carolBehind.setLogins(Map.of("login.compat", "carol"));
            Dataset behind = carolBehind.openOrCreateDataset("prefs");
            sync(behind);
            full.putAll(IntStream.range(0, 1023).boxed().collect(Collectors.toMap(i -> "key-" + i, i -> "v")));
            sync(full);
            IntStream.range(0, 10).forEach(i -> full.remove("key-" + i));
            sync(full);
            full.putAll(IntStream.range(0, 10).boxed().collect(Collectors.toMap(i -> "new-" + i, i -> "v")));
            sync(full); // 1,033 records after count 1, 10 of them tombstones: two pages of ListRecords
            Dataset guestPrefs = guest.openOrCreateDataset("prefs");
            guestPrefs.put("theme", "dark");
            sync(guestPrefs);
            String guestId = guest.getIdentityId();
            guest.setLogins(Map.of("login.compat", "carol"));
            sync(guestPrefs);

            RecordingCallback callback = new RecordingCallback();
            behind.synchronize(callback);

            callback.succeeded();
            assertThat(callback.merged()).containsExactly("prefs." + guestId);
            assertThat(behind.getAll()).hasSize(1024);
        }
    }

    /**
     * Local calls never wait for the network: while a synchronize fetches the device's identity (here the app's
     * logins provider is slow to answer, as a sign-in library can be), {@code put} and {@code get} return at once, and
     * the value put belongs to the identity the device gets, not left behind under the one it had.
     */
    @Test
    void aPutWhileTheIdentityIsFetchedNeitherWaitsForItNorIsLeftBehind(Emulators emulators) {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).loginsProvider(() -> {
            asked.countDown();
            Latches.await(answer);
            return Map.of();
        }).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            RecordingCallback first = new RecordingCallback();
            prefs.synchronize(first);
            Latches.await(asked);

            CompletableFuture<String> local = CompletableFuture.supplyAsync(() -> {
                prefs.put("volume", "7");
                return prefs.get("volume");
            });

            assertThat(local).as("put and get while the identity is fetched")
                    .succeedsWithin(Duration.ofSeconds(20)).isEqualTo("7");
            answer.countDown();
            first.succeeded();
            sync(prefs);
            assertThat(device.listDatasets()).extracting(DatasetMetadata::getDatasetName).isEqualTo(List.of("prefs"));
            assertThat(prefs.getAll()).isEqualTo(Map.of("theme", "dark", "volume", "7"));
            assertThat(prefs.isChanged("volume")).isFalse();
        } finally {
            answer.countDown();
        }
    }
}
