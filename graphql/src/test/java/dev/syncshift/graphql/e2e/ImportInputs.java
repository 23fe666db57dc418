package dev.syncshift.graphql.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ImportDatasetInput}s as the migrator sends them. */
final class ImportInputs {

    static final String CREATED = "2020-09-13T12:26:40.001Z";
    static final String MODIFIED = "2023-11-14T22:13:20.999Z";

    private ImportInputs() {
    }

    /** An import of {@code private} at a high count, which would overwrite A's record if it were let through. */
    static Map<String, Object> overwrite(String identityId) {
        return dataset(identityId, "private", 50, List.of(record("secret", "overwritten", 50)));
    }

    static Map<String, Object> dataset(String identityId, String name, long datasetSyncCount,
            List<Map<String, Object>> records) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("identityId", identityId);
        input.put("datasetName", name);
        input.put("datasetSyncCount", datasetSyncCount);
        input.put("creationDate", CREATED);
        input.put("lastModifiedDate", MODIFIED);
        input.put("lastModifiedBy", "cognito-device");
        input.put("records", records);
        return input;
    }

    static Map<String, Object> record(String key, String value, long syncCount) {
        return recordAt(key, value, syncCount, MODIFIED);
    }

    /** A record Cognito Sync stored at {@code lastModifiedDate}; a null value is a removal. */
    static Map<String, Object> recordAt(String key, String value, long syncCount, String lastModifiedDate) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("key", key);
        record.put("value", value);
        record.put("syncCount", syncCount);
        record.put("lastModifiedDate", lastModifiedDate);
        record.put("lastModifiedBy", "cognito-device");
        return record;
    }

    /** The user-level import of a device's own Cognito changes (W, C'] of {@code name} (no identity argument). */
    static Map<String, Object> changes(String name, long sourceWatermark, long datasetSyncCount, boolean last,
            List<Map<String, Object>> records) {
        Map<String, Object> input = dataset("unused", name, datasetSyncCount, records);
        input.remove("identityId");
        input.put("sourceWatermark", sourceWatermark);
        input.put("final", last);
        return input;
    }
}
