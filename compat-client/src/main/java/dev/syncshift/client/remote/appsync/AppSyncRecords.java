package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataStorageException;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.UnicodeText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The API's JSON shapes as core values, and patches as {@code RecordPatchInput}s. AWSDateTime has milliseconds. */
final class AppSyncRecords {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AppSyncRecords() {
    }

    static Record record(JsonNode node) {
        JsonNode value = node.path("value");
        return new Record(new RecordKey(node.path("key").asText()),
                node.path("deleted").asBoolean() || value.isNull() || value.isMissingNode() ? null : value.asText(),
                new SyncCount(node.path("syncCount").asLong()), instant(node.path("lastModifiedDate")),
                node.path("lastModifiedBy").asText(), optionalInstant(node.path("deviceLastModifiedDate")));
    }

    static List<Record> records(JsonNode array) {
        List<Record> records = new ArrayList<>();
        array.forEach(node -> records.add(record(node)));
        return records;
    }

    static DatasetMetadata dataset(IdentityId identityId, JsonNode node) {
        return new DatasetMetadata(new DatasetKey(identityId, new DatasetName(node.path("datasetName").asText())),
                instant(node.path("creationDate")), instant(node.path("lastModifiedDate")),
                node.path("lastModifiedBy").asText(), node.path("dataStorage").asLong(),
                node.path("numRecords").asLong(), new SyncCount(node.path("syncCount").asLong()));
    }

    /** A {@code Dataset} (describeDataset) as what a cutover import starts from; absent numbers as 0, null or false. */
    static ImportState importState(JsonNode node) {
        JsonNode from = node.path("writeBackFrom");
        JsonNode over = node.path("writeBackOver");
        JsonNode importedAt = node.path("importedAt");
        ImportState.WriteBackMark mark = from.isNumber() && over.isNumber()
                ? new ImportState.WriteBackMark(from.asLong(), over.asLong()) : null;
        return new ImportState(node.path("syncCount").asLong(), node.path("sourceWatermark").asLong(0),
                node.path("copiedUpTo").asLong(0), node.path("firstCopyUpTo").asLong(0),
                importedAt.isNumber() ? importedAt.asLong() : null,
                node.path("renumbered").asBoolean(false), node.path("generation").asLong(0), mark);
    }

    /**
     * A patch as a {@code RecordPatchInput}.
     *
     * @throws DataStorageException naming the record when its key or value is not valid Unicode (one written before
     *     the client checked, or pulled from Cognito Sync): the request would carry {@code ?} in its place
     */
    static Map<String, Object> input(RecordPatch patch) {
        checkUnicode(patch.key(), patch.value(), "sent", "put a valid value, then synchronize again");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("op", patch.op().wireName());
        input.put("key", patch.key().value());
        input.put("value", patch.value());
        input.put("syncCount", patch.syncCount().value());
        input.put("deviceLastModifiedDate", patch.deviceLastModifiedDate() == null ? null
                : DATE_TIME.format(patch.deviceLastModifiedDate()));
        return input;
    }

    /**
     * A Cognito record as an {@code ImportRecordInput}: count, dates and writer kept, a null value removed.
     *
     * @throws DataStorageException naming the record when its key or value is not valid Unicode
     */
    static Map<String, Object> importInput(Record record) {
        checkUnicode(record.key(), record.value(), "imported", "correct the record on Cognito Sync");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("key", record.key().value());
        input.put("value", record.value());
        input.put("syncCount", record.syncCount().value());
        input.put("lastModifiedDate", DATE_TIME.format(record.lastModifiedDate()));
        input.put("lastModifiedBy", record.lastModifiedBy());
        input.put("deviceLastModifiedDate", record.deviceLastModifiedDate() == null ? null
                : DATE_TIME.format(record.deviceLastModifiedDate()));
        return input;
    }

    /** UTF-8, and so AppSync, cannot carry an unpaired surrogate: Java's encoder would send {@code ?} instead. */
    private static void checkUnicode(RecordKey key, @Nullable String value, String done, String remedy) {
        UnicodeText.inRecord(key.value(), value).ifPresent(problem -> {
            throw new DataStorageException("AppSync cannot carry this text, so nothing was " + done + ": " + problem
                    + "; " + remedy);
        });
    }

    static String format(Instant instant) {
        return DATE_TIME.format(instant);
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    private static @Nullable Instant optionalInstant(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }
}
