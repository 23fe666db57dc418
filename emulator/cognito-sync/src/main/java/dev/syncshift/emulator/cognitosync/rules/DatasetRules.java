package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.StoredDataset;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListDatasets, DescribeDataset and DeleteDataset (docs/cognito-sync.md#deletion-and-re-creation). */
public final class DatasetRules {

    /** ListDatasets' page size when maxResults is absent, and its cap. */
    public static final int MAX_PAGE = 64;

    private final DatasetStore datasets;
    private final IdentityRules identities;
    private final List<DatasetChangeListener> listeners;
    private final Clock clock;

    /** Rules over {@code datasets}; {@code listeners} hear of every deletion. */
    public DatasetRules(DatasetStore datasets, IdentityRules identities, List<DatasetChangeListener> listeners,
            Clock clock) {
        this.datasets = datasets;
        this.identities = identities;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** ListDatasets: the identity's existing datasets by name, a page at a time. */
    public DatasetsPage listDatasets(Caller caller, IdentityPoolId poolId, IdentityId identityId,
            @Nullable String nextToken, @Nullable Integer maxResults) {
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, identityId));
        int pageSize = PageTokens.pageSize(maxResults, MAX_PAGE, MAX_PAGE);
        String listing = PageTokens.listing("ListDatasets", poolId.value(), identityId.value());
        String after = PageTokens.decode(listing, nextToken);
        List<StoredDataset> candidates = datasets.list(identityId).stream()
                .filter(StoredDataset::exists)
                .filter(dataset -> after == null || dataset.key().datasetName().value().compareTo(after) > 0)
                .limit(pageSize + 1L)
                .toList();
        boolean more = candidates.size() > pageSize;
        List<StoredDataset> page = more ? candidates.subList(0, pageSize) : candidates;
        String last = more ? page.get(pageSize - 1).key().datasetName().value() : null;
        String next = last == null ? null : PageTokens.encode(listing, last);
        return new DatasetsPage(page.stream().map(StoredDataset::metadata).toList(), next);
    }

    /** DescribeDataset: the dataset's metadata. */
    public DatasetMetadata describeDataset(Caller caller, IdentityPoolId poolId, DatasetKey key) {
        Access.checkIdentity(caller, identities.requireIdentityInPool(poolId, key.identityId()));
        return existing(key).metadata();
    }

    /**
     * DeleteDataset: removes the records, keeps the count (a re-created dataset continues from it), and stops the
     * datasets merged into this one from being reported.
     *
     * @return the metadata the dataset had just before the deletion
     */
    public DatasetMetadata deleteDataset(Caller caller, IdentityPoolId poolId, DatasetKey key) {
        Access.checkIdentity(caller, identities.requireWritableIdentityInPool(poolId, key.identityId()));
        return datasets.locked(key.identityId(), () -> {
            StoredDataset dataset = existing(key);
            datasets.put(dataset.deleted(caller.modifiedBy(), clock.instant()));
            acknowledgeMerges(key);
            listeners.forEach(listener -> listener.datasetDeleted(poolId, key, caller));
            return dataset.metadata();
        });
    }

    private StoredDataset existing(DatasetKey key) {
        return datasets.find(key).filter(StoredDataset::exists).orElseThrow(
                () -> new ResourceNotFoundException("Dataset '" + key.datasetName() + "' not found."));
    }

    private void acknowledgeMerges(DatasetKey key) {
        DatasetName name = key.datasetName();
        datasets.list(key.identityId()).stream()
                .filter(dataset -> dataset.mergedFrom() != null && name.isMergedCopy(dataset.key().datasetName()))
                .forEach(dataset -> datasets.put(dataset.mergeAcknowledged()));
    }
}
