package dev.syncshift.migrator.source;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/**
 * Writes one identity's datasets in Cognito Sync with developer credentials, as a device synchronizes: a ListRecords
 * for the session token, then one UpdateRecords whose every patch names the count it replaces. The write-back pass
 * uses it to give Cognito Sync what devices wrote on AppSync. Thread-safe (the SDK client is).
 */
public final class CognitoWriter {

    private final CognitoSyncClient sync;
    private final String pool;

    /** A writer into {@code source}'s pool through {@code sync}. */
    public CognitoWriter(CognitoSyncClient sync, CognitoSource source) {
        this.sync = sync;
        this.pool = source.pool().value();
    }

    /**
     * One change of a record: {@code value} null removes it.
     *
     * @param record the value to give the key (a tombstone removes it), its key and device date
     * @param replacing the count of Cognito's record it replaces, zero when Cognito has none
     */
    public record Patch(Record record, SyncCount replacing) {
    }

    /**
     * Applies {@code patches} as one UpdateRecords, provided the dataset's count is still {@code expectedCount}.
     *
     * @return the dataset's count after the write, or empty when Cognito Sync changed the dataset since it was read
     *     (its count moved, or a record's count differs from the one a patch names: ResourceConflictException)
     */
    public Optional<SyncCount> update(IdentityId identityId, DatasetName dataset, SyncCount expectedCount,
            List<Patch> patches) {
        var page = sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId.value())
                .datasetName(dataset.value()).lastSyncCount(expectedCount.value()).maxResults(1));
        if (orZero(page.datasetSyncCount()) != expectedCount.value()) {
            return Optional.empty();
        }
        try {
            var written = sync.updateRecords(r -> r.identityPoolId(pool).identityId(identityId.value())
                    .datasetName(dataset.value()).syncSessionToken(page.syncSessionToken())
                    .recordPatches(patches.stream().map(CognitoWriter::wire).toList()));
            long count = written.records().stream().mapToLong(w -> orZero(w.syncCount())).max()
                    .orElse(expectedCount.value());
            return Optional.of(new SyncCount(count));
        } catch (ResourceConflictException moved) {
            return Optional.empty();
        }
    }

    /** Deletes the dataset (DeleteDataset); true when Cognito Sync had it. */
    public boolean delete(IdentityId identityId, DatasetName dataset) {
        try {
            sync.deleteDataset(r -> r.identityPoolId(pool).identityId(identityId.value())
                    .datasetName(dataset.value()));
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }

    private static RecordPatch wire(Patch patch) {
        Record record = patch.record();
        return RecordPatch.builder().op(record.isTombstone() ? Operation.REMOVE : Operation.REPLACE)
                .key(record.key().value()).value(record.value()).syncCount(patch.replacing().value())
                .deviceLastModifiedDate(record.deviceLastModifiedDate()).build();
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
