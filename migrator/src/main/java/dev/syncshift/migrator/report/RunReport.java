package dev.syncshift.migrator.report;

import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.RunMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a run did, as the JSON report and the console summary show it.
 *
 * @param identityPoolId the pool
 * @param mode the mode (full, delta, verify; "-dry-run" for a dry run)
 * @param runId the run's number
 * @param status the job's final status (COMPLETED, FAILED, STOPPED)
 * @param outcome the exit code's meaning
 * @param exitCode the exit code
 * @param started when this execution started
 * @param duration how long this execution took
 * @param thisStart what this execution did: the run's counts less those its earlier executions left
 * @param tally the run's counts, over every execution of the run
 * @param calls this execution's AWS calls by operation
 * @param issues the first issues by name (at most {@link #MAX_LISTED}), for the summary; the JSON report written to
 *     a file lists every one, read from the job repository as it is written
 * @param issueCount all issues, listed or not
 * @param failure why the run did not complete, or null
 * @param metrics this execution's Micrometer meters ({@code spring.batch.*}, {@code syncshift.*}): measurement by
 *     statistic, by meter name and tags
 */
public record RunReport(String identityPoolId, String mode, long runId, String status, String outcome, int exitCode,
        Instant started, Duration duration, Tally thisStart, Tally tally,
        Map<String, CallStats.OperationCalls> calls, List<Issue> issues, long issueCount, @Nullable String failure,
        Map<String, Map<String, Double>> metrics) {

    /** Issues this record holds at most; the count covers them all. */
    public static final int MAX_LISTED = 10_000;
    /** Ends the mode of a dry run: {@code full-dry-run}, {@code delta-dry-run}. */
    public static final String DRY_RUN = "-dry-run";

    /** This report with the exit code and outcome the run ended with. */
    public RunReport withOutcome(int code, String meaning) {
        return new RunReport(identityPoolId, mode, runId, status, meaning, code, started, duration, thisStart,
                tally, calls, issues, issueCount, failure, metrics);
    }

    /** Copies the collections. */
    public RunReport {
        calls = Map.copyOf(calls);
        issues = List.copyOf(issues);
        metrics = Map.copyOf(metrics);
    }

    /** Whether the run wrote to the table; a verify run or a dry run counts what a pass would write. */
    public boolean wrote() {
        return !mode.equals(RunMode.VERIFY.option()) && !mode.endsWith(DRY_RUN);
    }

    /** Identities done per second of this execution (a continued run's earlier work is not counted). */
    public double identitiesPerSecond() {
        return perSecond(thisStart.identities());
    }

    /** Records read per second of this execution. */
    public double recordsPerSecond() {
        return perSecond(thisStart.records());
    }

    /** Throttled attempts over all operations. */
    public long throttled() {
        return calls.values().stream().mapToLong(CallStats.OperationCalls::throttled).sum();
    }

    /** Retries over all operations. */
    public long retries() {
        return calls.values().stream().mapToLong(CallStats.OperationCalls::retries).sum();
    }

    /** The pace each operation that congested the service got at its last cut, in requests a second, by name. */
    public Map<String, Double> paced() {
        Map<String, Double> paced = new TreeMap<>();
        calls.forEach((operation, c) -> {
            if (c.pacedRps() != null) {
                paced.put(operation, c.pacedRps());
            }
        });
        return paced;
    }

    private double perSecond(long count) {
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
        return count / seconds;
    }
}
