package dev.syncshift.migrator.source;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.SyncRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.ListDatasetsResponse;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;

/**
 * One identity pool as Cognito Identity and Cognito Sync serve it to a developer. Thread-safe (the SDK clients are).
 * Throttling and server errors are retried by the clients' retry strategy; what still fails is thrown.
 */
public final class CognitoSource {

    /** ListIdentities' largest page. */
    public static final int IDENTITIES_PAGE = 60;
    /** The ListDatasets page AWS's own clients ask for. */
    public static final int DATASETS_PAGE = 64;
    /** The ListRecords page AWS's own clients ask for (the per-dataset record limit). */
    public static final int RECORDS_PAGE = 1024;

    /** Reads of a dataset's pages at most, while it is deleted during each. */
    private static final int READS = 5;

    private static final long POOL_SEEN_FOR = TimeUnit.MINUTES.toNanos(1);

    private final CognitoIdentityClient identity;
    private final CognitoSyncClient sync;
    private final IdentityPoolId pool;
    private long poolSeen = System.nanoTime() - POOL_SEEN_FOR;

    /** A source reading {@code pool} through these clients. */
    public CognitoSource(CognitoIdentityClient identity, CognitoSyncClient sync, IdentityPoolId pool) {
        this.identity = identity;
        this.sync = sync;
        this.pool = pool;
    }

    /** The pool read. */
    public IdentityPoolId pool() {
        return pool;
    }

    /**
     * One ListIdentities page from {@code nextToken} (null: the first), disabled identities included.
     *
     * @throws PoolDeletedException when Cognito no longer knows the pool (a run checks it exists before it starts)
     */
    public IdentityPage listIdentities(@Nullable String nextToken) {
        ListIdentitiesResponse page;
        try {
            page = identity.listIdentities(r -> r.identityPoolId(pool.value()).maxResults(IDENTITIES_PAGE)
                    .nextToken(nextToken).hideDisabled(false));
        } catch (ResourceNotFoundException gone) {
            throw new PoolDeletedException(pool);
        }
        List<IdentityId> ids = page.identities().stream().map(d -> new IdentityId(d.identityId())).toList();
        return new IdentityPage(ids, page.nextToken());
    }

    /**
     * Whether the pool still exists (DescribeIdentityPool): an identity Cognito no longer knows left the pool
     * (deleted), unless the pool itself is gone. An answer that it exists holds for a minute, so that a
     * list with many such identities (an old identities file) costs one call a minute, not one each; threads that
     * ask meanwhile wait for that call's answer rather than make their own.
     */
    public synchronized boolean poolExists() {
        long now = System.nanoTime();
        if (now - poolSeen < POOL_SEEN_FOR) {
            return true;
        }
        try {
            identity.describeIdentityPool(r -> r.identityPoolId(pool.value()));
            poolSeen = now;
            return true;
        } catch (ResourceNotFoundException gone) {
            return false;
        }
    }

