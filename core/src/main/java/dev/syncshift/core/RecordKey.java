package dev.syncshift.core;

import java.nio.charset.StandardCharsets;

/**
 * A record key: 1..1024 characters, any Unicode. Its UTF-8 form may be up to 4,096 bytes.
 *
 * @param value the key as sent on the wire
 * @throws InvalidParameterException when the value breaks the model's constraints
 */
public record RecordKey(String value) {

    /** Validates the key. */
    public RecordKey {
        Constraints.length("key", value, 1, SyncLimits.MAX_KEY_CHARACTERS);
    }

    /** The key's size in UTF-8 bytes, as counted toward the dataset size limit. */
    public long utf8Bytes() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return value;
    }
}
