package dev.syncshift.migrator.target;

import dev.syncshift.core.ContractViolationException;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.source.CognitoSource;
import dev.syncshift.migrator.source.DatasetDeletedWhileReadException;
import dev.syncshift.migrator.source.PoolDeletedException;
import dev.syncshift.migrator.source.SourceDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/**
 * Migrates one identity: lists its datasets in Cognito Sync and in the store, and imports each one Cognito lists,
 * and each one the store holds that Cognito no longer lists (to learn of its deletion). A full pass reads every
 * record; a delta pass passes over datasets whose LastModifiedDate has not moved since a pass copied them and reads
 * the others from their watermark. A dataset whose data breaks the contract, or that DynamoDB refuses to store, is
 * a failure of that dataset, reported; the others go on. An identity Cognito no longer knows (deleted), or refuses to
 * read ("Access to Identity '<id>' is forbidden.": disabled), is passed over with a note. A write-back pass (a delta
 * pass with a {@link DatasetWriteBack}) then writes each dataset of the store into Cognito Sync, those born on AppSync
 * included. Thread-safe.
 */
public final class IdentityMigrator {

    private final CognitoSource source;
    private final SyncStoreTable table;
    private final DatasetImporter importer;
    private final boolean full;
    private final @Nullable DatasetWriteBack writeBack;

    /** A migrator; {@code full} for a full pass, false for a delta pass. */
    public IdentityMigrator(CognitoSource source, SyncStoreTable table, DatasetImporter importer, boolean full) {
        this(source, table, importer, full, null);
    }

    /**
     * A migrator; {@code full} for a full pass, false for a delta pass; with {@code writeBack}, a write-back pass,
     * which writes each dataset of the store back into Cognito Sync after importing it.
     */
    public IdentityMigrator(CognitoSource source, SyncStoreTable table, DatasetImporter importer, boolean full,
            @Nullable DatasetWriteBack writeBack) {
        this.source = source;
        this.table = table;
        this.importer = importer;
        this.full = full;
        this.writeBack = writeBack;
    }

    /**
     * Migrates {@code identityId}; data problems are in the outcome, service failures are thrown.
     *
     * @throws PoolDeletedException when the pool was deleted during the run
     */
    public IdentityOutcome migrate(IdentityId identityId) {
        List<DatasetOutcome> outcomes = new ArrayList<>();
        try {
            List<SourceDataset> listed = source.listDatasets(identityId);
            Map<DatasetName, StoredDataset> stored = new HashMap<>(table.datasets(identityId));
            for (SourceDataset dataset : listed) {
                outcomes.add(importOne(identityId, dataset.name(), dataset, stored.remove(dataset.name())));
            }
            for (Map.Entry<DatasetName, StoredDataset> entry : stored.entrySet()) {
                StoredDataset meta = entry.getValue();
                if (!meta.deleted() && meta.sourceWatermark() != null) {
                    outcomes.add(importOne(identityId, entry.getKey(), null, meta));
                } else if (writeBack != null && !meta.deleted()) {
                    // born on AppSync: nothing to import, all to write back
                    outcomes.add(writeBack(identityId, entry.getKey(),
                            DatasetOutcome.current(entry.getKey(), ImportPlanner.writtenOnAppSync(meta))));
                }
            }
            return new IdentityOutcome(identityId, outcomes, null);
        } catch (ResourceNotFoundException gone) {
            // Cognito no longer knows the identity (deleted, maybe half-way through its datasets, whose outcomes so
            // far are kept), or the pool itself is gone. A merge leaves the merged identity disabled and empty: its
            // datasets are then found gone like any Cognito deleted.
            if (!source.poolExists()) {
                throw new PoolDeletedException(source.pool());
            }
            return new IdentityOutcome(identityId, outcomes, "not in the pool any more (deleted)");
        } catch (NotAuthorizedException refused) {
            if (refused.awsErrorDetails() == null
                    || !identityId.isAccessForbidden(refused.awsErrorDetails().errorMessage())) {
                throw refused;
            }
            // A disabled identity (a merge's source): AWS leaves it listed, and should Cognito Sync refuse to read it
            // even to developer credentials, there is nothing to read. The store keeps what earlier passes copied.
            return new IdentityOutcome(identityId, outcomes, "disabled: Cognito Sync refuses to read it ("
                    + refused.awsErrorDetails().errorMessage() + ")");
        }
    }

    private DatasetOutcome importOne(IdentityId identityId, DatasetName name, @Nullable SourceDataset listed,
            @Nullable StoredDataset meta) {
        if (!full && meta != null && unchangedSincePass(listed, meta)) {
            // Not read: its records count neither as written nor as current (the records row counts what was read).
            // It holds Cognito's copy, so a write-back has nothing to write either.
            return DatasetOutcome.current(name, ImportPlanner.writtenOnAppSync(meta));
        }
        DatasetOutcome imported;
        try {
            imported = importer.importDataset(identityId, name, listed, meta, full);
        } catch (ContractViolationException | IllegalArgumentException | UnstorableDatasetException
                | DatasetDeletedWhileReadException bad) {
            return DatasetOutcome.failed(name, reason(bad));
        }
        return writeBack == null || imported.failure() != null ? imported : writeBack(identityId, name, imported);
    }

    private DatasetOutcome writeBack(IdentityId identityId, DatasetName name, DatasetOutcome imported) {
        return Objects.requireNonNull(writeBack).writeBack(identityId, name, imported);
    }

    /** Why a dataset's data cannot be migrated: the exception's message, or its name where it has none. */
    static String reason(Exception bad) {
        String message = bad.getMessage();
        return message == null ? bad.getClass().getSimpleName() : message;
    }

    /**
     * Copied by a pass, untouched on AppSync since, and Cognito's LastModifiedDate is the one copied; not so while a
     * copy-mode import in parts, a device's or a pass's, is unfinished (its earlier parts carry Cognito's date but not
     * all its records).
     */
    private static boolean unchangedSincePass(@Nullable SourceDataset listed, @Nullable StoredDataset meta) {
        return listed != null && meta != null && !meta.deleted() && meta.sourceWatermark() != null
                && meta.copiedUpTo() == null && ImportPlanner.untouched(meta)
                && meta.metadata().lastModifiedDate().equals(listed.lastModifiedDate());
    }
}
