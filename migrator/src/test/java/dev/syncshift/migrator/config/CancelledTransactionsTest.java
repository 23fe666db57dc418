package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which cancelled transactions the DynamoDB client sends again, and which it backs off from as throttled. */
class CancelledTransactionsTest {

    @Test
    void throughputAndConflictingTransactionsAreRetriedAFailedConditionNever() {
        assertThat(CancelledTransactions.retryable(cancelled("ThrottlingError", "None"))).isTrue();
        assertThat(CancelledTransactions.retryable(cancelled("None", "TransactionConflict"))).isTrue();
        assertThat(CancelledTransactions.retryable(cancelled("ProvisionedThroughputExceeded"))).isTrue();
        assertThat(CancelledTransactions.retryable(cancelled("ConditionalCheckFailed", "TransactionConflict")))
                .isFalse();
        assertThat(CancelledTransactions.retryable(cancelled("ValidationError", "None"))).isFalse();
        assertThat(CancelledTransactions.retryable(cancelled("None", "None"))).isFalse();
        assertThat(CancelledTransactions.retryable(TransactionCanceledException.builder().message("m").build()))
                .isFalse();
        assertThat(CancelledTransactions.retryable(ConditionalCheckFailedException.builder().message("m").build()))
                .isFalse();
    }

    @Test
    void onlyThroughputCancellationsCountAsThrottling() {
        assertThat(CancelledTransactions.throttled(cancelled("ThrottlingError", "None"))).isTrue();
        assertThat(CancelledTransactions.throttled(cancelled("None", "ProvisionedThroughputExceeded"))).isTrue();
        assertThat(CancelledTransactions.throttled(cancelled("TransactionConflict", "None"))).isFalse();
        assertThat(CancelledTransactions.throttled(cancelled("ThrottlingError", "ConditionalCheckFailed")))
                .isFalse();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build())
                        .toList()).build();
    }
}
