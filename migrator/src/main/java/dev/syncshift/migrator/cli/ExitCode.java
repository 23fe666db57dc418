package dev.syncshift.migrator.cli;

/** The migrator's exit codes: 0 only when the run completed and verification matched. */
public enum ExitCode {
    /** The run completed and everything matched. */
    OK(0, "completed, verified"),
    /** An unexpected error (a bug): the message is on stderr. */
    INTERNAL(1, "internal error"),
    /** Bad arguments; nothing was written. */
    USAGE(2, "usage error"),
    /** The source, the target or the job repository is unreachable or misconfigured; nothing was written. */
    UNAVAILABLE(3, "source or target unreachable or misconfigured"),
    /** The run did not complete; the same command continues it. */
    INCOMPLETE(4, "incomplete: run the same command again to continue"),
    /** The run completed, but some items could not be migrated or verification found differences. */
    MISMATCH(5, "completed with failures or mismatches");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** What it means, in words. */
    public String meaning() {
        return meaning;
    }
}
