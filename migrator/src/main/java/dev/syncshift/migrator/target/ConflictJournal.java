package dev.syncshift.migrator.target;

import dev.syncshift.core.IdentityId;
import java.util.List;

/**
 * Hears the conflicts a pass is about to settle in the store, before it writes them. Once written, the store no
 * longer shows the two-sided change (the pass moved the watermark past it), so a conflict kept only with the outcome
 * would be lost with a process killed before the outcome is saved.
 */
@FunctionalInterface
public interface ConflictJournal {

    /** Keeps nothing: the conflicts are known from the outcome alone. */
    ConflictJournal NONE = (identity, conflicts) -> { };

    /** {@code conflicts} of one of {@code identity}'s datasets are about to be settled in the store. */
    void settling(IdentityId identity, List<Conflict> conflicts);
}
