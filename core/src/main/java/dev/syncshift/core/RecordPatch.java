package dev.syncshift.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change a device pushes with UpdateRecords.
 *
 * @param op replace or remove
 * @param key the record key
 * @param value the new value for {@code replace} (required there, may be empty); ignored for {@code remove}
 * @param syncCount the last server sync count the device saw for this key, zero if it never saw the key
 * @param deviceLastModifiedDate when the device made the change, if known
 * @throws InvalidParameterException when a replace has no value or the value is over 1,048,575 characters
 */
public record RecordPatch(
        Operation op,
        RecordKey key,
        @Nullable String value,
        SyncCount syncCount,
        @Nullable Instant deviceLastModifiedDate) {

    /** Validates the patch; a remove's value is dropped. */
    public RecordPatch {
        if (op == Operation.REPLACE) {
            Constraints.length("value", Constraints.required("value", value), 0, SyncLimits.MAX_VALUE_CHARACTERS);
        } else {
            value = null;
        }
    }

    /** A replace patch. */
    public static RecordPatch replace(RecordKey key, String value, SyncCount syncCount) {
        return new RecordPatch(Operation.REPLACE, key, value, syncCount, null);
    }

    /** A remove patch. */
    public static RecordPatch remove(RecordKey key, SyncCount syncCount) {
        return new RecordPatch(Operation.REMOVE, key, null, syncCount, null);
    }
}
