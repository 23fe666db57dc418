package dev.syncshift.core;

/**
 * A sync count: the dataset's revision number, and on each record the revision that last changed it. Zero means
 * "never synced" (a new dataset, or a key the caller has not seen).
 *
 * @param value a non-negative count
 */
public record SyncCount(long value) implements Comparable<SyncCount> {

    /** The count of a dataset or record that has never been written. */
    public static final SyncCount ZERO = new SyncCount(0);

    /** Checks that the count is not negative. */
    public SyncCount {
        Constraints.range("syncCount", value, 0, Long.MAX_VALUE);
    }

    /** The count one push later. */
    public SyncCount next() {
        return new SyncCount(value + 1);
    }

    /** Whether this count is strictly after {@code other}. */
    public boolean isAfter(SyncCount other) {
        return value > other.value;
    }

    @Override
    public int compareTo(SyncCount other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
