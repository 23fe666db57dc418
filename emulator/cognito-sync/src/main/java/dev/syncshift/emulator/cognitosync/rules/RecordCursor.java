package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import org.jspecify.annotations.Nullable;

/**
 * Where a ListRecords page ends: the (sync count, key) of its last record, the listing's sort order.
 *
 * @param syncCount the last record's count, or -1 before the first page
 * @param key the last record's key
 */
record RecordCursor(long syncCount, String key) {

    private static final RecordCursor START = new RecordCursor(-1, "");

    static RecordCursor of(Record record) {
        return new RecordCursor(record.syncCount().value(), record.key().value());
    }

    /** The listing a ListRecords token belongs to: the dataset and the count its changes follow. */
    static String listing(IdentityPoolId poolId, DatasetKey key, long lastSyncCount) {
        return PageTokens.listing("ListRecords", poolId.value(), key.identityId().value(),
                key.datasetName().value(), lastSyncCount);
    }

    static RecordCursor decode(String listing, @Nullable String nextToken) {
        String cursor = PageTokens.decode(listing, nextToken);
        if (cursor == null) {
            return START;
        }
        int colon = cursor.indexOf(':');
        try {
            return new RecordCursor(Long.parseLong(cursor.substring(0, colon)), cursor.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw PageTokens.invalid(nextToken);
        }
    }

    String encode(String listing) {
        return PageTokens.encode(listing, syncCount + ":" + key);
    }

    boolean precedes(Record record) {
        long count = record.syncCount().value();
        return count > syncCount || count == syncCount && record.key().value().compareTo(key) > 0;
    }
}