    /** Every live dataset of {@code identityId}, all pages read. */
    public List<SourceDataset> listDatasets(IdentityId identityId) {
        List<SourceDataset> datasets = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListDatasetsResponse page = sync.listDatasets(r -> r.identityPoolId(pool.value())
                    .identityId(identityId.value()).maxResults(DATASETS_PAGE).nextToken(next));
            page.datasets().forEach(d -> datasets.add(new SourceDataset(new DatasetName(d.datasetName()),
                    d.creationDate(), d.lastModifiedDate(), d.lastModifiedBy(), orZero(d.numRecords()),
                    orZero(d.dataStorage()))));
            token = page.nextToken();
        } while (token != null);
        return datasets;
    }

    /**
     * The records of a dataset changed after {@code lastSyncCount}, all pages read. A dataset deleted while its pages
     * are read is read again from the start: the pages after a deletion continue in the re-created dataset, after the
     * records of the deleted one that the earlier pages held.
     *
     * @throws DatasetDeletedWhileReadException when it was deleted during each of five reads
     * @throws CountNotInDatasetException when the dataset's count is below {@code lastSyncCount}
     */
    public SourceRecords listRecords(IdentityId identityId, DatasetName dataset, SyncCount lastSyncCount) {
        for (int read = 0; read < READS; read++) {
            SourceRecords records = readPages(identityId, dataset, lastSyncCount);
            if (records != null) {
                return records;
            }
        }
        throw new DatasetDeletedWhileReadException(READS);
    }

    /** Every page of one read, or null when the dataset was deleted while they were read. */
    private @Nullable SourceRecords readPages(IdentityId identityId, DatasetName dataset, SyncCount lastSyncCount) {
        Map<RecordKey, Record> records = new HashMap<>();
        ListRecordsResponse first = page(identityId, dataset, lastSyncCount, null, RECORDS_PAGE);
        ListRecordsResponse page = first;
        long newest = orZero(first.datasetSyncCount());
        while (true) {
            for (var wire : page.records()) {
                Record record = SourceRecordMapping.record(wire);
                records.merge(record.key(), record, (a, b) -> a.syncCount().compareTo(b.syncCount()) >= 0 ? a : b);
                newest = Math.max(newest, record.syncCount().value());
            }
            if (page.nextToken() == null) {
                break;
            }
            page = page(identityId, dataset, lastSyncCount, page.nextToken(), RECORDS_PAGE);
        }
        if (page != first && deletedDuringRead(identityId, dataset, first, page)) {
            return null;
        }
        return new SourceRecords(lastSyncCount, records, new SyncCount(newest),
                new SyncCount(orZero(page.datasetSyncCount())), Boolean.TRUE.equals(first.datasetExists()),
                Boolean.TRUE.equals(first.datasetDeletedAfterRequestedSyncCount()), first.mergedDatasetNames());
    }

    /**
     * Whether the dataset was deleted between the first page and the last. Asked only when the last page's count or
     * existence differs from the first's: a deletion at or after the first page's count C sets
     * DatasetDeletedAfterRequestedSyncCount for C, one before it (the dataset then re-created) does not.
     */
    private boolean deletedDuringRead(IdentityId identityId, DatasetName dataset, ListRecordsResponse first,
            ListRecordsResponse last) {
        long count = orZero(first.datasetSyncCount());
        boolean moved = orZero(last.datasetSyncCount()) != count || !Boolean.TRUE.equals(last.datasetExists());
        return moved && count > 0 && Boolean.TRUE.equals(first.datasetExists())
                && deletedAfter(identityId, dataset, count);
    }

    /**
     * The dataset sync count at the dataset's last deletion, or zero when it was never deleted since
     * {@code after}: found from ListRecords' DatasetDeletedAfterRequestedSyncCount, which holds for every count from
     * 1 up to the count at deletion (Cognito Sync keeps that count and continues a re-created dataset from it).
     *
     * @param after a count known to precede the deletion, or zero
     * @param read what a read of the dataset after {@code after} answered: the deletion precedes its oldest record
     *     and is at most its count (a merged copy's records may stand above its count)
     */
    public SyncCount lastDeletion(IdentityId identityId, DatasetName dataset, SyncCount after, SourceRecords read) {
        long low = Math.max(1, after.value());
        long high = Math.min(read.oldestRecordCount().value() - 1, read.cognitoCount().value());
        if (high < low || !deletedAfter(identityId, dataset, low)) {
            return SyncCount.ZERO;
        }
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (deletedAfter(identityId, dataset, middle)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return new SyncCount(low);
    }

    private boolean deletedAfter(IdentityId identityId, DatasetName dataset, long lastSyncCount) {
        return Boolean.TRUE.equals(page(identityId, dataset, new SyncCount(lastSyncCount), null, 1)
                .datasetDeletedAfterRequestedSyncCount());
    }

    private ListRecordsResponse page(IdentityId identityId, DatasetName dataset, SyncCount lastSyncCount,
            @Nullable String nextToken, int maxResults) {
        try {
            return sync.listRecords(r -> r.identityPoolId(pool.value()).identityId(identityId.value())
                    .datasetName(dataset.value()).lastSyncCount(lastSyncCount.value()).nextToken(nextToken)
                    .maxResults(maxResults));
        } catch (InvalidParameterException e) {
            String message = String.valueOf(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage());
            if (message.startsWith(SyncRules.NO_SUCH_SYNC_COUNT)) {
                throw new CountNotInDatasetException(lastSyncCount.value(), message);
            }
            throw e;
        }
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
