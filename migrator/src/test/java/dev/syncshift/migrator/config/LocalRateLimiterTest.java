package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    /**
     * Ten billion a second, an operator's "no limit", once passed the check and then failed the application's start
     * (exit 3, "cannot start") in Bucket4j, whose buckets refill at most a token a nanosecond: it is a bad value.
     */
    @Test
    void aRateAboveATokenANanosecondIsRefusedAndTheHighestTakenAdmitsABurstAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimits.parse("ListRecords=10000000000"))
                .withMessage("ListRecords must be at most 1000000000 a second, not 10000000000");

        LocalRateLimiter limiter = new LocalRateLimiter(RateLimits.parse("ListRecords=1000000000"));
        limiter.acquire("ListRecords");
        assertThat(LocalRateLimiter.bucket(RateLimits.MAX_RPS).tryConsume(1_000_000)).isTrue();
    }

    @Test
    void aBucketAdmitsOneSecondsWorthAtOnceThenNoMore() {
        Bucket fourAndAHalf = LocalRateLimiter.bucket(4.5);
        assertThat(fourAndAHalf.tryConsume(5)).isTrue();
        assertThat(fourAndAHalf.tryConsume(1)).isFalse();

        Bucket slow = LocalRateLimiter.bucket(1e-9);
        assertThat(slow.tryConsume(1)).isTrue();
        assertThat(slow.tryConsume(1)).isFalse();
    }
}
