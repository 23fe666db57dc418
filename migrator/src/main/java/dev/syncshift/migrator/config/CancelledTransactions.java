package dev.syncshift.migrator.config;

import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB transactions cancelled for a passing reason: the table's throughput ({@code ThrottlingError},
 * {@code ProvisionedThroughputExceeded}) or another transaction on one of its items ({@code TransactionConflict},
 * as when a device writes the dataset during a delta pass). Such a transaction wrote nothing and may be sent again;
 * the SDK does not retry it by itself (a {@link TransactionCanceledException} is a 400). One with a failed condition
 * is never retried here: the importer reads the store again instead.
 */
final class CancelledTransactions {

    /** Cancellation reasons that are the table's throughput. */
    static final Set<String> THROTTLED = Set.of("ThrottlingError", "ProvisionedThroughputExceeded");
    private static final Set<String> PASSING = Set.of("ThrottlingError", "ProvisionedThroughputExceeded",
            "TransactionConflict");

    private CancelledTransactions() {
    }

    /** Whether {@code error} is a transaction cancelled only for passing reasons. */
    static boolean retryable(Throwable error) {
        if (!(error instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
            return false;
        }
        boolean passing = false;
        for (CancellationReason reason : cancelled.cancellationReasons()) {
            String code = reason.code();
            if (code != null && PASSING.contains(code)) {
                passing = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return passing;
    }

    /** Whether {@code error} is a transaction the table's throughput cancelled: the retry backs off as throttled. */
    static boolean throttled(Throwable error) {
        return retryable(error) && ((TransactionCanceledException) error).cancellationReasons().stream()
                .anyMatch(reason -> reason.code() != null && THROTTLED.contains(reason.code()));
    }
}
