package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover import's first copy cut off between its parts, and then the dataset deleted on Cognito Sync (and, but for
 * two tests, started again there): the copy is not completed over the deletion, nor its part shown to the app
 * (docs/compat-client.md, "Cutover"; the set-up in {@link CutoverUnfinishedCopyBase}).
 */
class CutoverUnfinishedCopyDeletionTest extends CutoverUnfinishedCopyBase {

    @TempDir
    Path dir;

    /**
     * A first import (watermark 0) in parts, cut off after its first part (the network lost), leaves that part's
     * records in the store at the watermark, for a re-run to complete. If the dataset is deleted and re-created on
     * Cognito Sync before the re-run, the re-run reads the new incarnation from 0 and completes the copy on top of
     * the deleted incarnation's part: records Cognito deleted are brought back to AppSync, under a watermark that
     * hides them from the migrator's delta passes for good.
     */
    @Test
    void aCopyCutOffBetweenPartsIsNotCompletedOverADeletionOnCognito() {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            // Between the import's two parts: the user deletes the dataset on an old install and starts it again;
            // the import's second part never reaches the store.
            copyCutOffOverARestart(legacy, "album", 150, 2);

            try (CognitoSyncManager next = cutover(legacy)) {
                assertHolds(next.openOrCreateDataset("album"), Map.of("fresh", "1"),
                        "the incarnation deleted on Cognito Sync");
            }
        }
    }

    /**
     * The completion of a copy over a deletion (the previous test) is itself an import in parts, removals first, and
     * may be cut off in turn. Its first part stores removals at Cognito's count C', which raises the copy's mark
     * ({@code copiedUpTo}) to C': the next re-run asks Cognito Sync about a deletion after C', is told of none, and
     * completes the copy without the removals its lost parts carried, bringing the deleted incarnation's records they
     * named back to AppSync under a watermark past the deletion.
     */
    @Test
    void aCompletionOverADeletionCutOffBetweenItsPartsStillRemovesTheDeletedRecords() {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            // Between the first import's second and third parts (196 of 250 records stored): the user deletes the
            // dataset on an old install and starts it again.
            copyCutOffOverARestart(legacy, "archive", 250, 3);
            // The next device's completion (196 removals and the new record: 98 + 98 + 1) loses its second part.
            cutOffAfterTheFirstPart(cutover(legacy), "archive");

            try (CognitoSyncManager next = cutover(legacy)) {
                assertHolds(next.openOrCreateDataset("archive"), Map.of("fresh", "1"),
                        "the incarnation deleted on Cognito Sync");
            }
        }
    }

    /**
     * The copy a login's merge leaves ({@code <dataset>.<guestId>}) counts from 1 again while its records keep their
     * counts: a first copy of it cut off between its parts stores records above the count Cognito Sync continues from
     * once the copy is deleted (the app folds it in and deletes it, as onDatasetsMerged asks) and re-created (an old
     * install still writing to it). Completing the copy must not bring the deleted records back: the removals at C'
     * are below the stored records' counts (and Cognito Sync, asked from the mark above its count, tells no deletion).
     */
    @Test
    void aMergedCopyCutOffBetweenPartsIsNotCompletedOverItsDeletion() {
        mergedCopyCutOffThenStartedAgain("merged-copy-cut-off", Map.of());
    }

    /**
     * As the previous test, with a key of the stored part (p90, at count 7) written again in the new copy, at a count
     * below 7: the new copy's value is the one AppSync ends with, not the deleted copy's.
     */
    @Test
    void aKeyWrittenAgainInAMergedCopyStartedAgainKeepsItsNewValue() {
        mergedCopyCutOffThenStartedAgain("merged-copy-key-again", Map.of("p90", "again"));
    }

    /**
     * A guest's 150 records of prefs (counts 1 to 10) merged by a login into {@code prefs.<guestId>}; a first copy of
     * that copy cut off after its first part; the copy deleted on Cognito Sync and started again with fresh and
     * {@code written}; then another cutover device's synchronize of it, which must hold just these.
     */
    private void mergedCopyCutOffThenStartedAgain(String login, Map<String, String> written) {
        Map<String, String> logins = Map.of("login.compat", login);
        Emulators.identityClient(emulators.cognito().endpoint()).getOpenIdTokenForDeveloperIdentity(r -> r
                .identityPoolId(emulators.poolId()).logins(logins));
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).build()) {
            Dataset prefs = onCognito.openOrCreateDataset("prefs");
            for (int batch = 0; batch < 10; batch++) {
                for (int i = 0; i < 15; i++) {
                    prefs.put("p" + (batch * 15 + i), "v" + i);
                }
                sync(prefs); // counts 1 to 10
            }
            String guest = onCognito.getIdentityId();
            onCognito.setLogins(logins);
            sync(prefs);
            assertThat(onCognito.getIdentityId()).isNotEqualTo(guest);
            String copyName = "prefs." + guest;

            CognitoSyncManager first = cutoverBuilder().build();
            first.setLogins(logins);
            cutOffAfterTheFirstPart(first, copyName);

            sync(onCognito.openOrCreateDataset(copyName));
            restart(onCognito, copyName);
            Dataset again = onCognito.openOrCreateDataset(copyName);
            again.putAll(written);
            sync(again);
            Map<String, String> live = new HashMap<>(written);
            live.put("fresh", "1");

            try (CognitoSyncManager next = cutoverBuilder().build()) {
                next.setLogins(logins);
                assertHolds(next.openOrCreateDataset(copyName), live, "the merged copy deleted on Cognito Sync");
            }
        }
    }

    /**
     * Apps on a GraphQL client of their own (and the compat client's {@code appsync} backend) make no import and push
     * to AppSync while old installs still write Cognito Sync (docs/cutover-plan.md, "Switch apps in waves"). Such a
     * push over an unfinished first copy removes the copy's mark {@code copiedUpTo} (writePush.js, "it removes the
     * mark"); it used to leave no other, so the dataset no longer read as an unfinished first copy (watermark 0, a
     * count, no mark), and once the user deleted the dataset on an old install and started it again, the next cutover
     * device imported the new incarnation from 0 as revisions without comparing the stored part with Cognito's read
     * ({@code staleRecords} ran only under the mark), the deleted incarnation's records staying on AppSync under a
     * watermark past the deletion, where no delta pass looks. The push now keeps {@code firstCopyUpTo}, the first
     * copy's own mark (docs/compat-client.md, "Why firstCopyUpTo").
     */
    @Test
    void aPushOverAnUnfinishedFirstCopyDoesNotKeepTheRecordsOfAnIncarnationDeletedSince() {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            copyCutOffThenPushedOnAppSync(legacy, "journal", records("a", 150));
            restart(legacy, "journal");

            try (CognitoSyncManager next = cutover(legacy)) {
                Dataset d = next.openOrCreateDataset("journal");
                sync(d);
                assertThat(d.getAll().keySet().stream().filter(key -> key.startsWith("a")).count())
                        .as("records of the incarnation deleted on Cognito Sync, brought back to AppSync").isZero();
                assertThat(d.get("fresh")).isEqualTo("1");
            }
        }
    }

    /**
     * A first copy cut off between its parts, and the dataset then deleted on Cognito Sync (not re-created): the part
     * AppSync stored is records of a dataset the user deleted. The next cutover device finds nothing to import (the
     * Cognito dataset does not exist) and goes on with the part as a dataset AppSync has: the app is shown, and
     * writes over, records the user deleted.
     */
    @Test
    void aCopyCutOffBetweenPartsOfADatasetDeletedOnCognitoIsNotShownToTheApp() {
        try (CognitoSyncManager legacy = emulators.device(Backend.COGNITO).build()) {
            Dataset old = firstCopyCutOff(legacy, "drafts", records("d", 150));
            old.delete();
            sync(old);

            try (CognitoSyncManager next = cutover(legacy)) {
                Dataset d = next.openOrCreateDataset("drafts");
                RecordingCallback callback = new RecordingCallback();
                d.synchronize(callback);
                callback.ending();
                assertThat(d.getAll()).as("records of the dataset deleted on Cognito Sync, shown to the app")
                        .isEmpty();
            }
        }
    }

    /**
     * A first copy cut off after its first part, then the dataset deleted on an old install (Cognito Sync) and not
     * started again: Cognito Sync reports no dataset, so the import had nothing to bring, and the next cutover device
     * went on with the partial copy of a dataset the user deleted: its records shown and synchronized as live, the
     * deletion reported to nobody (a device that synchronized the dataset on Cognito Sync silently dropped the records
     * the copy lacked, and kept the others). On Cognito Sync that device hears of the deletion (onDatasetDeleted), and
     * a new device finds nothing.
     */
    @Test
    void anUnfinishedFirstCopyOfADatasetDeletedOnCognitoIsReportedDeleted() {
        Path cache = dir.resolve("gone.db");
        String identity;
        try (CognitoSyncManager onCognito = emulators.device(Backend.COGNITO).cacheFile(cache).build()) {
            Dataset d = onCognito.openOrCreateDataset("album");
            d.putAll(records("a", 150));
            sync(d);
            identity = onCognito.getIdentityId();
        }
        cutOffAfterTheFirstPart(cutover(identity), "album");
        try (CognitoSyncManager oldInstall = emulators.device(Backend.COGNITO).identityId(identity).build()) {
            Dataset d = oldInstall.openOrCreateDataset("album");
            sync(d);
            d.delete();
            sync(d);
        }

        try (CognitoSyncManager switched = cutoverBuilder().cacheFile(cache).build()) {
            Dataset d = switched.openOrCreateDataset("album");
            RecordingCallback callback = new RecordingCallback();
            d.synchronize(callback);
            callback.succeeded();
            assertThat(callback.deletedDataset()).as("the deletion reported to a device that synchronized the "
                    + "dataset on Cognito Sync (it was left with %d records)", d.getAll().size())
                    .isEqualTo("album");
            assertThat(d.getAll()).isEmpty();
        }
        try (CognitoSyncManager fresh = cutover(identity)) {
            fresh.refreshDatasetMetadata();
            assertThat(fresh.listDatasets()).extracting(DatasetMetadata::getDatasetName).doesNotContain("album");
            Dataset d = fresh.openOrCreateDataset("album");
            sync(d);
            assertThat(d.getAll()).as("records of the dataset deleted on Cognito Sync").isEmpty();
        }
    }

    /**
     * {@code n} records of {@code dataset} on Cognito Sync, and a cutover device's first copy of them cut off at its
     * {@code part}-th write, the user having deleted the dataset on an old install and started it again just before.
     */
    private void copyCutOffOverARestart(CognitoSyncManager legacy, String dataset, int n, int part) {
        Dataset old = legacy.openOrCreateDataset(dataset);
        old.putAll(records("a", n));
        sync(old);
        cutOff(cutover(legacy), dataset, part, () -> restart(legacy, dataset));
    }

    /** Synchronizes {@code d} and checks that it holds {@code live}, the new incarnation, and none of {@code gone}. */
    private static void assertHolds(Dataset d, Map<String, String> live, String gone) {
        sync(d);
        assertThat(d.getAll().keySet().stream().filter(key -> !live.containsKey(key)).count())
                .as("records of %s, brought back to AppSync", gone).isZero();
        assertThat(d.getAll()).isEqualTo(live);
    }
}
