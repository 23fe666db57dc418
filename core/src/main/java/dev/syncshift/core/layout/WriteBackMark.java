package dev.syncshift.core.layout;

import dev.syncshift.core.IdentityId;
import dev.syncshift.core.SyncCount;

/**
 * A write-back into Cognito Sync that may have landed there and that the store's watermark does not yet cover: set on
 * the dataset's metadata item just before the write-back's UpdateRecords, removed once the watermark moves past that
 * write (or when Cognito refused it outright). Cognito stamps that write's records with a count above
 * {@code cognitoCount}, the time of the write and the developer account as their author, so an import in between
 * would take them, dated later, for changes made in Cognito Sync, even where a device pushed a newer value on AppSync
 * after the write-back read the store. While the mark stands, such a record is not taken over a store record written
 * above {@code storeCount}.
 *
 * @param cognitoCount Cognito's count of the dataset that the write-back's UpdateRecords was based on
 * @param storeCount the dataset's count in the store when the write-back read it: a record above it was pushed on
 *     AppSync since, and the write-back's copy of its key, if any, is older
 */
public record WriteBackMark(SyncCount cognitoCount, SyncCount storeCount) {

    /**
     * This mark and {@code next} together: a write-back that marks a dataset again before the watermark moved past
     * its earlier write (a merged copy's, which no watermark hides) must still cover that write, so the lower counts
     * stay.
     */
    public WriteBackMark and(WriteBackMark next) {
        return new WriteBackMark(lower(cognitoCount, next.cognitoCount), lower(storeCount, next.storeCount));
    }

    private static SyncCount lower(SyncCount a, SyncCount b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * Whether a Cognito version of a key of {@code owner}'s dataset, at count {@code cognitoVersion} and written by
     * {@code author}, may be the write-back's own copy of a value a device changed on AppSync since: it stands above
     * the count the write-back was based on, it was not written by the identity's own apps (who write as the identity;
     * the write-back writes with developer credentials, as the account), and the store's version, at
     * {@code storeVersion}, was written after the write-back read the store. A change an app made in Cognito is never
     * taken for it.
     *
     * @param storeVersion the count of the store's version of the key; where the store has none, the count at which
     *     its dataset's current generation began (a deletion on AppSync since the read removed the key)
     */
    public boolean mayHaveOverwritten(SyncCount cognitoVersion, String author, IdentityId owner,
            SyncCount storeVersion) {
        return cognitoVersion.isAfter(cognitoCount) && !author.equals(owner.value())
                && storeVersion.isAfter(storeCount);
    }
}
