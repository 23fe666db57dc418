package dev.syncshift.graphql.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RecordPatchInput}.
 *
 * @param op {@code replace} or {@code remove}
 * @param key the record key
 * @param value the value, null for a removal
 * @param syncCount the record's last server count the device saw, 0 for a new key
 */
record Patch(String op, String key, @Nullable String value, long syncCount) {

    static Patch put(String key, String value, long syncCount) {
        return new Patch("replace", key, value, syncCount);
    }

    static Patch remove(String key, long syncCount) {
        return new Patch("remove", key, null, syncCount);
    }

    Map<String, Object> toInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("op", op);
        input.put("key", key);
        input.put("value", value);
        input.put("syncCount", syncCount);
        return input;
    }
}
