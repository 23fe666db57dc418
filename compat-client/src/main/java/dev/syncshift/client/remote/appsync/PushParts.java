package dev.syncshift.client.remote.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.client.DataLimitExceededException;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Splitting a push into parts that fit one DynamoDB transaction, and reading back what a part wrote. */
final class PushParts {

    private PushParts() {
    }

    /**
     * Consecutive parts of at most {@code maxActions} writes (a value takes one write per piece; a removal one).
     *
     * @param items patches or records, in the order they are to be written
     * @param value an item's value, null for a removal
     */
    static <T> List<List<T>> split(List<T> items, Function<T, @Nullable String> value, int maxActions,
            int pieceUnits) {
        List<List<T>> parts = new ArrayList<>();
        List<T> part = new ArrayList<>();
        int actions = 0;
        for (T item : items) {
            String text = value.apply(item);
            int cost = text == null ? 1 : Math.max(1, (text.length() + pieceUnits - 1) / pieceUnits);
            if (!part.isEmpty() && actions + cost > maxActions) {
                parts.add(part);
                part = new ArrayList<>();
                actions = 0;
            }
            part.add(item);
            actions += cost;
        }
        parts.add(part);
        return parts;
    }

    /** Whether a limit error is the transaction size (so a smaller part would pass), not a dataset limit. */
    static boolean tooManyWrites(DataLimitExceededException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("DynamoDB writes") || message.contains("at most 100 records");
    }

    /**
     * The records a part wrote, from the answer; a value the API leaves out (stored in pieces) is the one pushed.
     */
    static List<Record> filled(JsonNode written, List<RecordPatch> part) {
        List<Record> records = new ArrayList<>();
        for (Record record : AppSyncRecords.records(written)) {
            RecordPatch sent = part.stream().filter(p -> p.key().equals(record.key())).findFirst().orElse(null);
            String leftOut = record.value() == null && sent != null ? sent.value() : null;
            records.add(leftOut != null ? new Record(record.key(), leftOut, record.syncCount(),
                    record.lastModifiedDate(), record.lastModifiedBy(), record.deviceLastModifiedDate()) : record);
        }
        return records;
    }
}
