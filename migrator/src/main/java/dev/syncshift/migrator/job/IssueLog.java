package dev.syncshift.migrator.job;

import dev.syncshift.migrator.report.Issue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each dataset that could not be migrated and each that differs, as its chunk commits. When this process writes
 * the run's report file, the first {@value #AT_WARN} of each kind are logged at WARN, then one line saying the rest
 * are in the report, and the rest at DEBUG ({@code LOGGING_LEVEL_DEV_SYNCSHIFT_MIGRATOR_JOB=DEBUG}): a {@code verify}
 * of a pool not copied yet would otherwise log a line per dataset. Without a report file (a worker, or a manager on
 * a shared repository without {@code --report}) the log is the only list, and every one is logged at WARN.
 * Thread-safe: the partitions of one process share it.
 */
final class IssueLog {

    /** The issues of each kind logged at WARN when a report file lists them all. */
    static final int AT_WARN = 10;

    private static final Logger LOG = LoggerFactory.getLogger(IssueLog.class);

    private final boolean reportFile;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger mismatches = new AtomicInteger();

    /** A log; {@code reportFile} when this process writes the run's report to a file. */
    IssueLog(boolean reportFile) {
        this.reportFile = reportFile;
    }

    /** Logs {@code issue}, a {@link Issue.Kind#FAILURE} or a {@link Issue.Kind#MISMATCH}. */
    void log(Issue issue) {
        boolean failure = issue.kind() == Issue.Kind.FAILURE;
        String line = (failure ? "Not migrated: " : "Mismatch: ") + issue.identityId()
                + (issue.dataset() == null ? "" : "/" + issue.dataset()) + ": " + issue.detail();
        int number = reportFile ? (failure ? failures : mismatches).incrementAndGet() : 0;
        if (number <= AT_WARN) {
            LOG.warn("{}", line);
            return;
        }
        if (number == AT_WARN + 1) {
            LOG.warn("More than {} datasets {}: the others are in the run's report, not here "
                    + "(LOGGING_LEVEL_DEV_SYNCSHIFT_MIGRATOR_JOB=DEBUG logs each)", AT_WARN,
                    failure ? "were not migrated" : "differ");
        }
        LOG.debug("{}", line);
    }
}
