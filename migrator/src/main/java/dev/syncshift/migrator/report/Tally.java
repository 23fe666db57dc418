package dev.syncshift.migrator.report;

import dev.syncshift.migrator.target.DatasetOutcome;
import dev.syncshift.migrator.target.IdentityOutcome;
import dev.syncshift.migrator.target.ImportPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The counts of a run or of one partition. Immutable; {@link #plus} adds.
 *
 * @param identities identities looked at
 * @param identitiesPassedOver identities that left the pool meanwhile, or that Cognito refuses to read (disabled)
 * @param datasets datasets looked at: those copied, revised, current and deleted, and the failures
 * @param datasetsCopied datasets copied with Cognito's counts (one deleted and re-created in Cognito Sync included:
 *     its new incarnation is copied)
 * @param datasetsRevised datasets that received AppSync revisions
 * @param datasetsCurrent datasets the store already held
 * @param datasetsDeleted datasets Cognito Sync no longer has whose deletion the pass applied to the store
 * @param recordsWritten records written
 * @param recordsCurrent records the store already held
 * @param recordsKept records read whose Cognito change a conflict settled for AppSync's side: AppSync's value kept
 *     (a record the pass wrote before a device changed it over counts as written)
 * @param bytesWritten UTF-8 bytes of keys and values written
 * @param transactions TransactWriteItems calls
 * @param conflicts changes made on both sides, settled by the policy
 * @param mismatches differences found by verification
 * @param failures datasets that could not be migrated
 * @param datasetsOnAppSync datasets switched devices have changed on AppSync since they were last imported (a count
 *     past the one that import left)
 * @param datasetsWrittenBack datasets a write-back pass wrote into Cognito Sync (deletions included)
 * @param recordsWrittenBack records a write-back pass wrote into Cognito Sync (removals included)
 */
