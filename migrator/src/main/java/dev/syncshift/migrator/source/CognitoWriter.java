package dev.syncshift.migrator.source;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.SyncCount;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
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
     * What one UpdateRecords did.
     *
     * @param count the dataset's count after it
     * @param deletedBefore whether the dataset was deleted between the check and the write (a deletion keeps the
     *     count, and the write then created the dataset again): not the only change since the read
     */
    public record Update(SyncCount count, boolean deletedBefore) {
    }

    /**
     * Applies {@code patches} as one UpdateRecords, provided the dataset is still as read: its count {@code expected}
     * and, where it existed, not deleted since.
     *
     * @param exists whether the dataset existed when it was read
     * @return what the write did, or empty when Cognito Sync changed the dataset since it was read (its count moved, it
     *     was deleted, or a record's count differs from the one a patch names: ResourceConflictException)
     */
    public Optional<Update> update(IdentityId identityId, DatasetName dataset, SyncCount expected, boolean exists,
            List<Patch> patches) {
        var page = page(identityId, dataset, expected);
        if (orZero(page.datasetSyncCount()) != expected.value()
                || Boolean.TRUE.equals(page.datasetExists()) != exists
                || exists && Boolean.TRUE.equals(page.datasetDeletedAfterRequestedSyncCount())) {
            return Optional.empty();
        }
        try {
            var written = sync.updateRecords(r -> r.identityPoolId(pool).identityId(identityId.value())
                    .datasetName(dataset.value()).syncSessionToken(page.syncSessionToken())
                    .recordPatches(patches.stream().map(CognitoWriter::wire).toList()));
            long count = written.records().stream().mapToLong(w -> orZero(w.syncCount())).max()
                    .orElse(expected.value());
            boolean deletedBefore = exists && Boolean.TRUE.equals(page(identityId, dataset, expected)
                    .datasetDeletedAfterRequestedSyncCount());
            return Optional.of(new Update(new SyncCount(count), deletedBefore));
        } catch (ResourceConflictException moved) {
            return Optional.empty();
        }
    }

    /** One record's page after {@code after}: the dataset's count, whether it exists and was deleted since. */
    private ListRecordsResponse page(IdentityId identityId, DatasetName dataset, SyncCount after) {
        return sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId.value())
                .datasetName(dataset.value()).lastSyncCount(after.value()).maxResults(1));
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
