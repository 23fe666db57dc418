package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.DatasetItems;
import dev.syncshift.core.layout.ImportTransactions;
import dev.syncshift.core.layout.PutAction;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.core.layout.WriteAction;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.report.Tally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;

/**
 * A merged copy's key changed on AppSync, whose Cognito version differs and is not the later one, is a conflict every
 * pass lists (its count cannot say whether Cognito changed it too; docs/migrator.md), and each pass or write-back
 * lists it once: a write-back, which imports the copy twice, counted it twice in its tally and metric.
 */
class MergedCopyConflictsTest extends CutoverScenario {

    private static final RecordKey FONT = new RecordKey("font");

    @Test
    void aWriteBackListsAnAppSyncChangeToAMergedCopyOnce() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc2-into", "mc2-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");

        IdentityOutcome back = cutover.writeBack().migrate(merged.survivor());

        assertThat(Tally.of(back).recordsWrittenBack()).isEqualTo(1);
        assertThat(conflicts(back)).as("%s", back).isEqualTo(1);
    }

    /** A Cognito change to the same key, later than AppSync's, is a conflict the policy settles. */
    @Test
    void aLaterCognitoChangeToTheSameKeyIsAConflictSettledByThePolicy() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc3-into", "mc3-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");
        merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("font", "on Cognito"));

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(pass.datasets()).singleElement().satisfies(d -> assertThat(d.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.cognitoWon()).isTrue()));
        assertThat(WriteBackMergedCopyTest.storedFont(merged)).isEqualTo("on Cognito");
    }

    /**
     * A switched device's cutover import of a Cognito change to another key lands before any pass: it moves importedAt
     * past the AppSync write, which the import leaves alone (Cognito's version is not the later one). The next pass
     * lists that write all the same.
     */
    @Test
    void anAppSyncChangeFoundFirstAfterADevicesImportIsListed() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("mc4-into", "mc4-from");
        WriteBackMergedCopyTest.pushOnAppSync(merged.survivor(), merged.copy(), FONT, "sans on AppSync");
        for (String theme : List.of("light on Cognito", "dark on Cognito", "blue on Cognito")) {
            // pushes until Cognito's count passes the copy's watermark (a merge left its records above its count)
            merged.device().cognitoPush(merged.survivor().value(), merged.copy().value(), Map.of("theme", theme));
        }
        importOnAppSync(merged);

        IdentityOutcome pass = cutover.migrator(false, ConflictPolicy.LATER_WINS).migrate(merged.survivor());

        assertThat(conflicts(pass)).as("%s", pass).isEqualTo(1);
        assertThat(WriteBackMergedCopyTest.storedFont(merged)).isEqualTo("sans on AppSync");
    }

    /**
     * The device's importDataset of Cognito's changes to the copy after the store's watermark, written as the resolver
     * writes it in revision mode: a record AppSync changed since the last import is skipped unless Cognito's is later,
     * the others go in one revision at the next count, which importedAt takes, and the watermark moves to Cognito's
     * count.
     */
    private static void importOnAppSync(WriteBackMergedCopyTest.Merged merged) {
        StoredDataset meta = cutover.table().datasets(merged.survivor()).get(merged.copy());
        assertThat(meta).isNotNull();
        ListRecordsResponse cognito = cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(merged.survivor().value()).datasetName(merged.copy().value()));
        String partition = SyncStoreLayout.recordPartition(merged.survivor(), merged.copy(), meta.generation());
        Map<RecordKey, Record> stored = new HashMap<>(cutover.table().records(partition));
        long watermark = meta.sourceWatermark() == null ? 0 : meta.sourceWatermark().value();
        SyncCount next = meta.metadata().syncCount().next();
        List<WriteAction> writes = new ArrayList<>();
        cognito.records().stream().filter(r -> r.syncCount() > watermark).forEach(r -> {
            Record held = stored.get(new RecordKey(r.key()));
            if (held != null && (Objects.equals(r.value(), held.value())
                    || held.syncCount().isAfter(meta.changedOnAppSyncAfter())
                    && !r.lastModifiedDate().isAfter(held.lastModifiedDate()))) {
                return;
            }
            Record applied = new Record(new RecordKey(r.key()), r.value(), next, r.lastModifiedDate(),
                    r.lastModifiedBy(), r.deviceLastModifiedDate());
            writes.addAll(ImportTransactions.recordActions(partition, applied,
                    ImportTransactions.stillAt(held == null ? null : held.syncCount()), PlanSupport.pieces(held)));
            stored.put(applied.key(), applied);
        });
        assertThat(writes).as("the import applies Cognito's change").isNotEmpty();
        DatasetMetadata m = meta.metadata();
        StoredDataset after = new StoredDataset(new DatasetMetadata(m.key(), m.creationDate(), m.lastModifiedDate(),
                merged.survivor().value(), stored.values().stream().mapToLong(Record::storageBytes).sum(),
                stored.values().stream().filter(r -> !r.isTombstone()).count(), next), false, meta.generation(),
                new SyncCount(cognito.datasetSyncCount()), true, null, null, next).withWriteBack(meta.writeBack());
        List<WriteAction> actions = new ArrayList<>();
        actions.add(new PutAction(DatasetItems.toItem(after), ImportTransactions.unchanged(meta)));
        actions.addAll(writes);
        assertThat(cutover.table().write(actions)).isEmpty();
    }

    private static long conflicts(IdentityOutcome outcome) {
        return Tally.of(outcome).conflicts();
    }
}
