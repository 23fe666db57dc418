package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.job.RunReports;

/** One-line messages for people, from exceptions (never a stack trace). */
final class Messages {

    private Messages() {
    }

    /**
     * The message of the root cause of {@code failure}, first line only ({@link RunReports#rootMessage}), with H2's
     * refusal of a second process said in the command line's terms.
     */
    static String rootMessage(Throwable failure) {
        String message = RunReports.rootMessage(failure);
        if (message.contains("Database may be already in use")) {
            return "the job repository is in use by another run (one run per --work-dir at a time)";
        }
        return message;
    }
}
