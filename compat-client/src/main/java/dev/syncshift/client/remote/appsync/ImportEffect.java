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
 * What records of an import change in the dataset's totals (live records and key+value UTF-8 bytes, as the store
 * counts them), against the store's state and records as read once, when first needed: each earlier part of an import
 * in parts carries it for the parts after it ({@code later}), so the store holds that part to the import's end state
 * and an import that would end over the limits writes nothing. A record counts as the store applies it
 * ({@link ImportState#applies}): one it applies changes the totals by its difference with the store's version of its
 * key, one over which the store keeps its own version (a later change on AppSync, a later removal there included, a
 * tie, a newer copied count, the write-back's) changes nothing. Exact against that read; should the dataset change
 * between it and a part, the store, which checks the last part on its own totals, refuses what ends over the limits.
 */
final class ImportEffect {

    private final Supplier<Stored> store;
    private final long watermark;
    private final String identity;
    private @Nullable Stored stored;

    /**
     * @param store reads the store's state and records of the dataset (live ones and removals), once, when first needed
     * @param watermark W, the watermark the import starts from
     * @param identity the caller's identity
     */
    ImportEffect(Supplier<Stored> store, long watermark, String identity) {
        this.store = store;
        this.watermark = watermark;
        this.identity = identity;
    }

    /** The store's state of the dataset ({@link ImportState#ABSENT} when it has none) and its records by key. */
    record Stored(ImportState state, Map<RecordKey, Record> records) {

        static Stored of(ImportState state, List<Record> records) {
            Map<RecordKey, Record> byKey = new HashMap<>();
            records.forEach(record -> byKey.put(record.key(), record));
            return new Stored(state, byKey);
        }
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

    /** What the records change in the totals, each as the store applies it over its version of the key. */
    Effect of(List<Record> records) {
        Stored read = stored();
        long count = 0;
        long bytes = 0;
        for (Record record : records) {
            Record before = read.records().get(record.key());
            if (read.state().applies(record, before, watermark, identity)) {
                count += live(record) - live(before);
                bytes += bytes(record) - bytes(before);
            }
        }
        return new Effect(count, bytes);
    }

    private Stored stored() {
        if (stored == null) {
            stored = store.get();
        }
        return stored;
    }

    private static long live(@Nullable Record record) {
        return record == null || record.isTombstone() ? 0 : 1;
    }

    private static long bytes(@Nullable Record record) {
        if (record == null) {
            return 0;
        }
        String value = record.value();
        return value == null ? 0 : record.key().value().getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
