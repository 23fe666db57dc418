package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching a device's backend by the flag, with data on both sides: the cutover import, devices still on Cognito
 * Sync, and flips in both directions that keep unsynchronized edits (SQLite cache in a temp dir).
 */
@ExtendWith(EmulatorsExtension.class)
class CutoverTest {

    @TempDir
    Path dir;

    @Test
    void aFlipToCutoverImportsTheCognitoStateAndKeepsUnsyncedEdits(Emulators emulators) {
        Path cache = dir.resolve("cognito_dataset_cache.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("profile");
            d.putAll(Map.of("name", "Ada", "level", "3"));
            sync(d);
            d.put("level", "4");
            d.put("unsynced", "yes");
            identity = onCognito.getIdentityId();
        }

        try (CognitoSyncManager onCutover = emulators.device(Backend.CUTOVER).cacheFile(cache).build()) {
            Dataset d = onCutover.openOrCreateDataset("profile");
            assertThat(onCutover.getIdentityId()).isEqualTo(identity);
            sync(d);
            assertThat(d.getAll()).isEqualTo(Map.of("name", "Ada", "level", "4", "unsynced", "yes"));
            assertThat(d.getAllRecords()).noneMatch(Record::isModified);
        }
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("profile");
            sync(d);
            assertThat(d.getAll()).isEqualTo(Map.of("name", "Ada", "level", "4", "unsynced", "yes"));
        }
    }

    /**
     * The copy a login's merge leaves ({@code <dataset>.<guestId>}) counts from 1 again on Cognito Sync while its
     * records keep their counts, as on AWS. A cutover device that opens it, as onDatasetsMerged asks apps to, imports
     * it whole at its records' height, reads it and writes it.
     */
    @Test
    void aMergedCopyWhoseRecordsStandAboveItsCountIsImportedAndWritable(Emulators emulators) {
        Emulators.identityClient(emulators.cognito().endpoint()).getOpenIdTokenForDeveloperIdentity(r -> r
                .identityPoolId(emulators.poolId()).logins(Map.of("login.compat", "merged-then-cut-over")));
        String guest;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = onCognito.openOrCreateDataset("prefs");
            prefs.put("theme", "dark");
            sync(prefs);
            prefs.put("font", "serif");
            sync(prefs);
            guest = onCognito.getIdentityId();
            onCognito.setLogins(Map.of("login.compat", "merged-then-cut-over"));
            sync(prefs);
            assertThat(onCognito.getIdentityId()).isNotEqualTo(guest);
        }

        try (CognitoSyncManager onCutover = emulators.device(Backend.CUTOVER).build()) {
            onCutover.setLogins(Map.of("login.compat", "merged-then-cut-over"));
            Dataset copy = onCutover.openOrCreateDataset("prefs." + guest);
            sync(copy);
            assertThat(copy.getAll()).isEqualTo(Map.of("theme", "dark", "font", "serif"));
            assertThat(copy.getLastSyncCount()).isEqualTo(2);
            copy.put("font", "mono");
            sync(copy);
            assertThat(copy.getLastSyncCount()).isEqualTo(3);
        }
    }

    @Test
    void devicesStillOnCognitoAreImportedByTheNextCutoverDeviceAndNothingTwice(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build();
                CognitoSyncManager first = sameIdentity(emulators, Backend.CUTOVER, legacy).build();
                CognitoSyncManager second = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
            Dataset old = legacy.openOrCreateDataset("notes");
            Map<String, String> many = new HashMap<>();
            for (int i = 0; i < 150; i++) {
                many.put("n" + i, "v" + i);
            }
            old.putAll(many);
            sync(old);
            Dataset a = first.openOrCreateDataset("notes");
            sync(a);
            assertThat(a.getAll()).isEqualTo(many);
            a.put("n0", "from appsync");
            sync(a);

            old.put("n1", "late cognito write");
            sync(old);
            Dataset b = second.openOrCreateDataset("notes");
            sync(b);
            sync(a);

            assertThat(b.getAll()).containsEntry("n0", "from appsync").containsEntry("n1", "late cognito write")
                    .hasSize(150);
            assertThat(a.getAll()).isEqualTo(b.getAll());
            assertThat(a.getLastSyncCount()).isEqualTo(b.getLastSyncCount());
        }
    }

    @Test
    void aDatasetNearTheSizeLimitWithManyRecordsIsImportedWhole(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("save");
            String big = "x".repeat(900_000);
            old.put("world", big);
            sync(old);
            Map<String, String> small = slots(95);
            old.putAll(small);
            sync(old);
            try (CognitoSyncManager cutover = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
                Dataset d = cutover.openOrCreateDataset("save");
                sync(d);

                assertThat(d.get("world")).isEqualTo(big);
                assertThat(d.getAll()).containsAllEntriesOf(small).hasSize(96);
                assertThat(d.getAllRecords()).noneMatch(Record::isModified);
            }
            assertThat(readBy(emulators, Backend.APPSYNC, legacy, "save")).containsEntry("world", big).hasSize(96);
        }
    }

    /**
     * Copy mode in parts (an import of more records than one transaction holds, many of them at one Cognito count):
     * every record keeps its Cognito count and the dataset ends at Cognito's count, as a device that continues from
     * its Cognito count expects.
     */
    @Test
    void anImportInPartsKeepsEveryCognitoCount(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset once = legacy.openOrCreateDataset("one-push");
            once.putAll(slots(250));
            sync(once);
            Dataset twice = legacy.openOrCreateDataset("two-pushes");
            twice.putAll(slots(302));
            sync(twice);
            Map<String, String> changed = new HashMap<>();
            slots(302).forEach((key, value) -> changed.put(key, value + "'"));
            twice.putAll(changed);
            sync(twice);
            assertThat(List.of(once.getLastSyncCount(), twice.getLastSyncCount())).containsExactly(1L, 2L);

            try (CognitoSyncManager cutover = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
                assertKeptCognitoCounts(cutover.openOrCreateDataset("one-push"), slots(250), 1);
                assertKeptCognitoCounts(cutover.openOrCreateDataset("two-pushes"), changed, 2);
            }
            try (CognitoSyncManager other = sameIdentity(emulators, Backend.APPSYNC, legacy).build()) {
                assertKeptCognitoCounts(other.openOrCreateDataset("two-pushes"), changed, 2);
            }
        }
    }

    private static void assertKeptCognitoCounts(Dataset d, Map<String, String> values, long cognitoCount) {
        sync(d);
        assertThat(d.getAll()).isEqualTo(values);
        assertThat(d.getLastSyncCount()).isEqualTo(cognitoCount);
        assertThat(d.getAllRecords()).extracting(Record::getSyncCount).containsOnly(cognitoCount);
    }

    @Test
    void aLargeValueShrunkOnCognitoIsImportedWithTheOtherChangesOfItsPass(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("shrink");
            old.put("world", "y".repeat(900_000));
            sync(old);
            importedByACutoverDevice(emulators, legacy, "shrink");
            Map<String, String> changed = slots(95);
            changed.put("world", "small now");
            old.putAll(changed);
            sync(old);

            assertThat(readBy(emulators, Backend.CUTOVER, legacy, "shrink")).isEqualTo(changed);
        }
    }

    /**
     * A value another app left on Cognito Sync that is not valid Unicode (half an emoji) cannot reach AppSync: the
     * synchronize fails naming the record, and nothing of the dataset is imported, until the record is corrected.
     */
    @Test
    void aCognitoRecordThatIsNotUnicodeIsReportedAndNothingOfItsDatasetImported(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("titles");
            old.put("fine", "ok");
            sync(old);
            emulators.writeOnCognito(legacy.getIdentityId(), "titles", "title", "cut \ud83d");

            try (CognitoSyncManager cutover = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
                DataStorageException failure = syncFailure(cutover.openOrCreateDataset("titles"));

                assertThat(failure).isInstanceOf(DataStorageException.class).hasMessage("AppSync cannot "
                        + "carry this text, so nothing was imported: the value of record 'title' holds text that is "
                        + "not valid Unicode (an unpaired surrogate, U+D83D, at character 5); correct the record on "
                        + "Cognito Sync");
            }
            assertThat(readBy(emulators, Backend.APPSYNC, legacy, "titles")).isEmpty();
        }
    }

    @Test
    void aDatasetDeletedAndRecreatedOnCognitoSinceTheLastImportIsLeftToTheMigratorsDeltaPass(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("progress");
            old.putAll(Map.of("level", "9", "coins", "500"));
            sync(old);
            importedByACutoverDevice(emulators, legacy, "progress");
            old.delete();
            sync(old);
            Dataset again = legacy.openOrCreateDataset("progress");
            again.put("level", "1");
            sync(again);

            // Importing the new incarnation's changes on top of the old one would bring back "coins", which
            // Cognito deleted, and move the watermark past the deletion, out of the migrator's sight.
            assertThat(readBy(emulators, Backend.CUTOVER, legacy, "progress"))
                    .isEqualTo(Map.of("level", "9", "coins", "500"));
        }
    }

    @Test
    void aDatasetDeletedOnAppSyncIsNotListedAgainFromCognito(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset one = legacy.openOrCreateDataset("slot1");
            one.put("a", "1");
            sync(one);
            Dataset two = legacy.openOrCreateDataset("slot2");
            two.put("b", "2");
            sync(two);
            try (CognitoSyncManager cutover = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
                Dataset slot = cutover.openOrCreateDataset("slot1");
                sync(slot);
                slot.delete();
                sync(slot);

                cutover.refreshDatasetMetadata();

                assertThat(cutover.listDatasets()).extracting(DatasetMetadata::getDatasetName)
                        .contains("slot2").doesNotContain("slot1");
            }
        }
    }

    @Test
    void withCognitoSyncOutOfReachADatasetAppSyncHasSynchronizesAndIsImportedOnceItIsBack(
            Emulators emulators) {
        URI cognito = emulators.cognito().endpoint();
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build();
                TcpProxy proxy = TcpProxy.start(cognito, Duration.ZERO)) {
            Dataset old = legacy.openOrCreateDataset("profile");
            old.put("name", "Ada");
            sync(old);
            try (CognitoSyncManager first = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
                sync(first.openOrCreateDataset("profile"));
                Dataset created = first.openOrCreateDataset("born-on-appsync");
                created.put("a", "1");
                sync(created);
            }
            try (CognitoSyncManager device = sameIdentity(emulators, Backend.CUTOVER, legacy)
                    .cognitoEndpoint(proxy.uri(cognito)).build()) {
                sync(device.openOrCreateDataset("warm-up"));
                proxy.dropRate(1);
                Dataset born = device.openOrCreateDataset("born-on-appsync");
                Dataset d = device.openOrCreateDataset("profile");
                d.put("level", "5");

                sync(d);
                assertThat(d.getAll()).isEqualTo(Map.of("name", "Ada", "level", "5"));
                born.put("b", "2");
                sync(born);
                assertThat(born.getAll()).isEqualTo(Map.of("a", "1", "b", "2"));
                RecordingCallback never = new RecordingCallback();
                Dataset fresh = device.openOrCreateDataset("never-imported");
                fresh.put("k", "v");
                fresh.synchronize(never);
                assertThat(never.failed()).isInstanceOf(NetworkException.class);
                assertThatCode(device::refreshDatasetMetadata).as("AppSync's list").doesNotThrowAnyException();

                old.put("name", "Grace");
                sync(old);
                proxy.dropRate(0);
                sync(d);
                assertThat(d.getAll()).isEqualTo(Map.of("name", "Grace", "level", "5"));
            }
        }
    }

    @Test
    void aFlipToAppSyncWithACountAheadOfTheStorePullsEverythingAndPushesTheEdits(Emulators emulators) {
        Path cache = dir.resolve("ahead.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("ahead");
            for (int i = 0; i < 3; i++) {
                d.put("k", "v" + i);
                sync(d);
            }
            d.put("k", "unsynced");
            identity = onCognito.getIdentityId();
        }
        try (CognitoSyncManager appSyncDevice = emulators.device(Backend.APPSYNC).identityId(identity).build()) {
            Dataset other = appSyncDevice.openOrCreateDataset("ahead");
            other.put("y", "from appsync");
            sync(other);
        }

        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset d = onAppSync.openOrCreateDataset("ahead");
            sync(d);

            assertThat(d.get("k")).isEqualTo("unsynced");
            assertThat(d.get("y")).isEqualTo("from appsync");
            assertThat(d.getAllRecords()).noneMatch(Record::isModified);
        }
    }

    @Test
    void twoDevicesImportingAtOnceApplyTheCognitoChangesOnce(Emulators emulators) {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = legacy.openOrCreateDataset("race");
            old.putAll(Map.of("a", "1", "b", "2"));
            sync(old);
            old.put("a", "1b");
            sync(old);
            String identity = legacy.getIdentityId();
            try (CognitoSyncManager one = emulators.device(Backend.CUTOVER).identityId(identity).build();
                    CognitoSyncManager two = emulators.device(Backend.CUTOVER).identityId(identity).build()) {
                Dataset first = one.openOrCreateDataset("race");
                Dataset second = two.openOrCreateDataset("race");
                RecordingCallback firstDone = new RecordingCallback();
                RecordingCallback secondDone = new RecordingCallback();

                first.synchronize(firstDone);
                second.synchronize(secondDone);

                firstDone.succeeded();
                secondDone.succeeded();
                assertThat(first.getAll()).isEqualTo(Map.of("a", "1b", "b", "2"));
                assertThat(second.getAll()).isEqualTo(first.getAll());
                assertThat(first.getLastSyncCount()).isEqualTo(2);
                assertThat(second.getLastSyncCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void aFlipBackToCognitoKeepsUnsyncedEdits(Emulators emulators) {
        Path cache = dir.resolve("back.db");
        String identity;
        try (CognitoSyncManager onAppSync = emulators.device(Backend.APPSYNC).cacheFile(cache).build()) {
            Dataset d = onAppSync.openOrCreateDataset("prefs");
            d.put("theme", "dark");
            sync(d);
            sync(d);
            d.put("theme", "light");
            identity = onAppSync.getIdentityId();
        }

        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("prefs");
            RecordingCallback callback = new RecordingCallback();
            d.synchronize(callback);
            callback.succeeded();
            assertThat(d.get("theme")).isEqualTo("light");
            assertThat(d.isChanged("theme")).isFalse();
        }
        try (CognitoSyncManager other = emulators.device(Backend.COGNITO).identityId(identity).build()) {
            Dataset d = other.openOrCreateDataset("prefs");
            sync(d);
            assertThat(d.get("theme")).isEqualTo("light");
            assertThat(List.of(d.getLastSyncCount())).containsExactly(1L);
        }
    }

    /** A manager of {@code device}'s identity on {@code backend}, with a cache of its own. */
    private static CognitoSyncManagerBuilder sameIdentity(Emulators emulators, Backend backend,
            CognitoSyncManager device) {
        return emulators.device(backend).identityId(device.getIdentityId());
    }

    /** A cutover device of {@code legacy}'s identity synchronizes {@code dataset} once: it imports Cognito's state. */
    private static void importedByACutoverDevice(Emulators emulators, CognitoSyncManager legacy, String dataset) {
        try (CognitoSyncManager device = sameIdentity(emulators, Backend.CUTOVER, legacy).build()) {
            sync(device.openOrCreateDataset(dataset));
        }
    }

    /** What a new device of {@code legacy}'s identity on {@code backend} holds after synchronizing {@code dataset}. */
    private static Map<String, String> readBy(Emulators emulators, Backend backend, CognitoSyncManager legacy,
            String dataset) {
        try (CognitoSyncManager device = sameIdentity(emulators, backend, legacy).build()) {
            Dataset d = device.openOrCreateDataset(dataset);
            sync(d);
            return d.getAll();
        }
    }

    /** {@code n} short records: slot0 = s0, slot1 = s1, … */
    private static Map<String, String> slots(int n) {
        Map<String, String> slots = new HashMap<>();
        for (int i = 0; i < n; i++) {
            slots.put("slot" + i, "s" + i);
        }
        return slots;
    }
}
