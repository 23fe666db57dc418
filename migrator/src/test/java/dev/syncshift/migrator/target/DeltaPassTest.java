package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.SourceTruth;
import dev.syncshift.migrator.report.Tally;
import dev.syncshift.migrator.source.CognitoSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * Delta passes, the cutover's catch-up: what changed in Cognito Sync after a full pass reaches the store, exactly
 * while nobody writes on AppSync, and as AppSync revisions with conflicts settled by the policy when devices do.
 */
class DeltaPassTest extends CutoverScenario {

    @Test
    void changesDeletionsRecreationsAndNewDatasetsInCognitoArriveExactlyWithCognitosCounts() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1", "b", "2", "c", "3"));
        app.cognitoPut("gone", "x", "x");
        app.cognitoPut("again", "y", "y");
        app.cognitoPut("again", "y", "y2");
        full(app.identityId());

        app.cognitoPush(app.identityId(), "prefs", Map.of("a", "1+", "b", "\u0000remove", "e", "5"));
        app.cognitoDelete("gone");
        app.cognitoDelete("again");
        app.cognitoPut("again", "z", "z");
        app.cognitoPut("fresh", "n", "new");
        IdentityOutcome delta = delta(app.identityId());

        assertThat(delta.datasets()).allSatisfy(d -> assertThat(d.failure()).isNull())
                .allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(),
                new IdentityId(app.identityId()));
        Device.Page recreated = app.page("again", 2);
        assertThat(recreated.deletedAfter()).isTrue();
        assertThat(recreated.records()).containsOnlyKeys("z");
        assertThat(app.page("gone", 1).exists()).isFalse();
        assertThat(app.page("gone", 1).deletedAfter()).isTrue();
        // Unchanged since the last pass: not read again, so no record counts as read.
        assertThat(delta(app.identityId()).datasets())
                .allSatisfy(d -> assertThat(d.kind()).isEqualTo(ImportPlan.Kind.CURRENT))
                .allSatisfy(d -> assertThat(d.recordsWritten() + d.recordsCurrent()).as("records read").isZero());
    }

    /**
     * A switched device imported the first part of a dataset larger than one transaction and stopped: the delta pass
     * finishes the copy, every record at its Cognito count and the dataset at Cognito's count.
     */
    @Test
    void aDevicesCopyLeftUnfinishedAfterItsFirstPartIsCompletedWithCognitosCounts() {
        Device phone = cutover.newDevice();
        Map<String, String> many = new HashMap<>();
        IntStream.range(0, 150).forEach(i -> many.put("k" + i, "v" + i));
        phone.cognitoPush(phone.identityId(), "big", many);
        List<Record> records = phone.cognitoRecords("big").values().stream()
                .sorted(Comparator.comparing(Record::key)).toList();
        phone.appSyncImportPart("big", records.subList(0, 98), 1, false);
        StoredDataset unfinished = cutover.table().datasets(new IdentityId(phone.identityId()))
                .get(new DatasetName("big"));
        assertThat(List.of(unfinished.metadata().syncCount().value(), unfinished.copiedUpTo().value()))
                .containsExactly(0L, 1L);

        IdentityOutcome delta = delta(phone.identityId());

        assertThat(delta.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.COPY);
            assertThat(d.recordsWritten()).isEqualTo(52);
        });
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(),
                new IdentityId(phone.identityId()));
        assertThat(cutover.table().datasets(new IdentityId(phone.identityId())).get(new DatasetName("big"))
                .copiedUpTo()).isNull();
    }

    /**
     * A dataset deleted and re-created in Cognito Sync while a pass reads its pages: ListRecords' next page continues
     * in the new incarnation, after the records of the deleted one that the first page held. The pass copies the
     * new incarnation alone, none of the deleted records.
     */
    @Test
    void aDatasetDeletedAndRecreatedWhileAPassReadsItsPagesArrivesAsItsNewIncarnationAlone() {
        Device app = cutover.newDevice();
        Map<String, String> twoPages = twoPagesOfRecords();
        app.cognitoPush(app.identityId(), "big", twoPages);
        AtomicBoolean recreated = new AtomicBoolean();

        IdentityOutcome pass = cutover.passCalling(true, operation -> {
            if (operation.equals("ListRecords") && recreated.compareAndSet(false, true)) {
                app.cognitoDelete("big");
                app.cognitoPut("big", "new", "n");
            }
        }).migrate(new IdentityId(app.identityId()));

        assertThat(recreated).isTrue();
        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.failure()).isNull());
        assertThat(app.page("big", 0).records()).containsOnlyKeys("new");
        assertThat(app.page("big", 1).deletedAfter()).isTrue();
        // The pass listed the dataset before it was re-created, so the store has the date listed; the next pass
        // takes the moved date for a change, finds nothing to write and takes the date.
        delta(app.identityId());
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(),
                new IdentityId(app.identityId()));
    }

    /**
     * A dataset deleted and re-created after the first page of every read of it: after five reads it fails, listed
     * with why and what to do, and nothing of it is written.
     */
    @Test
    void aDatasetDeletedDuringEachOfFiveReadsFailsAndIsNotWritten() {
        Device app = cutover.newDevice();
        Map<String, String> twoPages = twoPagesOfRecords();
        app.cognitoPush(app.identityId(), "big", twoPages);
        AtomicInteger recreations = new AtomicInteger();

        IdentityOutcome pass = cutover.passCalling(true, (operation, request) -> {
            if (request instanceof ListRecordsRequest page && page.nextToken() == null
                    && page.maxResults() == CognitoSource.RECORDS_PAGE) {
                recreations.incrementAndGet();
                app.cognitoDelete("big");
                app.cognitoPush(app.identityId(), "big", twoPages);
            }
        }).migrate(new IdentityId(app.identityId()));

        assertThat(recreations).hasValue(5);
        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.failure())
                .isEqualTo("the dataset was deleted in Cognito Sync while its records were read, in each of 5 reads; "
                        + "run the pass again"));
        assertThat(cutover.table().datasets(new IdentityId(app.identityId()))).isEmpty();
    }

    /** A push of 1,024 records and a removal: a dataset ListRecords answers in two pages. */
    private static Map<String, String> twoPagesOfRecords() {
        Map<String, String> twoPages = new HashMap<>();
        IntStream.range(0, 1024).forEach(i -> twoPages.put("k" + i, "v"));
        twoPages.put("removed", "\u0000remove");
        return twoPages;
    }

    /**
     * A merge leaves the merged identity in the pool, disabled and without datasets (as AWS does): a delta pass
     * brings the copies to the survivor and deletes the merged identity's datasets from the store, as Cognito did.
     */
    @Test
    void datasetsAMergeBringsToTheSurvivorArriveAndTheMergedIdentitysAreDeleted() {
        String alice = cutover.developerIdentity("alice");
        String bob = cutover.developerIdentity("bob");
        Device any = cutover.newDevice();
        any.cognitoPush(alice, "prefs", Map.of("theme", "dark"));
        any.cognitoPush(bob, "prefs", Map.of("theme", "light"));
        full(alice);
        full(bob);

        cutover.merge("bob", "alice");
        IdentityOutcome survivor = delta(alice);
        IdentityOutcome merged = delta(bob);

        assertThat(survivor.datasets()).extracting(d -> d.dataset().value())
                .containsExactlyInAnyOrder("prefs", "prefs." + bob);
        assertThat(merged.note()).isNull();
        assertThat(merged.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.deletion()).isTrue();
        });
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), new IdentityId(alice));
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), new IdentityId(bob));
    }

    /**
     * A merge gives the survivor a copy {@code <dataset>.<mergedIdentityId>} whose count starts again at 1 while its
     * records keep theirs (as on AWS). The store counts at its records' height; a delta pass reads a merged copy whole
     * and finds its changes by content, so each change made to the copy in Cognito Sync arrives as a revision devices
     * pull, even one stamped with a count below the store's and its watermark.
     */
    @Test
    void everyChangeToAMergedCopyWhoseCountStartedAgainBelowItsRecordsArrives() {
        Device any = cutover.newDevice();
        MergedCopy merged = mergedCopy(any, "carol", "dave", Map.of("theme", "dark"), Map.of("font", "mono"));
        String alice = merged.survivor();
        String copy = merged.name();
        SourceTruth.assertIdentity(cutover.source(), cutover.table(), cutover.syncClient(), new IdentityId(alice));
        assertThat(delta(alice).datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.CURRENT);
        });

        any.cognitoPush(alice, copy, Map.of("theme", "black"));
        assertArrivesByContent(alice, copy, Map.of("theme", "black", "font", "mono"));
        any.cognitoPush(alice, copy, Map.of("size", "xl"));
        assertArrivesByContent(alice, copy, Map.of("theme", "black", "font", "mono", "size", "xl"));
    }

    /**
     * A change to a merged copy in Cognito Sync that brings its count up to the store's watermark, stamped with that
     * count: a read after the watermark would not return it. It arrives, found by content.
     */
    @Test
    void aChangeToAMergedCopyStampedWithTheWatermarksCountArrives() {
        Device any = cutover.newDevice();
        MergedCopy merged = mergedCopy(any, "erin", "frank", Map.of("theme", "dark"));
        String alice = merged.survivor();
        String copy = merged.name();
        assertThat(cutover.table().datasets(new IdentityId(alice)).get(new DatasetName(copy)).sourceWatermark())
                .isEqualTo(new SyncCount(2));

        any.cognitoPush(alice, copy, Map.of("theme", "black"));
        assertArrivesByContent(alice, copy, Map.of("theme", "black", "font", "serif"));
    }

    /**
     * A dataset whose Cognito count is below the store's watermark (here a store item written by hand): Cognito
     * refuses a read after the watermark ("No such SyncCount"). The pass reads it whole, finds its change by content
     * and does not fail it.
     */
    @Test
    void aDatasetWhoseCountIsBelowTheWatermarkIsReadWholeNotFailed() {
        Device app = cutover.newDevice();
        app.cognitoPush(app.identityId(), "prefs", Map.of("theme", "light", "font", "serif"));
        full(app.identityId());
        IdentityId identity = new IdentityId(app.identityId());
        StoredDataset imported = cutover.table().datasets(identity).get(new DatasetName("prefs"));
        DatasetMetadata at = imported.metadata();
        DatasetMetadata ahead = new DatasetMetadata(at.key(), at.creationDate(), at.lastModifiedDate(),
                at.lastModifiedBy(), at.dataStorage(), at.numRecords(), new SyncCount(9));
        StoredDataset above = new StoredDataset(ahead, false, imported.generation(), new SyncCount(9));
        assertThat(cutover.table().write(List.of(new PutAction(DatasetItems.toItem(above),
                ImportTransactions.unchanged(imported))))).isEmpty();

        app.cognitoPush(app.identityId(), "prefs", Map.of("theme", "dark"));
        assertArrivesByContent(app.identityId(), "prefs", Map.of("theme", "dark", "font", "serif"));
    }

    /** A merged copy: the identity a merge left it to, and its name. */
    private record MergedCopy(String survivor, String name) {
    }

    /**
     * Developer user {@code from}'s "prefs" (theme light and font serif, then {@code pushes}) merged into user
     * {@code into}'s identity, which a full pass then copies.
     */
    @SafeVarargs
    private static MergedCopy mergedCopy(Device any, String into, String from, Map<String, String>... pushes) {
        String survivor = cutover.developerIdentity(into);
        String merged = cutover.developerIdentity(from);
        any.cognitoPush(merged, "prefs", Map.of("theme", "light", "font", "serif"));
        List.of(pushes).forEach(push -> any.cognitoPush(merged, "prefs", push));
        cutover.merge(from, into);
        full(survivor);
        return new MergedCopy(survivor, "prefs." + merged);
    }

    /**
     * A delta pass of a dataset whose changes are found by content: it succeeds, the store holds Cognito's values,
     * and the one record it changed stands above the count the store had (so devices pull it).
     */
    private static void assertArrivesByContent(String identity, String copy, Map<String, String> values) {
        IdentityId id = new IdentityId(identity);
        DatasetName name = new DatasetName(copy);
        SyncCount before = cutover.table().datasets(id).get(name).metadata().syncCount();

        IdentityOutcome delta = delta(identity);

        assertThat(delta.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.recordsWritten()).isEqualTo(1);
        });
        StoredDataset meta = cutover.table().datasets(id).get(name);
        Map<RecordKey, dev.syncshift.core.Record> held = cutover.table().records(SyncStoreLayout.recordPartition(id,
                name, meta.generation()));
        assertThat(held.values().stream().filter(r -> !r.isTombstone()).collect(java.util.stream.Collectors.toMap(
                r -> r.key().value(), r -> r.value()))).isEqualTo(values);
        assertThat(held.values()).filteredOn(r -> r.syncCount().isAfter(before)).hasSize(1);
    }

    @Test
    void changesOnBothSidesBecomeAppSyncRevisionsAndTheLaterWriteWinsASameKeyConflict() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("k1", "c1", "k2", "c2", "k3", "c3"));
        full(phone.identityId());
        long imported = phone.page("game", 0).datasetSyncCount();

        phone.appSyncPut("game", "k1", "appsync");
        long switched = phone.appSyncPut("game", "k4", "appsync-new");
        phone.cognitoPut("game", "k2", "cognito");
        phone.cognitoPut("game", "k1", "cognito-later");
        IdentityOutcome delta = delta(phone.identityId());

        DatasetOutcome game = delta.datasets().get(0);
        assertThat(game.kind()).isEqualTo(ImportPlan.Kind.REVISIONS);
        assertThat(game.writtenOnAppSync()).isTrue();
        assertThat(game.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.key().value()).isEqualTo("k1");
            assertThat(c.cognitoWon()).isTrue();
        });
        Map<String, JsonNode> all = phone.appSyncRecords("game", 0);
        assertThat(values(all)).containsExactlyInAnyOrderEntriesOf(Map.of("k1", "cognito-later", "k2", "cognito",
                "k3", "c3", "k4", "appsync-new"));
        assertThat(phone.appSyncRecords("game", switched)).containsOnlyKeys("k1", "k2");
        StoredDataset meta = cutover.table().datasets(new IdentityId(phone.identityId()))
                .get(new DatasetName("game"));
        assertThat(meta.metadata().syncCount().value()).isEqualTo(switched + 1);
        assertThat(meta.sourceWatermark().value()).isEqualTo(imported + 2);
        assertThat(delta(phone.identityId()).datasets()).allSatisfy(d -> assertThat(d.kind())
                .isEqualTo(ImportPlan.Kind.CURRENT));
    }

    @Test
    void keepAppSyncKeepsTheSwitchedDevicesValueAndListsTheConflict() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("k1", "c1"));
        full(phone.identityId());

        phone.cognitoPut("game", "k1", "cognito");
        phone.appSyncPut("game", "k1", "appsync-later");
        DatasetOutcome game = cutover.migrator(false, ConflictPolicy.KEEP_APPSYNC)
                .migrate(new IdentityId(phone.identityId())).datasets().get(0);

        assertThat(game.conflicts()).singleElement().satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(values(phone.appSyncRecords("game", 0))).containsEntry("k1", "appsync-later");
    }

    @Test
    void aDeletionOnOneSideAgainstAChangeOnTheOtherIsSettledAtDatasetLevel() {
        Device phone = cutover.newDevice();
        phone.cognitoPut("deletedInCognito", "k", "v");
        phone.cognitoPut("deletedOnAppSync", "k", "v");
        full(phone.identityId());

        phone.appSyncPut("deletedInCognito", "k", "changed on appsync");
        phone.cognitoDelete("deletedInCognito");
        phone.appSyncDelete("deletedOnAppSync");
        phone.cognitoPut("deletedOnAppSync", "k", "changed in cognito later");
        IdentityOutcome delta = delta(phone.identityId());

        assertThat(delta.datasets()).flatMap(DatasetOutcome::conflicts).hasSize(2)
                .allSatisfy(c -> assertThat(c.key()).isNull());
        assertThat(values(phone.appSyncRecords("deletedInCognito", 0))).containsEntry("k", "changed on appsync");
        Device.Page recreated = phone.page("deletedOnAppSync", 0);
        assertThat(recreated.exists()).isTrue();
        assertThat(values(recreated.records())).containsEntry("k", "changed in cognito later");
    }

    @Test
    void aValueKeptForAppSyncSurvivesTheNextFullPassWhenTheCountsHappenToMeetAgain() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "settings", Map.of("k", "c1"));
        full(phone.identityId());

        phone.cognitoPut("settings", "k", "cognito-earlier");
        phone.appSyncPut("settings", "k", "appsync-later");
        IdentityOutcome delta = delta(phone.identityId());
        DatasetOutcome settled = delta.datasets().get(0);
        Tally counted = Tally.of(delta);
        assertThat(counted.datasetsCopied() + counted.datasetsRevised() + counted.datasetsCurrent())
                .as("every dataset in one category").isEqualTo(counted.datasets());
        StoredDataset meta = cutover.table().datasets(new IdentityId(phone.identityId()))
                .get(new DatasetName("settings"));
        assertThat(settled.conflicts()).singleElement().satisfies(c -> assertThat(c.cognitoWon()).isFalse());
        assertThat(meta.sourceWatermark()).as("the watermark equals the store's count again")
                .isEqualTo(meta.metadata().syncCount());

        IdentityOutcome verified = cutover.verifier().migrate(new IdentityId(phone.identityId()));
        IdentityOutcome again = full(phone.identityId());

        assertThat(verified.datasets()).allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
        assertThat(again.datasets()).allSatisfy(d -> {
            assertThat(d.recordsWritten()).isZero();
            assertThat(d.conflicts()).isEmpty();
        });
        assertThat(values(phone.appSyncRecords("settings", 0))).containsEntry("k", "appsync-later");
    }

    @Test
    void aCognitoDeletionSettledForAppSyncIsNotSettledAgainAndVerifiesClean() {
        Device phone = cutover.newDevice();
        phone.cognitoPut("kept", "k", "v");
        full(phone.identityId());
        phone.appSyncPut("kept", "k", "changed on appsync");
        phone.cognitoDelete("kept");
        assertThat(delta(phone.identityId()).datasets()).flatMap(DatasetOutcome::conflicts).hasSize(1);

        IdentityOutcome verified = cutover.verifier().migrate(new IdentityId(phone.identityId()));
        IdentityOutcome again = delta(phone.identityId());
        phone.appSyncPut("kept", "k", "changed again on appsync");
        IdentityOutcome afterAnotherWrite = full(phone.identityId());

        assertThat(verified.datasets()).allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
        assertThat(again.datasets()).allSatisfy(d -> {
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.transactions()).isZero();
        });
        assertThat(afterAnotherWrite.datasets()).flatMap(DatasetOutcome::conflicts).isEmpty();
        assertThat(values(phone.appSyncRecords("kept", 0))).containsEntry("k", "changed again on appsync");
    }

    /**
     * Once a pass applied Cognito's changes as AppSync revisions, the two services' counts part ways: six Cognito
     * pushes became one revision, so the store's count is below the Cognito watermark. A record a device writes on
     * AppSync after that pass is still a change made on AppSync (a conflict, here won by AppSync's later write), though
     * its count is below the watermark.
     */
    @Test
    void aRecordChangedOnAppSyncAfterAPassOfRevisionsIsAConflictThoughItsCountIsBelowTheWatermark() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("k", "c0", "mine", "m0"));
        full(phone.identityId());
        phone.appSyncPut("game", "other", "written on appsync");
        IntStream.rangeClosed(1, 6).forEach(i -> phone.cognitoPut("game", "mine", "m" + i));
        delta(phone.identityId());
        StoredDataset revised = cutover.table().datasets(new IdentityId(phone.identityId()))
                .get(new DatasetName("game"));
        assertThat(revised.metadata().syncCount()).isLessThan(revised.sourceWatermark());

        phone.cognitoPut("game", "k", "cognito, earlier");
        long appSyncCount = phone.appSyncPut("game", "k", "appsync, later");
        assertThat(appSyncCount).isLessThan(revised.sourceWatermark().value());
        DatasetOutcome game = delta(phone.identityId()).datasets().get(0);

        assertThat(game.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.key()).hasToString("k");
            assertThat(c.cognitoWon()).isFalse();
        });
        assertThat(game.writtenOnAppSync()).isTrue();
        assertThat(values(phone.appSyncRecords("game", 0))).containsEntry("k", "appsync, later")
                .containsEntry("mine", "m6");
    }

    /**
     * The other way round: devices wrote AppSync's count far above Cognito's, and a pass applied a Cognito change as a
     * revision above them. When Cognito changes that record again, the record the migrator wrote is no change made on
     * AppSync: no conflict, and the later Cognito change arrives.
     */
    @Test
    void aRecordTheMigratorRevisedIsNoAppSyncChangeThoughItsCountIsAboveTheWatermark() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("mine", "m0"));
        full(phone.identityId());
        IntStream.rangeClosed(1, 5).forEach(i -> phone.appSyncPut("game", "other", "a" + i));
        phone.cognitoPut("game", "mine", "m1");
        delta(phone.identityId());

        phone.cognitoPut("game", "mine", "m2");
        DatasetOutcome game = delta(phone.identityId()).datasets().get(0);

        assertThat(game.conflicts()).isEmpty();
        assertThat(game.writtenOnAppSync()).as("no device wrote it since the last pass").isFalse();
        assertThat(values(phone.appSyncRecords("game", 0))).containsEntry("mine", "m2");
    }

    /**
     * A dataset a pass revised (so the store numbers it) and nobody wrote on AppSync since: its deletion in Cognito
     * Sync is no conflict, and reaches AppSync under the default policy.
     */
    @Test
    void aDeletionInCognitoOfADatasetNobodyChangedOnAppSyncSinceThePassArrives() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), "game", Map.of("mine", "m0"));
        full(phone.identityId());
        phone.appSyncPut("game", "other", "written on appsync");
        phone.cognitoPut("game", "mine", "m1");
        delta(phone.identityId());

        phone.cognitoDelete("game");
        DatasetOutcome game = delta(phone.identityId()).datasets().get(0);

        assertThat(game.conflicts()).isEmpty();
        assertThat(phone.page("game", 1).exists()).isFalse();
        assertThat(phone.page("game", 1).deletedAfter()).isTrue();
    }

    private static IdentityOutcome full(String identity) {
        return cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(identity));
    }

    private static IdentityOutcome delta(String identity) {
        return cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(new IdentityId(identity));
    }

    private static Map<String, String> values(Map<String, JsonNode> records) {
        return records.entrySet().stream().filter(e -> !e.getValue().path("deleted").asBoolean())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().path("value").asText()));
    }

    @SuppressWarnings("unused")
    private static List<String> keys(Map<String, JsonNode> records) {
        return List.copyOf(records.keySet());
    }
}
