package dev.syncshift.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.IdentityPage;
import dev.syncshift.migrator.source.SourceDataset;
import dev.syncshift.migrator.source.SourceRecords;
import dev.syncshift.migrator.target.SyncStoreTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** Asserts that the store holds exactly what Cognito Sync holds, read independently of the migrator's logic. */
public final class SourceTruth {

    private SourceTruth() {
    }

    /** Every identity of the source, listed with ListIdentities. */
    public static List<IdentityId> identities(CognitoSource source) {
        List<IdentityId> all = new ArrayList<>();
        String token = null;
        do {
            IdentityPage page = source.listIdentities(token);
            all.addAll(page.identities());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** Asserts that every dataset of every identity is in the store, record for record; returns the records seen. */
    public static long assertStoreEqualsSource(LocalAws aws) {
        long records = 0;
        for (IdentityId identity : identities(aws.source())) {
            records += assertIdentity(aws.source(), aws.table(), aws.syncClient(), identity);
        }
        return records;
    }

    /**
     * As {@link #assertStoreEqualsSource(LocalAws)}, reading {@code aws}'s source through its
     * {@link LocalAws#unthrottled unthrottled} copy once the run ended: the same state and store, without the latency
     * (or throttles and faults) an emulator adds to slow a run down, which the many calls of this check would
     * otherwise wait out too (seconds at 2 ms a call).
     */
    public static long assertStoreEqualsSourceAtFullSpeed(LocalAws aws) throws IOException {
        Path fixture = Files.createTempFile("syncshift-source", ".json");
        try (LocalAws unthrottled = aws.unthrottled(fixture)) {
            return assertStoreEqualsSource(unthrottled);
        } finally {
            Files.deleteIfExists(fixture);
        }
    }

    /**
     * Asserts that the store holds exactly one identity's Cognito datasets, record for record, with the same
     * deletion answers at every count, and that datasets Cognito deleted are deleted in the store.
     */
    public static long assertIdentity(CognitoSource cognito, SyncStoreTable table, CognitoSyncClient sync,
            IdentityId identity) {
        Map<DatasetName, StoredDataset> stored = new java.util.HashMap<>(table.datasets(identity));
        long records = 0;
        for (SourceDataset dataset : cognito.listDatasets(identity)) {
            SourceRecords source = cognito.listRecords(identity, dataset.name(), SyncCount.ZERO);
            StoredDataset meta = stored.remove(dataset.name());
            assertThat(meta).as("%s/%s", identity, dataset.name()).isNotNull();
            assertThat(meta.deleted()).isFalse();
            assertThat(meta.metadata().syncCount()).isEqualTo(source.datasetSyncCount());
            assertThat(meta.sourceWatermark()).isEqualTo(source.datasetSyncCount());
            assertThat(meta.metadata().numRecords()).isEqualTo(dataset.numRecords());
            assertThat(meta.metadata().dataStorage()).isEqualTo(dataset.dataStorage());
            assertThat(meta.metadata().lastModifiedDate()).isEqualTo(dataset.lastModifiedDate());
            Map<RecordKey, Record> copied = table.records(SyncStoreLayout.recordPartition(identity, dataset.name(),
                    meta.generation()));
            assertThat(copied).as("%s/%s", identity, dataset.name()).isEqualTo(source.records());
            assertSameDeletionAnswers(sync, cognito, identity, dataset.name(), meta);
            records += source.records().size();
        }
        stored.forEach((name, meta) -> {
            assertThat(meta.deleted()).as("%s/%s is gone from Cognito Sync", identity, name).isTrue();
            assertSameDeletionAnswers(sync, cognito, identity, name, meta);
        });
        return records;
    }

    /**
     * At the counts around the generation, AppSync's rule (0 &lt; n &lt; generation) gives Cognito's answer, up to
     * the count both have (a merged copy's records, and so the store's count, stand above Cognito's).
     */
    private static void assertSameDeletionAnswers(CognitoSyncClient sync, CognitoSource source, IdentityId identity,
            DatasetName name, StoredDataset meta) {
        long generation = meta.generation().value();
        long top = Math.min(meta.metadata().syncCount().value(), sync.listRecords(r -> r
                .identityPoolId(source.pool().value()).identityId(identity.value()).datasetName(name.value())
                .maxResults(1)).datasetSyncCount());
        for (long n : java.util.stream.LongStream.of(0, 1, generation - 1, generation, generation + 1, top)
                .filter(c -> c >= 0 && c <= top).distinct().toArray()) {
            boolean cognito = Boolean.TRUE.equals(sync.listRecords(r -> r.identityPoolId(source.pool().value())
                    .identityId(identity.value()).datasetName(name.value()).lastSyncCount(n).maxResults(1))
                    .datasetDeletedAfterRequestedSyncCount());
            boolean appSync = n > 0 && n < meta.generation().value();
            assertThat(appSync).as("deleted after %d in %s/%s", n, identity, name).isEqualTo(cognito);
        }
    }
}
