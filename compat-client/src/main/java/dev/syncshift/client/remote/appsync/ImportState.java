package dev.syncshift.client.remote.appsync;

import dev.syncshift.core.Record;
import org.jspecify.annotations.Nullable;

/**
 * What the store says of a dataset a cutover import starts from ({@code describeDataset}).
 *
 * @param syncCount the dataset's count T
 * @param sourceWatermark the source watermark W, the Cognito count all of whose changes the store holds (0 when never
 *     imported)
 * @param copiedUpTo the highest Cognito count an unfinished copy-mode import stored above T, 0 when none is unfinished
 *     or a push counted past it
 * @param firstCopyMark the highest Cognito count an unfinished first copy (watermark 0) stored, which pushes keep;
 *     0 when none is unfinished (or the item predates it: {@link #firstCopyUpTo} then reads {@code copiedUpTo})
 * @param importedAt the dataset's count right after the import that last moved the watermark; null when none set it
 * @param renumbered whether the dataset's counts are the store's own (a push or a revision since it was imported)
 * @param generation the count the dataset's current generation began at
 * @param writeBack a migrator's write-back mark, null when there is none
 */
public record ImportState(long syncCount, long sourceWatermark, long copiedUpTo, long firstCopyMark,
        @Nullable Long importedAt, boolean renumbered, long generation, @Nullable WriteBackMark writeBack) {

    /** A dataset the store does not have (never written, or deleted). */
    static final ImportState ABSENT = new ImportState(0, 0, 0, 0, null, false, 0, null);

    /**
     * A migrator's write-back mark.
     *
     * @param from F: a Cognito record above it, by another writer than the identity, may be the write-back's copy
     * @param over N: such a record is not applied over a stored record above it
     */
    public record WriteBackMark(long from, long over) {
    }

    /**
     * Whether the store holds only part of a first copy (a copy-mode import at watermark 0 cut off between its parts):
     * not a dataset the store has, but records of the Cognito dataset as one read of it found them, some of them, and
     * whatever devices that make no import pushed to it since.
     */
    public boolean unfinishedFirstCopy() {
        return firstCopyUpTo() > 0;
    }

    /**
     * The highest Cognito count an unfinished first copy stored (every record it stored has a count up to it, every
     * record pushed since one above it); 0 when no first copy is unfinished. A push takes {@code copiedUpTo} off but
     * keeps the mark; an item written before the mark existed has {@code copiedUpTo} alone, at watermark 0 a first
     * copy's.
     */
    public long firstCopyUpTo() {
        return sourceWatermark == 0 ? Math.max(firstCopyMark, copiedUpTo) : 0;
    }

    /**
     * Whether {@code importDataset} from watermark W applies a Cognito record over the store's version of its key
     * (graphql/resolvers/writePush.js, cutoverPlan), else keeps the store's: not a record the write-back mark covers;
     * in copy mode (T = W, never renumbered) when the store's count is not higher; in revision mode when the key was
     * not changed on AppSync since the last import (its count not above importedAt, else W), or the record is
     * strictly later (dates in milliseconds, as the store keeps them: ties go to the store). A removal stored is a
     * version like any other: the store keeps a later removal over an older edit.
     *
     * @param identity the caller's identity: a record it wrote is never taken for the write-back's
     */
    boolean applies(Record record, @Nullable Record stored, long watermark, String identity) {
        if (writtenBackOver(record, stored, identity)) {
            return false;
        }
        if (stored == null) {
            return true;
        }
        if (syncCount == watermark && !renumbered) {
            return stored.syncCount().value() <= record.syncCount().value();
        }
        long since = importedAt == null ? watermark : importedAt;
        return stored.syncCount().value() <= since
                || record.lastModifiedDate().toEpochMilli() > stored.lastModifiedDate().toEpochMilli();
    }

    private boolean writtenBackOver(Record record, @Nullable Record stored, String identity) {
        long storedSince = stored == null ? generation : stored.syncCount().value();
        return writeBack != null && record.syncCount().value() > writeBack.from()
                && !identity.equals(record.lastModifiedBy()) && storedSince > writeBack.over();
    }
}
