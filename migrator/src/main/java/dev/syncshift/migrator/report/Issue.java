package dev.syncshift.migrator.report;

import org.jspecify.annotations.Nullable;

/**
 * Something the report must list by name: a dataset or record that could not be migrated, a conflict and how it was
 * settled, or a difference verification found.
 *
 * @param kind what it is
 * @param identityId the identity
 * @param dataset the dataset, or null
 * @param key the record key, or null
 * @param detail what happened, in words (never a record value)
 */
public record Issue(Kind kind, String identityId, @Nullable String dataset, @Nullable String key, String detail) {

    /** The kinds of issue. */
    public enum Kind {
        /** Could not be migrated: the exit code is not zero. */
        FAILURE,
        /** Changed on both sides since the last pass; settled by the policy. */
        CONFLICT,
        /** The store differs from the source. */
        MISMATCH,
        /** Passed over for a reason that is not an error (the identity left the pool, or is disabled). */
        NOTE
    }
}
