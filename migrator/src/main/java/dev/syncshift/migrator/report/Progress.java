package dev.syncshift.migrator.report;

import org.jspecify.annotations.Nullable;

/**
 * A run's progress for the display: the whole run's figures as the job repository holds them (every process's
 * partitions and earlier starts of the run included), as they were when this process started the run and as they
 * are now. Thread-safe.
 */
public final class Progress {

    /**
     * A run's figures at one moment.
     *
     * @param listed identities enumerated so far
     * @param enumerated whether the enumeration is done, so that {@code listed} is the run's total
     * @param identities identities done (committed)
     * @param records records read from Cognito Sync for them
     */
    public record Figures(long listed, boolean enumerated, long identities, long records) {

        /** A run nothing is known of yet. */
        public static final Figures NONE = new Figures(0, false, 0, 0);
    }

    private volatile @Nullable Figures atStart;
    private volatile Figures now = Figures.NONE;

    /** Says what the run had done when this process started it (nothing for a new run). */
    public void started(Figures figures) {
        atStart = figures;
        now = figures;
    }

    /** Whether the run has started in this process, so that {@link #atStart} is known. */
    public boolean started() {
        return atStart != null;
    }

    /** Says what the run has done now. */
    public void update(Figures figures) {
        now = figures;
    }

    /** The run's figures when this process started it ({@link Figures#NONE} before it started). */
    public Figures atStart() {
        Figures start = atStart;
        return start == null ? Figures.NONE : start;
    }

    /** The run's latest figures. */
    public Figures now() {
        return now;
    }
}
