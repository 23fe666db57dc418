package dev.syncshift.client.remote.appsync;

import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What records of an import change at most in the dataset's totals (live records and key+value UTF-8 bytes, as the
 * store counts them), against the store's records as read once, when first needed: each earlier part of an import
 * in parts carries it for the parts after it ({@code later}), so the store holds that part to the import's end state
 * and an import that would end over the limits writes nothing. A record counts what it frees (a removal, a shrunk
 * value) only when it is not older than the store's version of its key: the store keeps its own version of a key
 * changed on both sides when that is the later one, and then the record frees nothing.
 */
final class ImportEffect {

    private final Supplier<List<Record>> store;
    private @Nullable Map<RecordKey, Record> stored;

    /** @param store reads the store's records of the dataset (live ones and removals), once, when first needed */
    ImportEffect(Supplier<List<Record>> store) {
        this.store = store;
    }

    /** Records added (negative when more are removed) and bytes added (negative when freed). */
    record Effect(long records, long bytes) {

        static final Effect NONE = new Effect(0, 0);

        Effect plus(Effect other) {
            return new Effect(records + other.records, bytes + other.bytes);
        }

        /** As the API's ImportEffectInput. */
        Map<String, Object> input() {
            return Map.of("records", records, "bytes", bytes);
        }
    }

    /** What the records change at most in the totals, each applied over what the store holds of its key. */
    Effect of(List<Record> records) {
        Map<RecordKey, Record> live = live();
        long count = 0;
        long bytes = 0;
        for (Record record : records) {
            Record before = live.get(record.key());
            boolean frees = before == null || !record.lastModifiedDate().isBefore(before.lastModifiedDate());
            long added = (record.isTombstone() ? 0 : 1) - (before == null ? 0 : 1);
            long grown = bytes(record) - (before == null ? 0 : bytes(before));
            count += frees ? added : Math.max(0, added);
            bytes += frees ? grown : Math.max(0, grown);
        }
        return new Effect(count, bytes);
    }

    private Map<RecordKey, Record> live() {
        if (stored == null) {
            Map<RecordKey, Record> read = new HashMap<>();
            store.get().stream().filter(record -> !record.isTombstone()).forEach(record -> read.put(record.key(),
                    record));
            stored = read;
        }
        return stored;
    }

    private static long bytes(Record record) {
        String value = record.value();
        return value == null ? 0 : record.key().value().getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
