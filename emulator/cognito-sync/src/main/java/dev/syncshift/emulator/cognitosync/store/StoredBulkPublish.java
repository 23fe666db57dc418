package dev.syncshift.emulator.cognitosync.store;

import dev.syncshift.core.IdentityPoolId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest bulk publish of a pool (GetBulkPublishDetails' shape).
 *
 * @param poolId the pool
 * @param status {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code FAILED} or {@code SUCCEEDED}
 * @param startTime when it was requested, null if never
 * @param completeTime when it succeeded, null unless SUCCEEDED
 * @param failureMessage why it failed, null unless FAILED
 * @param lastSuccessStart when the latest successful bulk publish was requested, for the 24-hour rule
 */
public record StoredBulkPublish(
        IdentityPoolId poolId,
        String status,
        @Nullable Instant startTime,
        @Nullable Instant completeTime,
        @Nullable String failureMessage,
        @Nullable Instant lastSuccessStart) {

    /** Status of a pool that never asked for a bulk publish. */
    public static final String NOT_STARTED = "NOT_STARTED";
    /** Status while publishing. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** Status after a failure. */
    public static final String FAILED = "FAILED";
    /** Status after success. */
    public static final String SUCCEEDED = "SUCCEEDED";

    /** The details of a pool that never asked for a bulk publish. */
    public static StoredBulkPublish notStarted(IdentityPoolId poolId) {
        return new StoredBulkPublish(poolId, NOT_STARTED, null, null, null, null);
    }

    /** A bulk publish requested at {@code now}. */
    public StoredBulkPublish started(Instant now) {
        return new StoredBulkPublish(poolId, IN_PROGRESS, now, null, null, lastSuccessStart);
    }

    /** This bulk publish completed at {@code now}. */
    public StoredBulkPublish succeeded(Instant now) {
        return new StoredBulkPublish(poolId, SUCCEEDED, startTime, now, null, startTime);
    }

    /** This bulk publish failed with {@code message}. */
    public StoredBulkPublish failed(String message) {
        return new StoredBulkPublish(poolId, FAILED, startTime, null, message, lastSuccessStart);
    }

    /** Whether it is still running. */
    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }
}
