package dev.syncshift.migrator.report;

import java.util.concurrent.atomic.AtomicLong;

/** Live figures of the run in this process, for the progress display. Thread-safe. */
public final class Progress {

    private final AtomicLong listed = new AtomicLong();
    private final AtomicLong identities = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private volatile long expected = -1;
    private volatile boolean enumerated;

    /** Counts identities added to the manifest. */
    public void listed(long count) {
        listed.addAndGet(count);
    }

    /** Counts a committed chunk. */
    public void done(Tally chunk) {
        identities.addAndGet(chunk.identities());
        records.addAndGet(chunk.records());
    }

    /** Says how many identities there are, when known beforehand (an identities file). */
    public void expect(long total) {
        expected = total;
    }

    /** Says the enumeration is done. */
    public void enumerated() {
        enumerated = true;
    }

    /** Identities done in this process. */
    public long identities() {
        return identities.get();
    }

    /** Records read in this process. */
    public long records() {
        return records.get();
    }

    /** The best known total of identities: exact once enumerated, else the count so far (or the file's count). */
    public long estimatedTotal() {
        return Math.max(expected, listed.get());
    }

    /** Whether {@link #estimatedTotal} is exact. */
    public boolean totalKnown() {
        return enumerated || expected >= 0;
    }
}
