package dev.syncshift.core;

import java.util.List;

/**
 * The outcome of applying one UpdateRecords call to a dataset: the new snapshot and the records it changed.
 *
 * @param snapshot the dataset after the push
 * @param changed the records the push wrote, in patch order, each stamped with the new sync count
 */
public record Push(DatasetSnapshot snapshot, List<Record> changed) {

    /** Copies the list. */
    public Push {
        changed = List.copyOf(changed);
    }

    /** Whether the push wrote anything (an empty patch list writes nothing and keeps the count). */
    public boolean wroteRecords() {
        return !changed.isEmpty();
    }
}
