package dev.syncshift.migrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the pace of an operation follows the service's throttles, on a clock the test moves. */
class PacingTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final Pacing pacing = new Pacing(now::get);

    @Test
    void anOperationNeverThrottledIsNotPaced() {
        sendOverOneSecond("ListRecords", 500);

        assertThat(pacing.rates()).isEmpty();
    }

    @Test
    void throttlesNowAndThenAsAwsAnswersAtAnyRateDoNotPace() {
        sendOverOneSecond("ListRecords", 100);
        throttle("ListRecords", 10);
        sendOverOneSecond("ListDatasets", 3);
        throttle("ListDatasets", 4);

        assertThat(pacing.rates()).isEmpty();
    }

    @Test
    void aCongestedOperationIsHeldToPartOfTheRateItWasSentAtAndOtherOperationsAreLeftAlone() {
        sendOverOneSecond("ListRecords", 100);
        sendOverOneSecond("ListDatasets", 100);
        throttle("ListRecords", 30);

        assertThat(pacing.rates()).containsOnlyKeys("ListRecords");
        assertThat(pacing.rates().get("ListRecords")).isCloseTo(Pacing.CUT * 100, within(2.0));
    }

    @Test
    void throttlesWithinASecondOfACutCountOnceAndLaterOnesCutAgain() {
        sendOverOneSecond("ListRecords", 100);
        throttle("ListRecords", 30);
        double first = pacing.rates().get("ListRecords");
        now.addAndGet(500 * MS);
        throttle("ListRecords", 10);

        assertThat(pacing.rates().get("ListRecords")).isEqualTo(first);

        now.addAndGet(600 * MS);
        throttle("ListRecords", 10);
        assertThat(pacing.rates().get("ListRecords")).isCloseTo(first * Pacing.CUT, within(0.5));
    }

    @Test
    void aSecondThatWasNotCongestedAndInWhichThePaceHeldAttemptsBackRaisesIt() {
        sendOverOneSecond("ListRecords", 4);
        throttle("ListRecords", 5);
        double cut = pacing.rates().get("ListRecords");

        sendOverOneSecond("ListRecords", 3);
        assertThat(pacing.rates().get("ListRecords")).as("the second of the throttles").isEqualTo(cut);
        sendOverOneSecond("ListRecords", 3);
        double raised = pacing.rates().get("ListRecords");
        assertThat(raised).isCloseTo(cut * 1.05 + 1, within(0.01));
        assertThat(pacing.settled()).as("the pace of the last throttle").containsEntry("ListRecords", cut);

        throttle("ListRecords", 5);
        assertThat(pacing.rates().get("ListRecords")).isLessThan(raised);
    }

    @Test
    void aPaceTheRunDoesNotReachIsNotRaised() {
        sendOverOneSecond("ListRecords", 10);
        throttle("ListRecords", 5);
        double cut = pacing.rates().get("ListRecords");

        for (int second = 0; second < 5; second++) {
            sendOverOneSecond("ListRecords", 1);
        }
        assertThat(pacing.rates().get("ListRecords")).isEqualTo(cut);
    }

    @Test
    void thePaceNeverFallsBelowTheFloor() {
        sendOverOneSecond("ListIdentities", 1);
        for (int i = 0; i < 20; i++) {
            now.addAndGet(1_100 * MS);
            throttle("ListIdentities", 5);
        }

        assertThat(pacing.rates().get("ListIdentities")).isEqualTo(Pacing.FLOOR);
    }

    /** Sends {@code attempts} attempts evenly over one second of the test's clock, then one more a second later. */
    private void sendOverOneSecond(String operation, int attempts) {
        long start = now.get();
        for (int i = 1; i <= attempts; i++) {
            pacing.acquire(operation);
            now.set(start + i * 1_000 * MS / attempts);
        }
        pacing.acquire(operation);
    }

    private void throttle(String operation, int times) {
        for (int i = 0; i < times; i++) {
            pacing.throttled(operation);
        }
    }
}
