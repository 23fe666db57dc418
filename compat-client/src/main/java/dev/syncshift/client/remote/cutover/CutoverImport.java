package dev.syncshift.client.remote.cutover;

import dev.syncshift.client.DataConflictException;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.client.DatasetNotFoundException;
import dev.syncshift.client.NetworkException;
import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.remote.appsync.ImportState;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.spi.DeletedSinceException;
import dev.syncshift.client.spi.RemoteChanges;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a dataset's Cognito Sync state over to AppSync for the device's own identity, when AppSync lacks it or is
 * behind: reads the store's source watermark W, reads Cognito's changes after W (ListRecords, every page, up to
 * DatasetSyncCount C'), and sends them with {@code importDataset}, which applies them only if the store is still at
 * W (the same condition as the migrator's delta pass). When someone else got there first the condition fails, and
 * it reads again: a device, another device and the migrator never apply the same change twice. A dataset deleted on
 * Cognito Sync since W (deleted, or deleted and re-created) is not imported: its changes after W do not say which
 * records the deletion removed, and the watermark must stay before the deletion for the migrator's delta pass,
 * which settles a deletion against AppSync's changes by its conflict policy. A first copy cut off between its parts
 * (watermark 0, marked {@code firstCopyUpTo}, which a push keeps) of an incarnation deleted since (told from what
 * AppSync holds against Cognito's read) is completed with the new one, over the deleted one's records it stored; of a
 * dataset deleted since and not re-created, with the removal of every record it stored and the deletion, recorded on
 * AppSync above Cognito's count at the deletion, so that devices that synchronized the dataset before it are told.
 * When Cognito Sync cannot be reached (an outage, or the service retired), a dataset AppSync has goes on with it; one
 * AppSync holds only part of a first copy of (cut off between its parts, pushed to since or not) is not one it has.
 * Imports larger than one transaction go in parts (records in count order), the last one moving the watermark
 * ({@link AppSyncRemoteStore#importChanges}).
 */
final class CutoverImport {

    private static final Logger LOG = LoggerFactory.getLogger(CutoverImport.class);
    /** Rounds of read-and-import when others keep moving the watermark. */
    static final int ATTEMPTS = 5;

    private final CognitoSyncRemoteStore cognito;
    private final AppSyncRemoteStore appSync;

    CutoverImport(CognitoSyncRemoteStore cognito, AppSyncRemoteStore appSync) {
        this.cognito = cognito;
        this.appSync = appSync;
    }

    /**
     * Imports what AppSync lacks of the dataset.
     *
     * @return true when AppSync now holds what Cognito Sync had (or the dataset is left to the migrator); false when
     *     Cognito Sync could not be reached but AppSync has the dataset (imported, or created there): the device goes
     *     on with that, and the import is tried again at its next synchronize
     * @throws NetworkException when Cognito Sync cannot be reached and AppSync does not have the dataset, or holds
     *     only part of a first copy of it
     */
    boolean ensureImported(DatasetKey key) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ImportState> state = appSync.importState(key);
            long watermark = state.map(ImportState::sourceWatermark).orElse(0L);
            Optional<Changes> changes;
            try {
                changes = readCognito(key, watermark, state.map(ImportState::firstCopyUpTo).orElse(0L));
            } catch (NetworkException e) {
                if (state.isEmpty() || state.get().unfinishedFirstCopy()) {
                    // Going on would show the app an empty dataset, or part of one, that Cognito Sync may hold whole:
                    // defaults the app wrote for what it does not find would win over the user's data at the import.
                    throw e;
                }
                LOG.warn("Cognito Sync cannot be reached ({}); {} goes on with AppSync's copy (Cognito changes "
                        + "imported up to count {})", e.getMessage(), key, watermark);
                return false;
            }
            if (changes.isEmpty()) {
                return true;
            }
            try {
                appSync.importChanges(changes.get().source(), watermark, changes.get().records());
                if (changes.get().deleted()) {
                    recordDeletion(key);
                }
                return true;
            } catch (DeletedSinceException e) {
                return true;
            } catch (DataConflictException e) {
                LOG.debug("import of {} raced with another writer; reading again", key);
            }
        }
        throw new DataStorageException("Could not import dataset " + key.datasetName() + " from Cognito Sync: its "
                + "AppSync copy kept changing; try again");
    }

    /**
     * Cognito Sync's changes after a watermark, in count order, and its dataset's metadata; {@code deleted} when they
     * complete an unfinished first copy of a dataset Cognito Sync has deleted since (the deletion to record after).
     */
    private record Changes(DatasetMetadata source, List<Record> records, boolean deleted) {
    }

    /**
     * Reads Cognito Sync's changes after W, or nothing when there is nothing to import: the dataset does not exist
     * there or has no change after W, or it was deleted after W (left to the migrator). Over an unfinished first copy
     * (its mark {@code firstCopyUpTo}, else 0) that holds records of an incarnation deleted since, they include their
     * repair ({@link #staleRecords}); of a dataset Cognito Sync no longer has, they are the removals of its records and
     * its deletion ({@link #deletedCopy}).
     */
    private Optional<Changes> readCognito(DatasetKey key, long watermark, long firstCopyUpTo) {
        RemoteChanges changes = cognito.listUpdates(key, new SyncCount(watermark));
        if (!changes.exists() && firstCopyUpTo > 0) {
            return Optional.of(deletedCopy(key, changes, firstCopyUpTo));
        }
        // A merged copy (<dataset>.<identityId>) counts from 1 again while its records keep their counts: the import
        // counts at their height. Its later changes below that height are the migrator's to bring (it compares a
        // merged copy's records by content).
        SyncCount count = height(changes.datasetSyncCount(), changes.records());
        if (!changes.exists() || count.value() <= watermark) {
            return Optional.empty();
        }
        if (watermark > 0 && changes.deletedAfterRequestedSyncCount()) {
            // The changes after W are a new incarnation's; the records the deletion removed are not among them.
            LOG.info("{} was deleted on Cognito Sync since it was imported; the migrator's delta pass settles the "
                    + "deletion against AppSync's changes", key);
            return Optional.empty();
        }
        List<Record> stale = firstCopyUpTo == 0 ? List.of() : staleRecords(key, firstCopyUpTo, changes);
        SyncCount top = height(count, stale);
        DatasetMetadata source = cognito.describeDataset(key, top).orElseGet(() -> fromRecords(key, changes, top));
        List<Record> ordered = new ArrayList<>(changes.records().stream()
                .filter(r -> r.syncCount().value() > watermark).toList());
        ordered.sort(Comparator.comparing(Record::syncCount));
        return Optional.of(new Changes(source, repaired(key, ordered, stale, source), false));
    }

    /**
     * The records an unfinished first copy (watermark 0, its mark {@code firstCopyUpTo}) stored of an incarnation of
     * the dataset that Cognito Sync has deleted since: those of its records (at most {@code firstCopyUpTo}, as every
     * part of a copy stores; a push, by a device that makes no import too, stands above it) whose key the read from 0
     * lacks while AppSync holds it live, or holds at a lower count. Within one incarnation the first never happens
     * (Cognito Sync keeps a removed key as a tombstone), and the second only in a merged copy, whose records keep their
     * counts while a key written there again takes the copy's lower next count: repairing it brings that newer
     * version, right either way. A deletion is told by what AppSync holds, not by
     * DatasetDeletedAfterRequestedSyncCount from the mark: a repair cut off between its parts raises the mark above
     * the deletion, and a merged copy's mark stands above its count, which Cognito Sync refuses to read from.
     */
    private List<Record> staleRecords(DatasetKey key, long firstCopyUpTo, RemoteChanges read) {
        Map<RecordKey, SyncCount> current = read.records().stream().collect(Collectors.toMap(Record::key,
                Record::syncCount, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return appSync.listUpdates(key, SyncCount.ZERO).records().stream()
                .filter(stored -> stored.syncCount().value() <= firstCopyUpTo)
                .filter(stored -> {
                    SyncCount now = current.get(stored.key());
                    return now == null ? !stored.isTombstone() : now.compareTo(stored.syncCount()) < 0;
                })
                .toList();
    }

    /**
     * The changes read, with the repair of the stale records ({@link #staleRecords}): each at the source's count C'',
     * the highest of Cognito's count C' and the stale records' counts, which the copy's rule (the higher count wins,
     * ties included) applies over every one of them: the removal of a key the new incarnation lacks, and the new
     * incarnation's version of a key it holds at a lower count (a merged copy's). C' alone is above every count of a
     * deleted incarnation (Cognito Sync continues a re-created dataset from its count at the deletion) but not of a
     * merged copy, whose records stand above its count; C'' then moves the watermark above C', and the copy's later
     * changes below it are the migrator's to bring, as for any merged copy. The repair is told again by every re-run
     * of an import cut off between its parts, from what AppSync then holds.
     */
    private List<Record> repaired(DatasetKey key, List<Record> ordered, List<Record> stale, DatasetMetadata source) {
        if (stale.isEmpty()) {
            return ordered;
        }
        Map<RecordKey, Record> current = ordered.stream().collect(Collectors.toMap(Record::key, r -> r, (a, b) -> b));
        Set<RecordKey> repairedKeys = stale.stream().map(Record::key).collect(Collectors.toSet());
        List<Record> changes = new ArrayList<>(ordered.stream().filter(r -> !repairedKeys.contains(r.key())).toList());
        List<Record> removals = removals(stale.stream().filter(s -> !current.containsKey(s.key())).toList(), source);
        changes.addAll(removals);
        stale.stream().map(s -> current.get(s.key())).filter(Objects::nonNull)
                .map(r -> new Record(r.key(), r.value(), source.syncCount(), r.lastModifiedDate(),
                        r.lastModifiedBy(), r.deviceLastModifiedDate()))
                .forEach(changes::add);
        LOG.info("{} was deleted on Cognito Sync after a first import stored part of it; the import completes the copy "
                + "with the dataset Cognito Sync has now, removing {} records of the deleted one from AppSync and "
                + "replacing {}", key, removals.size(), stale.size() - removals.size());
        return changes;
    }

    /**
     * An unfinished first copy (its mark {@code firstCopyUpTo}) of a dataset Cognito Sync no longer has: deleted since
     * the copy read it (a copy's records came from a dataset that existed), and not re-created. Completed as the
     * migrator's pass records such a deletion (CopyPlanner: the store at Cognito's count D, a new generation above
     * it): the import's last part removes every live record the copy stored, at C' = D (the mark when higher, as
     * only a merged copy's records stand above its count), which wins over each (none stands above it), and moves the
     * watermark to C'; {@link #recordDeletion} then deletes the dataset on AppSync at C' + 1, a new generation above
     * every count of the deleted dataset. A device that synchronized the dataset before the deletion, on Cognito Sync
     * or AppSync, is then told it was deleted ({@code onDatasetDeleted}), as Cognito Sync would tell it, and a new
     * device finds nothing; completing the copy as it was (nothing to import) showed the deleted records as live and
     * told nobody.
     */
    private Changes deletedCopy(DatasetKey key, RemoteChanges read, long firstCopyUpTo) {
        RemoteChanges stored = appSync.listUpdates(key, SyncCount.ZERO);
        SyncCount count = new SyncCount(Math.max(read.datasetSyncCount().value(), firstCopyUpTo));
        Instant now = Instant.now();
        DatasetMetadata source = stored.records().isEmpty()
                ? new DatasetMetadata(key, now, now, key.identityId().value(), 0, 0, count)
                : fromRecords(key, stored, count);
        List<Record> removals = removals(stored.records(), source);
        LOG.info("{} was deleted on Cognito Sync after a first import stored part of it; the import removes the {} "
                + "records it stored and the dataset is deleted on AppSync", key, removals.size());
        return new Changes(source, removals, true);
    }

    /** Removals, at the source's count, date and writer, of the live records among {@code stored}. */
    private static List<Record> removals(List<Record> stored, DatasetMetadata source) {
        return stored.stream()
                .filter(record -> !record.isTombstone())
                .map(record -> new Record(record.key(), null, source.syncCount(), source.lastModifiedDate(),
                        source.lastModifiedBy(), null))
                .toList();
    }

    /**
     * Deletes on AppSync a dataset whose unfinished first copy was just completed with the removal of its records,
     * Cognito Sync having deleted it ({@link #deletedCopy}). The deletion is unconditional, as Cognito Sync's is: a
     * device's write since that import (after the user's deletion) goes with it. Deleted meanwhile by another device,
     * nothing is left to do; refused as a conflict, the dataset is kept, the removals keeping the deleted records out.
     */
    private void recordDeletion(DatasetKey key) {
        try {
            appSync.deleteDataset(key);
        } catch (DataConflictException e) {
            LOG.info("{} was written on AppSync after its copy deleted on Cognito Sync was removed; it is kept ({})",
                    key, e.getMessage());
        } catch (DatasetNotFoundException e) {
            LOG.debug("{} was already deleted on AppSync", key);
        }
    }

    /** The highest of {@code from} and the records' counts. */
    private static SyncCount height(SyncCount from, List<Record> records) {
        return records.stream().map(Record::syncCount).reduce(from, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    private static DatasetMetadata fromRecords(DatasetKey key, RemoteChanges changes, SyncCount count) {
        Record last = changes.records().stream().max(Comparator.comparing(Record::lastModifiedDate)).orElseThrow();
        Instant first = changes.records().stream().map(Record::lastModifiedDate).min(Comparator.naturalOrder())
                .orElseThrow();
        return new DatasetMetadata(key, first, last.lastModifiedDate(), last.lastModifiedBy(), 0, 0, count);
    }
}
