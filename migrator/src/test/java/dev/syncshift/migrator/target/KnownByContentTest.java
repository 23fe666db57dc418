package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.SyncCount;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.source.SourceRecords;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write-back takes a dataset as known by content when it is a merged copy or when its records stand above
 * Cognito's count; the importer by the name alone (and Cognito's "No such SyncCount"). The two agree because only a
 * merge leaves records above a dataset's count: every write, deletion and re-creation of a plain dataset keeps its
 * count at its newest record, so the write-back's second rule never holds for a dataset that is not a merged copy.
 */
class KnownByContentTest extends CutoverScenario {

    @Test
    void onlyAMergedCopysRecordsStandAboveItsCount() {
        WriteBackMergedCopyTest.Merged merged = WriteBackMergedCopyTest.mergedCopy("kc-into", "kc-from");
        String survivor = merged.survivor().value();
        DatasetName plain = new DatasetName("plain");
        merged.device().cognitoPush(survivor, plain.value(), Map.of("a", "1", "b", "2"));
        merged.device().cognitoPush(survivor, plain.value(), Map.of("a", "\u0000remove"));
        cutover.syncClient().deleteDataset(r -> r.identityPoolId(cutover.pool().value()).identityId(survivor)
                .datasetName(plain.value()));
        merged.device().cognitoPush(survivor, plain.value(), Map.of("c", "3"));

        SourceRecords plainRead = cutover.source().listRecords(merged.survivor(), plain, SyncCount.ZERO);
        SourceRecords copyRead = cutover.source().listRecords(merged.survivor(), merged.copy(), SyncCount.ZERO);

        assertThat(plain.isMergedCopyName()).isFalse();
        assertThat(plainRead.datasetSyncCount()).as("plain").isEqualTo(plainRead.cognitoCount());
        assertThat(merged.copy().isMergedCopyName()).isTrue();
        assertThat(copyRead.datasetSyncCount()).as("merged copy").isGreaterThan(copyRead.cognitoCount());
    }
}
