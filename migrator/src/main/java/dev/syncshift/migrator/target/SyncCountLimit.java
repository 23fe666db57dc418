package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.core.layout.SyncStoreLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The counts the store can take: the API reads them as GraphQL Ints (32-bit), where Cognito Sync's are 64-bit, so a
 * count above {@link SyncStoreLayout#MAX_SYNC_COUNT} in the store would fail every read of the identity's datasets
 * through the API (listDatasets among them), and the resolvers refuse to write one. A plan that would write one (a
 * Cognito count or a record's above it, or Cognito's changes applied as revisions past it) is not written: the dataset
 * is reported as not imported, the store keeps what it holds, and the identity's other datasets go on.
 */
final class SyncCountLimit {

    private SyncCountLimit() {
    }

    /**
     * {@code plan}, or a failed plan that writes nothing when it would write a count above the limit.
     *
     * @param meta the store's metadata item as read, or null
     * @param stored the records the plan was made over
     */
    static ImportPlan check(ImportPlan plan, DatasetSource source, @Nullable StoredDataset meta,
            Map<RecordKey, Record> stored) {
        if (plan.transactions().isEmpty()) {
            return plan.failure() != null ? plan : heldPastTheInt(plan, meta)
                    .map(failure -> ImportPlan.failed(meta, plan.partition(), stored, failure)).orElse(plan);
        }
        // Applied as revisions, Cognito's records take the store's counts: the dataset's count is what passes it.
        Optional<String> over = overCognito(source).or(() -> plan.kind() == ImportPlan.Kind.REVISIONS
                ? overMeta(plan, meta) : overRecord(plan).or(() -> overMeta(plan, meta)));
        if (over.isEmpty()) {
            return plan;
        }
        String failure = over.get() + " is above " + SyncStoreLayout.MAX_SYNC_COUNT + ", the highest sync count the "
                + "API's 32-bit GraphQL Ints leave a dataset (a count past it would fail every read of the identity's "
                + "datasets through the API): nothing of the dataset was written, and it stays in Cognito Sync as "
                + "it is";
        return ImportPlan.failed(meta, meta == null ? source.generation() : meta.generation(), stored, failure);
    }

    /**
     * A count the store already holds past the largest Int (one an earlier version copied from Cognito as it was),
     * which no plan writes but every read of the identity's datasets through the API fails on.
     */
    private static Optional<String> heldPastTheInt(ImportPlan plan, @Nullable StoredDataset meta) {
        Stream<SyncCount> held = plan.expectedRecords().values().stream().map(Record::syncCount);
        if (meta != null) {
            held = Stream.concat(held, Stream.of(meta.metadata().syncCount()));
        }
        return held.filter(count -> count.value() > Integer.MAX_VALUE).max(Comparator.naturalOrder())
                .map(count -> "the store holds the dataset at sync count " + count + ", above " + Integer.MAX_VALUE
                        + ", the largest GraphQL Int: every read of the identity's datasets through the API fails (a "
                        + "count an earlier version of the migrator copied from Cognito Sync as it was)");
    }

    /** The record written at the highest count above the limit, if any. */
    private static Optional<String> overRecord(ImportPlan plan) {
        return plan.transactions().stream().flatMap(t -> t.writes().stream()).map(PlannedTransaction.Write::record)
                .filter(record -> over(record.syncCount())).max(Comparator.comparing(Record::syncCount))
                .map(record -> "the sync count of record " + record.key() + ", " + record.syncCount() + ",");
    }

    private static Optional<String> overCognito(DatasetSource source) {
        SyncCount cognito = source.read().cognitoCount();
        return over(cognito) ? Optional.of("the dataset's sync count in Cognito Sync, " + cognito + ",")
                : Optional.empty();
    }

    /** A count of the metadata item the plan changes to one above the limit (revisions taking the count past it). */
    private static Optional<String> overMeta(ImportPlan plan, @Nullable StoredDataset meta) {
        StoredDataset after = plan.expectedMeta();
        if (after == null) {
            return Optional.empty();
        }
        List<Function<StoredDataset, @Nullable SyncCount>> counts = List.of(d -> d.metadata().syncCount(),
                StoredDataset::sourceWatermark, StoredDataset::copiedUpTo, StoredDataset::importedAt,
                StoredDataset::sourceDeletedAt);
        // A deletion raises the count by one, as the API's deleteDataset does: the largest Int is left to it.
        long limit = deletion(after, meta) ? SyncStoreLayout.MAX_SYNC_COUNT + 1 : SyncStoreLayout.MAX_SYNC_COUNT;
        return counts.stream().flatMap(count -> {
            SyncCount written = count.apply(after);
            boolean changed = meta == null || !Objects.equals(written, count.apply(meta));
            return written != null && changed && written.value() > limit ? Stream.of(written) : Stream.empty();
        }).max(Comparator.naturalOrder())
                .map(count -> "the count the import would give the dataset in the store, " + count + ",");
    }

    /** Whether {@code after} is the deletion of the live dataset {@code meta}, one above its count. */
    private static boolean deletion(StoredDataset after, @Nullable StoredDataset meta) {
        return after.deleted() && meta != null && !meta.deleted()
                && after.metadata().syncCount().equals(meta.metadata().syncCount().next());
    }

    private static boolean over(SyncCount count) {
        return count.value() > SyncStoreLayout.MAX_SYNC_COUNT;
    }
}
