package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredBulkPublish;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** GetBulkPublishDetails' result. */
public record GetBulkPublishDetailsResponse(
        String identityPoolId,
        @Nullable Instant bulkPublishStartTime,
        @Nullable Instant bulkPublishCompleteTime,
        String bulkPublishStatus,
        @Nullable String failureMessage) {

    /** The wire form of {@code details}. */
    public static GetBulkPublishDetailsResponse of(StoredBulkPublish details) {
        return new GetBulkPublishDetailsResponse(details.poolId().value(), details.startTime(),
                details.completeTime(), details.status(), details.failureMessage());
    }
}