public record Tally(long identities, long identitiesPassedOver, long datasets, long datasetsCopied,
        long datasetsRevised, long datasetsCurrent, long datasetsDeleted, long recordsWritten, long recordsCurrent,
        long recordsKept, long bytesWritten, long transactions, long conflicts, long mismatches, long failures,
        long datasetsOnAppSync, long datasetsWrittenBack, long recordsWrittenBack) {

    /** Nothing counted. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static final String PREFIX = "tally.";

    /** The counts of one identity's outcome. */
    public static Tally of(IdentityOutcome outcome) {
        Tally tally = new Tally(1, outcome.note() == null ? 0 : 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (DatasetOutcome d : outcome.datasets()) {
            // Only the watermark moving (a conflict settled for AppSync's side) leaves the dataset's data current.
            // A deletion applied is counted as such, whether it was written as a copy or as a revision.
            long deleted = d.deletion() ? 1 : 0;
            tally = tally.plus(new Tally(0, 0, 1, is(d, ImportPlan.Kind.COPY) * (1 - deleted),
                    is(d, ImportPlan.Kind.REVISIONS) * (1 - deleted),
                    is(d, ImportPlan.Kind.CURRENT) + is(d, ImportPlan.Kind.WATERMARK), deleted, d.recordsWritten(),
                    d.recordsCurrent(), d.recordsKept(), d.bytesWritten(), d.transactions(), d.conflicts().size(),
                    d.mismatches().size(), d.failure() == null ? 0 : 1, d.writtenOnAppSync() ? 1 : 0,
                    d.writtenBack() == null ? 0 : 1, d.writtenBack() == null ? 0 : d.writtenBack().records()));
        }
        return tally;
    }

    /** Records read from Cognito: written, already current, and kept AppSync's change. */
    public long records() {
        return recordsWritten + recordsCurrent + recordsKept;
    }

    /** These counts with {@code count} conflicts. */
    public Tally withConflicts(long count) {
        return new Tally(identities, identitiesPassedOver, datasets, datasetsCopied, datasetsRevised, datasetsCurrent,
                datasetsDeleted, recordsWritten, recordsCurrent, recordsKept, bytesWritten, transactions, count,
                mismatches, failures, datasetsOnAppSync, datasetsWrittenBack, recordsWrittenBack);
    }

    /** These counts less {@code other}'s. */
    public Tally minus(Tally other) {
        return new Tally(identities - other.identities, identitiesPassedOver - other.identitiesPassedOver,
                datasets - other.datasets, datasetsCopied - other.datasetsCopied,
                datasetsRevised - other.datasetsRevised, datasetsCurrent - other.datasetsCurrent,
                datasetsDeleted - other.datasetsDeleted,
                recordsWritten - other.recordsWritten, recordsCurrent - other.recordsCurrent,
                recordsKept - other.recordsKept,
                bytesWritten - other.bytesWritten, transactions - other.transactions, conflicts - other.conflicts,
                mismatches - other.mismatches, failures - other.failures, datasetsOnAppSync - other.datasetsOnAppSync,
                datasetsWrittenBack - other.datasetsWrittenBack, recordsWrittenBack - other.recordsWrittenBack);
    }

    /** The sum of both. */
    public Tally plus(Tally other) {
        return new Tally(identities + other.identities, identitiesPassedOver + other.identitiesPassedOver,
                datasets + other.datasets, datasetsCopied + other.datasetsCopied,
                datasetsRevised + other.datasetsRevised, datasetsCurrent + other.datasetsCurrent,
                datasetsDeleted + other.datasetsDeleted,
                recordsWritten + other.recordsWritten, recordsCurrent + other.recordsCurrent,
                recordsKept + other.recordsKept,
                bytesWritten + other.bytesWritten, transactions + other.transactions, conflicts + other.conflicts,
                mismatches + other.mismatches, failures + other.failures, datasetsOnAppSync + other.datasetsOnAppSync,
                datasetsWrittenBack + other.datasetsWrittenBack, recordsWrittenBack + other.recordsWrittenBack);
    }

    /** The counts as named values, in declaration order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        FIELDS.forEach((name, getter) -> map.put(name, getter.applyAsLong(this)));
        return map;
    }

    /** Writes the counts into {@code context}. */
    public void saveTo(ExecutionContext context) {
        asMap().forEach((name, value) -> context.putLong(PREFIX + name, value));
    }

    /** The counts saved in {@code context}; one not saved (none, or a count added since) is zero. */
    public static Tally from(ExecutionContext context) {
        long[] v = FIELDS.keySet().stream().mapToLong(name -> context.getLong(PREFIX + name, 0)).toArray();
        return new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                v[14], v[15], v[16], v[17]);
    }

    private static long is(DatasetOutcome outcome, ImportPlan.Kind kind) {
        return outcome.kind() == kind ? 1 : 0;
    }

    private static final Map<String, ToLongFunction<Tally>> FIELDS = fields();

    private static Map<String, ToLongFunction<Tally>> fields() {
        Map<String, ToLongFunction<Tally>> fields = new LinkedHashMap<>();
        fields.put("identities", Tally::identities);
        fields.put("identitiesPassedOver", Tally::identitiesPassedOver);
        fields.put("datasets", Tally::datasets);
        fields.put("datasetsCopied", Tally::datasetsCopied);
        fields.put("datasetsRevised", Tally::datasetsRevised);
        fields.put("datasetsCurrent", Tally::datasetsCurrent);
        fields.put("datasetsDeleted", Tally::datasetsDeleted);
        fields.put("recordsWritten", Tally::recordsWritten);
        fields.put("recordsCurrent", Tally::recordsCurrent);
        fields.put("recordsKept", Tally::recordsKept);
        fields.put("bytesWritten", Tally::bytesWritten);
        fields.put("transactions", Tally::transactions);
        fields.put("conflicts", Tally::conflicts);
        fields.put("mismatches", Tally::mismatches);
        fields.put("failures", Tally::failures);
        fields.put("datasetsOnAppSync", Tally::datasetsOnAppSync);
        fields.put("datasetsWrittenBack", Tally::datasetsWrittenBack);
        fields.put("recordsWrittenBack", Tally::recordsWrittenBack);
        return fields;
    }
}
